"""The demo builder makes each edition two galleries in its own language."""

import pytest
from wagtail.models import Locale

from masthead.front.setup import ensure_edition_home
from masthead.galleries.demo import build_demo_galleries
from masthead.galleries.models import GalleryPage
from masthead.media.tests.factories import ImageFactory
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "word"), [("en", "week"), ("ar", "الأسبوع"), ("es", "semana")]
)
def test_builds_two_published_galleries_in_the_editions_language(
    client, home, code, word
):
    edition_home = ensure_edition_home(code)
    section = SectionPageFactory(parent=edition_home, locale=edition_home.locale)
    pictures = [ImageFactory() for _ in range(4)]

    galleries = build_demo_galleries(edition_home, section, code, pictures)
    again = build_demo_galleries(edition_home, section, code, pictures)

    assert [g.pk for g in again] == [g.pk for g in galleries]
    assert GalleryPage.objects.live().child_of(section).count() == 2
    first, second = galleries
    assert word in first.title
    assert first.locale == Locale.objects.get(language_code=code)
    assert 6 <= first.pictures.count() <= 10
    assert 6 <= second.pictures.count() <= 10
    assert first.pictures.first().image != second.pictures.first().image
    assert client.get(first.url).status_code == 200
    assert client.get(f"{second.url}pictures/9/").status_code == 200
