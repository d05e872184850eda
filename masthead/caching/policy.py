"""Which requests and responses the page cache may keep, and under what key."""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings

# Query parameters that select a different page of the same resource; a request
# with any other parameter is served fresh and not kept (it could be anything).
CACHED_QUERY_PARAMETERS = {"page", "full"}
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/audio/")


def never_cached_path(path: str) -> bool:
    if path.startswith(NEVER_CACHED_PREFIXES):
        return True
    return any(part in path for part in ("/discovery/", "/search/"))


def cache_key_for(host: str, path: str, query_string: str) -> str | None:
    """The key for a reader's GET, or None when the request must not be cached."""
    if never_cached_path(path):
        return None
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, strict_parsing=False)
    except ValueError:
        return None
    if any(name not in CACHED_QUERY_PARAMETERS for name, _ in pairs):
        return None
    normalised = urlencode(sorted(pairs))
    url = f"{host.lower()}{path}?{normalised}"
    return hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def has_session(cookie_header: str) -> bool:
    """A signed-in editor (or anyone with a session) is never served the cache."""
    return f"{settings.SESSION_COOKIE_NAME}=" in cookie_header


def shared_cache_control() -> str:
    return (
        f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SECONDS}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}"
    )
