"""Each edition has its own ticker."""

import pytest
from wagtail.models import Locale

from masthead.breaking.tests.factories import BreakingItemFactory
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic(home):
    ensure_edition_home("ar")
    return Locale.objects.get(language_code="ar")


def feed_texts(client, url):
    return [item["text"] for item in client.get(url).json()["items"]]


def test_each_edition_shows_only_its_own_lines(client, arabic):
    BreakingItemFactory(text="English line")
    BreakingItemFactory(text="سطر عربي", locale=arabic)

    assert feed_texts(client, "/breaking/live.json") == ["English line"]
    assert feed_texts(client, "/ar/breaking/live.json") == ["سطر عربي"]
    english_page = client.get("/").content.decode()
    arabic_page = client.get("/ar/").content.decode()
    assert "English line" in english_page
    assert "سطر عربي" not in english_page
    assert "سطر عربي" in arabic_page
    assert "English line" not in arabic_page


def test_each_page_polls_its_own_editions_feed(client, arabic):
    response = client.get("/ar/")

    assert 'data-src="/ar/breaking/live.json"' in response.content.decode()


def test_an_edition_without_lines_has_an_empty_feed(client, arabic):
    BreakingItemFactory(text="English line")

    assert client.get("/es/breaking/live.json").json() == {
        "edition": "es",
        "items": [],
    }
