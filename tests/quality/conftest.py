"""The quality gates' fixtures: one compact newsroom, built once for the session,
served by a live server, and the page types' addresses in every edition.

pytest-django's `transactional_db` empties the database after every test, which
would mean building the newsroom again for each one. Here the newsroom is built
once, committed, served by a live server of its own, and the database emptied
(as `transactional_db` does) when the session ends.
"""

import threading
import time
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import setup_databases, teardown_databases

from .newsroom import build_newsroom
from .tools import axe_source, vnu_command

# While the newsroom is built: background work inline, no page cache, audio made.
BUILD_SETTINGS = {
    "TASKS": {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    },
    "PAGE_CACHE_ENABLED": False,
    # Every story is read aloud as it is published, so its page carries the
    # Listen player through every gate.
    "MASTHEAD_LISTEN_ENABLED": True,
    "MASTHEAD_LISTEN_ENGINES": ["masthead.listen.engines.espeak.EspeakEngine"],
}


# The database the settings name, before any test database replaces it.
REAL_DATABASE = settings.DATABASES["default"]["NAME"]


@dataclass(frozen=True)
class Site:
    url: str  # the live server, e.g. http://localhost:41234
    pages: dict[str, dict[str, str]]  # {edition: {page type: path}}

    def page_urls(self, editions=None):
        """(edition, page type, absolute URL) for every page of `editions`."""
        for edition, pages in self.pages.items():
            if editions is None or edition in editions:
                for page_type, path in pages.items():
                    yield edition, page_type, self.url + path


@pytest.fixture(scope="session")
def newsroom_media(tmp_path_factory):
    return tmp_path_factory.mktemp("newsroom-media")


@pytest.fixture(autouse=True)
def newsroom_settings(settings, newsroom_media):
    # Runs after the root conftest's `test_settings`: the newsroom's pictures stay
    # where they were uploaded for the whole session.
    settings.MEDIA_ROOT = newsroom_media


@pytest.fixture(scope="session")
def quality_database(django_db_setup, django_db_blocker):
    """The test database. pytest-django creates it only when some collected test is
    marked for the database; when the quality tests run alone it is created here.
    Nothing here ever writes to the database the settings name."""
    created = None
    if connection.settings_dict["NAME"] == REAL_DATABASE:
        with django_db_blocker.unblock():
            created = setup_databases(
                verbosity=0, interactive=False, aliases={"default"}
            )
    assert connection.settings_dict["NAME"] != REAL_DATABASE, "no test database"
    yield
    if created is not None:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


@pytest.fixture(scope="session")
def newsroom(quality_database, django_db_blocker, newsroom_media):
    """{edition: {page type: path}} of a newsroom built once for the session."""
    with django_db_blocker.unblock():
        with override_settings(MEDIA_ROOT=newsroom_media, **BUILD_SETTINGS):
            pages = build_newsroom()
        cache.clear()
    yield pages
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
    cache.clear()


@pytest.fixture(autouse=True)
def newsroom_database(django_db_blocker):
    # The newsroom's data is committed: tests read it (and the live server serves
    # it) without the per-test transaction or flush of pytest-django's fixtures.
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def quality_server(quality_database):
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    # Requests the browser gave up on may still be running; they need the
    # database connection the server shares until they end.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)
    server.stop()


@pytest.fixture(scope="session")
def site(newsroom, quality_server) -> Site:
    return Site(url=quality_server.url, pages=newsroom)


# Asked for before `site`, these skip (or fail) a test at once when its tool is
# missing, before the newsroom is built.
@pytest.fixture(scope="session")
def axe_script() -> str:
    return axe_source()


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    return vnu_command()


def pytest_terminal_summary(terminalreporter):
    from .tools import SUMMARY

    if SUMMARY:
        terminalreporter.section("quality gates")
        for line in SUMMARY:
            terminalreporter.write_line(line)
