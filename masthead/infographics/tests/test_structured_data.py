"""What machines read on an infographic: an ImageObject with its text version."""

import json

import pytest
from bs4 import BeautifulSoup

from masthead.infographics.tests.factories import InfographicPageFactory

pytestmark = pytest.mark.django_db

BASE = "https://news.example"


def test_image_object_json_ld_field_by_field(client, settings, home, news):
    settings.MASTHEAD_BASE_URL = BASE
    page = InfographicPageFactory(
        parent=news, title="Rain in 2024", slug="rain", caption="Own caption"
    )
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()

    soup = BeautifulSoup(client.get(page.url).content, "html5lib")
    (data,) = [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
    ]

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ImageObject"
    assert data["name"] == "Rain in 2024"
    assert data["description"] == page.standfirst
    assert (
        data["text"] == "Rainfall in 2024, by month:\nJanuary: 80 mm\nFebruary: 62 mm"
    )
    assert data["caption"] == "Own caption"
    assert data["creditText"] == "Data desk"
    assert data["contentUrl"] == BASE + page.graphic.file.url
    assert data["contentUrl"].endswith(".png")
    assert data["encodingFormat"] == "image/png"
    assert (data["width"], data["height"]) == (480, 300)
    assert data["url"] == f"{BASE}/news/rain/"
    assert data["datePublished"] == page.first_published_at.isoformat()
    assert data["dateModified"] == page.last_published_at.isoformat()
    assert data["inLanguage"] == "en"
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == home.site_name
    assert soup.select_one("link[rel=canonical]")["href"] == f"{BASE}/news/rain/"
