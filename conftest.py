"""Fixtures shared by every app's tests: a small newsroom built with factories."""

import pytest
from django.core.cache import cache

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.tests.factories import AuthorFactory
from masthead.front.setup import ensure_edition_home
from masthead.media.tests.factories import ImageFactory
from masthead.regions.tests.factories import RegionFactory
from masthead.sections.tests.factories import SectionPageFactory


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    # Background work runs inline so a test sees its effects at once; uploads go to
    # a throwaway folder; static files need no collectstatic manifest.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    # Tests of pages see every render; the page cache has tests of its own.
    settings.PAGE_CACHE_ENABLED = False
    # Speaking every story a test publishes would take most of the suite's time;
    # the Listen tests turn it on (the `listen` fixture in masthead/listen/tests).
    settings.MASTHEAD_LISTEN_ENABLED = False
    yield settings
    cache.clear()


@pytest.fixture
def home(db):
    return ensure_edition_home("en")


@pytest.fixture
def news(home):
    return SectionPageFactory(parent=home, title="News", slug="news")


@pytest.fixture
def politics(news):
    return SectionPageFactory(parent=news, title="Politics", slug="politics")


@pytest.fixture
def author(db):
    return AuthorFactory(name="Lina Haddad", slug="lina-haddad", role="Correspondent")


@pytest.fixture
def region(db):
    return RegionFactory(name="MENA", slug="mena")


@pytest.fixture
def image(db):
    return ImageFactory()


@pytest.fixture
def article(politics, author, region, image):
    page = ArticlePageFactory(
        parent=politics,
        title="Ministers affirm strategic partnership in Tehran talks",
        slug="ministers-affirm-partnership",
        lead_image=image,
        lead_image_alt="Two ministers shake hands in front of flags",
        authors=[author],
    )
    page.tags.add("Iran", "Russia")
    page.regions.add(region)
    page.save_revision().publish(skip_permission_checks=True)
    return page


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, on the database store, empty."""
    from masthead.caching.store import DatabaseStore, get_store, reset_store

    settings.PAGE_CACHE_ENABLED = True
    settings.REDIS_URL = ""
    reset_store()
    store = get_store()
    assert isinstance(store, DatabaseStore)
    yield store
    reset_store()
