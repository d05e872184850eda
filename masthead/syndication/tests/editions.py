"""A second edition for tests: per-edition behaviour is only proven by two."""

from masthead.front.models import HomePage
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory

ARABIC_SITE_NAME = "الميادين"


def make_arabic_edition(english_home: HomePage) -> HomePage:
    """The Arabic home page, a translation of the English one, served at /ar/."""
    home = ensure_edition_home("ar", ARABIC_SITE_NAME)
    assert home.translation_key == english_home.translation_key
    return home


def arabic_section(home: HomePage, title="أخبار", slug="akhbar"):
    return SectionPageFactory(parent=home, title=title, slug=slug)
