"""The demo builder draws a chart and publishes it with its figures as text."""

import pytest
from PIL import Image

from masthead.front.setup import ensure_edition_home
from masthead.infographics.demo import FIGURES, build_demo_infographics
from masthead.infographics.models import InfographicPage
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "first_item"),
    [("en", "North: 78%"), ("ar", "الشمال: ٧٨٪"), ("es", "Norte: 78 %")],
)
def test_builds_one_published_infographic_in_the_editions_language(
    client, home, code, first_item
):
    edition_home = ensure_edition_home(code)
    section = SectionPageFactory(parent=edition_home, locale=edition_home.locale)

    (page,) = build_demo_infographics(edition_home, section, code, [])
    (again,) = build_demo_infographics(edition_home, section, code, [])

    assert again.pk == page.pk
    assert InfographicPage.objects.live().child_of(section).count() == 1
    assert page.text_plain.splitlines()[1] == first_item
    assert len(page.text_plain.splitlines()) == len(FIGURES) + 3
    with page.graphic.open_file() as handle, Image.open(handle) as chart:
        assert chart.format == "PNG"
        assert chart.size == (1600, 1000)
    assert client.get(page.url).status_code == 200
