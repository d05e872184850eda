"""WAGTAILSEARCH_BACKENDS from one address, so operators switch engines by setting
SEARCH_URL, without code changes (see docs/search.md).

    (unset) or database                      the database's own full-text search
    opensearch2://search.internal:9200/news_ OpenSearch 2, index names prefixed news_
    elasticsearch8+https://user:pw@es:9243/  Elasticsearch 8 over TLS, with a login

settings.py calls it while settings are loading, so it reads no setting itself.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = "wagtail.search.backends.database"
EXTERNAL_ENGINES = {
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
    "opensearch2",
    "opensearch3",
}


class SearchURLError(ImproperlyConfigured):
    pass


def search_backends_from_url(url: str) -> dict:
    url = url.strip()
    if url in {"", "database", "database://"}:
        return {"default": {"BACKEND": DATABASE_BACKEND}}
    parts = urlsplit(url)
    engine, _, transport = parts.scheme.partition("+")
    if engine not in EXTERNAL_ENGINES or transport not in {"", "http", "https"}:
        raise SearchURLError(
            f"SEARCH_URL must start with database, or one of "
            f"{', '.join(sorted(EXTERNAL_ENGINES))} (optionally +https); "
            f"got {parts.scheme!r}."
        )
    if not parts.hostname:
        raise SearchURLError("SEARCH_URL names no host.")
    host_url = urlunsplit((transport or "http", parts.netloc, "", "", ""))
    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.{engine}",
            "URLS": [host_url],
            "INDEX_PREFIX": parts.path.strip("/"),
            "TIMEOUT": 5,
        }
    }
