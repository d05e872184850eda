"""A gallery shows its pictures as a grid, and each picture at its own address."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from wagtail.models import Locale

from masthead.caching.pages import default_purge_keys
from masthead.front.setup import ensure_edition_home
from masthead.galleries.models import GalleryPicture
from masthead.galleries.tests.factories import GalleryPageFactory, SmallImageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


@pytest.fixture
def gallery(news, author):
    page = GalleryPageFactory(
        parent=news, title="Harbour life after the storm", slug="harbour", pictures=3
    )
    page.authors.create(author=author)
    return publish(page)


def soup_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return BeautifulSoup(response.content, "html5lib")


def test_grid_shows_every_picture_in_order_linking_to_its_own_page(client, gallery):
    soup = soup_of(client, gallery.url)

    items = soup.select(".gallery-grid__item")
    assert [item["id"] for item in items] == ["picture-1", "picture-2", "picture-3"]
    assert [item.a["href"] for item in items] == [
        f"{gallery.url}pictures/{n}/" for n in (1, 2, 3)
    ]
    assert [item.figcaption.contents[0].strip() for item in items] == [
        "Caption of picture 1.",
        "Caption of picture 2.",
        "Caption of picture 3.",
    ]
    assert soup.h1.get_text() == "Harbour life after the storm"
    assert "Lina Haddad" in soup.select_one(".article__byline").get_text()


def test_captions_credits_and_alt_text_fall_back_to_the_library(client, news):
    image = SmallImageFactory(
        description="Nets drying on the quay", credit="Sami Nour / Agency"
    )
    page = GalleryPageFactory(parent=news)
    GalleryPicture.objects.create(page=page, image=image, sort_order=0)
    GalleryPicture.objects.create(
        page=page, image=image, sort_order=1, caption="Own caption",
        credit="Own credit", alt_text="A fisherman mends a net",
    )  # fmt: skip
    publish(page)

    figures = soup_of(client, page.url).select(".gallery-grid__figure")

    first, second = figures
    assert first.img["alt"] == "Nets drying on the quay"
    assert first.figcaption.get_text(" ", strip=True) == (
        "The city centre at dusk. (Sami Nour / Agency)"
    )
    assert second.img["alt"] == "A fisherman mends a net"
    assert second.figcaption.get_text(" ", strip=True) == "Own caption (Own credit)"


def test_pictures_after_the_first_four_load_lazily(client, news):
    page = publish(GalleryPageFactory(parent=news, pictures=6))

    images = soup_of(client, page.url).select(".gallery-grid img")

    assert [img.get("loading") for img in images] == [None] * 4 + ["lazy"] * 2
    assert all(img.parent.name == "picture" for img in images)
    sources = images[0].parent.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]


def test_thumbnails_carry_what_the_viewer_shows(client, gallery):
    link = soup_of(client, gallery.url).select_one("#picture-2 a")

    assert link["data-number"] == "2"
    assert link["data-status"] == "Picture 2 of 3"
    assert link["data-src"].endswith(".webp")
    assert len(link["data-srcset"].split(", ")) == 2
    assert link["data-alt"] == "A street in the city centre at dusk"


def test_viewer_is_a_labelled_dialog_with_a_polite_status(client, gallery):
    soup = soup_of(client, gallery.url)

    dialog = soup.select_one("dialog[data-gallery-viewer]")
    assert soup.select_one(f"#{dialog['aria-labelledby']}").get_text() == gallery.title
    assert dialog.select_one("[data-viewer-status]")["aria-live"] == "polite"
    assert [b.get_text() for b in dialog.select("button")] == [
        "Previous picture",
        "Next picture",
        "Close",
    ]
    script = soup.select_one("script[src$='galleries/gallery.js']")
    assert script.has_attr("defer")


def test_each_picture_has_its_own_page_with_previous_and_next(client, gallery):
    soup = soup_of(client, f"{gallery.url}pictures/2/")

    assert soup.title.get_text().startswith(
        "Harbour life after the storm: picture 2 of 3"
    )
    assert soup.select_one(".gallery-pager__count").get_text() == "Picture 2 of 3"
    assert soup.select_one("a[rel=prev]")["href"] == f"{gallery.url}pictures/1/"
    assert soup.select_one("a[rel=next]")["href"] == f"{gallery.url}pictures/3/"
    assert soup.select_one(".gallery-pager__all")["href"] == (
        f"{gallery.url}#picture-2"
    )
    figure = soup.select_one(".gallery-single__figure")
    assert figure.figcaption.contents[0].strip() == "Caption of picture 2."
    assert soup.select_one(".breadcrumbs [aria-current=page]").get_text() == (
        "Picture 2 of 3"
    )


def test_first_and_last_pictures_link_only_one_way(client, gallery):
    first = soup_of(client, f"{gallery.url}pictures/1/")
    last = soup_of(client, f"{gallery.url}pictures/3/")

    assert first.select_one("a[rel=prev]") is None
    assert first.select_one("a[rel=next]") is not None
    assert last.select_one("a[rel=next]") is None


@pytest.mark.parametrize(
    "suffix", ["pictures/0/", "pictures/4/", "pictures/abc/", "pictures/-1/",
               "pictures/99999999999999999999999/", "pictures/"],
)  # fmt: skip
def test_a_picture_that_does_not_exist_is_not_found(client, gallery, suffix):
    assert client.get(gallery.url + suffix).status_code == 404


@pytest.fixture
def translations(gallery):
    pages = {"en": gallery}
    for code, title in [("ar", "الحياة في الميناء بعد العاصفة"),
                        ("es", "La vida en el puerto tras la tormenta")]:  # fmt: skip
        ensure_edition_home(code)
        copy = gallery.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        )
        copy.title = title
        copy.save()
        pages[code] = publish(copy)
    return pages


def test_renders_in_every_edition(client, translations):
    for code, direction in [("en", "ltr"), ("ar", "rtl"), ("es", "ltr")]:
        page = translations[code]
        soup = soup_of(client, page.url)
        assert (soup.html["lang"], soup.html["dir"]) == (code, direction)
        assert soup.h1.get_text() == page.title
        assert len(soup.select(".gallery-grid__item")) == 3
        picture = soup_of(client, f"{page.url}pictures/3/")
        assert picture.html["lang"] == code
    assert translations["ar"].url.startswith("/ar/")
    assert translations["es"].url.startswith("/es/")


def test_works_as_a_story_card(rf, gallery):
    html = render_to_string(
        "components/story_card.html",
        {"story": gallery, "show_standfirst": True},
        request=rf.get("/"),
    )
    card = BeautifulSoup(html, "html5lib")

    assert card.select_one(".card__headline a")["href"] == gallery.url
    assert card.select_one(".card__standfirst").get_text() == gallery.standfirst
    assert card.img["alt"] == "Fishing boats moored in the harbour"


def test_purge_keys_are_the_defaults(gallery):
    assert gallery.purge_keys() == default_purge_keys(gallery)
