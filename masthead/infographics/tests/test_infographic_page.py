"""An infographic: a full-width graphic linked to its text version, its original
to open and download, in every edition and as a story card."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from wagtail.models import Locale

from masthead.caching.pages import default_purge_keys
from masthead.front.setup import ensure_edition_home
from masthead.infographics.tests.factories import InfographicPageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


@pytest.fixture
def infographic(news):
    return publish(
        InfographicPageFactory(parent=news, title="Rain in 2024", slug="rain")
    )


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def test_graphic_is_described_by_its_text_version(client, infographic):
    soup = soup_of(client, infographic.url)

    img = soup.select_one(".infographic__figure img")
    assert img["alt"] == "Bar chart of monthly rainfall in 2024"
    text = soup.select_one(f"#{img['aria-describedby']}")
    assert text.name == "section"
    assert text.h2.get_text() == "Text version of this graphic"
    assert [li.get_text() for li in text.select("li")] == [
        "January: 80 mm",
        "February: 62 mm",
    ]
    assert soup.select_one("a[href='#infographic-text']") is not None


def test_graphic_is_responsive_and_opens_at_full_resolution(client, infographic):
    soup = soup_of(client, infographic.url)
    original = infographic.graphic.file.url

    figure = soup.select_one(".infographic__figure")
    assert figure.select_one("a.infographic__open")["href"] == original
    sources = figure.select("picture source")
    assert [s["type"] for s in sources] == ["image/avif", "image/webp"]
    assert figure.figcaption.get_text(" ", strip=True) == (
        "Rainfall by month. (Data desk)"
    )
    download = soup.select_one("a[download]")
    assert download["href"] == original
    assert download.get_text().startswith("Download the original (480 × 300 pixels, ")
    zoom = soup.select_one("button[data-infographic-zoom]")
    assert zoom.has_attr("hidden")  # shown by the script only
    assert zoom["aria-pressed"] == "false"
    assert soup.select_one("script[src$='infographics/infographic.js']").has_attr(
        "defer"
    )


def test_pinch_zoom_is_never_disabled(client, infographic):
    viewport = soup_of(client, infographic.url).select_one("meta[name=viewport]")

    assert "user-scalable" not in viewport["content"]
    assert "maximum-scale" not in viewport["content"]


def test_renders_in_every_edition(client, infographic):
    pages = {"en": infographic}
    for code, title in [("ar", "الأمطار في 2024"), ("es", "La lluvia en 2024")]:
        ensure_edition_home(code)
        copy = infographic.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        )
        copy.title = title
        copy.save()
        pages[code] = publish(copy)

    for code, direction in [("en", "ltr"), ("ar", "rtl"), ("es", "ltr")]:
        soup = soup_of(client, pages[code].url)
        assert (soup.html["lang"], soup.html["dir"]) == (code, direction)
        assert soup.h1.get_text() == pages[code].title
        assert soup.select_one("#infographic-text li") is not None
    assert pages["ar"].url.startswith("/ar/")


def test_cards_show_the_graphic_unless_another_picture_is_chosen(rf, infographic):
    html = render_to_string(
        "components/story_card.html",
        {"story": infographic, "show_standfirst": True},
        request=rf.get("/"),
    )
    card = BeautifulSoup(html, "html5lib")

    assert infographic.lead_image == infographic.graphic
    assert card.select_one(".card__headline a")["href"] == infographic.url
    assert card.select_one(".card__standfirst").get_text() == infographic.standfirst
    assert card.img["alt"] == "Bar chart of monthly rainfall in 2024"


def test_purge_keys_are_the_defaults(infographic):
    assert infographic.purge_keys() == default_purge_keys(infographic)
