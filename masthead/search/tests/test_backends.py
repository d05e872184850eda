"""SEARCH_URL chooses the search engine without code changes."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from masthead.search.backends import search_backends_from_url


@pytest.mark.parametrize("url", ["", "  ", "database"])
def test_the_database_by_default(url):
    assert search_backends_from_url(url) == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }


def test_opensearch_with_an_index_prefix():
    backend = search_backends_from_url("opensearch2://search.internal:9200/news_")

    assert backend["default"] == {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": ["http://search.internal:9200"],
        "INDEX_PREFIX": "news_",
        "TIMEOUT": 5,
    }


def test_elasticsearch_over_tls_with_a_login():
    backend = search_backends_from_url("elasticsearch8+https://user:pw@es.example:9243")

    assert backend["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["default"]["URLS"] == ["https://user:pw@es.example:9243"]
    assert backend["default"]["INDEX_PREFIX"] == ""


@pytest.mark.parametrize(
    "url", ["solr://search:8983", "opensearch2+ftp://host:21", "opensearch2://"]
)
def test_an_unknown_engine_stops_the_start(url):
    with pytest.raises(ImproperlyConfigured):
        search_backends_from_url(url)
