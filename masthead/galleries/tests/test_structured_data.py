"""What machines read on a gallery: an ImageGallery of ImageObjects, and an
ImageObject on each picture's page."""

import json

import pytest
from bs4 import BeautifulSoup

from masthead.authors.models import AuthorIndexPage
from masthead.galleries.models import GalleryPicture
from masthead.galleries.tests.factories import GalleryPageFactory, SmallImageFactory

pytestmark = pytest.mark.django_db

BASE = "https://news.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.MASTHEAD_BASE_URL = BASE


@pytest.fixture
def gallery(home, news, author):
    home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    page = GalleryPageFactory(
        parent=news, title="Harbour life", slug="harbour",
        standfirst="Scenes from the harbour as the fleet returns after the storm.",
    )  # fmt: skip
    page.authors.create(author=author)
    for number, (caption, credit) in enumerate(
        [("Boats at dawn.", ""), ("Nets on the quay.", "Own credit")]
    ):
        GalleryPicture.objects.create(
            page=page,
            image=SmallImageFactory(credit="Agency photographer"),
            sort_order=number,
            caption=caption,
            credit=credit,
            alt_text=f"Alt {number + 1}",
        )
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


def json_ld(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    return [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
    ]


def picture_object(data, number, caption, credit):
    assert data["@type"] == "ImageObject"
    assert data["contentUrl"].startswith(f"{BASE}/media/images/")
    assert data["contentUrl"].endswith(".jpg")
    # The small test pictures (320 × 240) are never enlarged.
    assert (data["width"], data["height"]) == (320, 240)
    assert data["caption"] == caption
    assert data["creditText"] == credit
    assert data["description"] == f"Alt {number}"
    assert data["position"] == number


def test_gallery_json_ld_field_by_field(client, home, gallery):
    (data,) = json_ld(client, gallery.url)
    url = f"{BASE}/news/harbour/"

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ImageGallery"
    assert data["name"] == data["headline"] == "Harbour life"
    assert data["description"] == gallery.standfirst
    assert data["url"] == url
    assert data["datePublished"] == gallery.first_published_at.isoformat()
    assert data["dateModified"] == gallery.last_published_at.isoformat()
    assert data["inLanguage"] == "en"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Lina Haddad",
            "url": f"{BASE}/authors/lina-haddad/",
        }
    ]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": home.site_name,
        "logo": {
            "@type": "ImageObject",
            "url": f"{BASE}/static/img/logo.png",
            "width": 600,
            "height": 60,
        },
    }
    assert data["image"].startswith(f"{BASE}/media/images/")
    assert ".fill-1200x675" in data["image"]
    first, second = data["associatedMedia"]
    picture_object(first, 1, "Boats at dawn.", "Agency photographer")
    picture_object(second, 2, "Nets on the quay.", "Own credit")
    assert first["url"] == f"{url}pictures/1/"
    assert second["url"] == f"{url}pictures/2/"


def test_picture_page_json_ld_field_by_field(client, gallery):
    (data,) = json_ld(client, f"{gallery.url}pictures/2/")

    assert data["@context"] == "https://schema.org"
    picture_object(data, 2, "Nets on the quay.", "Own credit")
    assert data["url"] == f"{BASE}/news/harbour/pictures/2/"
    assert data["datePublished"] == gallery.first_published_at.isoformat()
    assert data["inLanguage"] == "en"
    assert data["author"][0]["name"] == "Lina Haddad"
    assert data["publisher"]["@type"] == "Organization"
    assert data["isPartOf"] == {
        "@type": "ImageGallery",
        "name": "Harbour life",
        "url": f"{BASE}/news/harbour/",
    }


def test_canonical_links_name_the_gallery_and_each_picture(client, gallery):
    for path in ["", "pictures/1/"]:
        soup = BeautifulSoup(client.get(gallery.url + path).content, "html5lib")
        assert soup.select_one("link[rel=canonical]")["href"] == (
            f"{BASE}/news/harbour/{path}"
        )
