"""No English is left in the Arabic and Spanish editions' page chrome."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.editions.tests.test_catalogs import catalog
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db

# Words that stay as they are in every language.
PROPER_NOUNS = {"X", "Facebook", "WhatsApp", "Telegram", "RSS", "Atom"}


def english_phrases(language: str) -> set[str]:
    """The interface's English strings, without placeholders, as readers see them,
    less those the edition's translators kept as they are ("Blog" in Spanish)."""
    phrases = set()
    for entry in catalog(language):
        if entry.msgstr == entry.msgid:
            continue
        for text in (entry.msgid, entry.msgid_plural):
            if not text:
                continue
            plain = re.sub(r"%\(\w+\)s|<[^>]+>", " ", text)
            for part in re.split(r"\s{2,}|[.:…]\s", plain):
                part = part.strip(" .:…,")
                if (
                    len(part) >= 4
                    and part not in PROPER_NOUNS
                    and re.search("[A-Za-z]{3}", part)
                ):
                    phrases.add(part)
    return phrases


@pytest.fixture
def editions(home, news, politics):
    pages = {}
    for code, name, section_title, slug in [
        ("ar", "ذا ماستهيد", "أخبار", "أخبار"),
        ("es", "The Masthead en Español", "Noticias", "noticias"),
    ]:
        ensure_edition_home(code, name, "")
        locale = Locale.objects.get(language_code=code)
        section = news.copy_for_translation(locale)
        section.title, section.slug = section_title, slug
        section.save()
        section.save_revision().publish(skip_permission_checks=True)
        story = ArticlePageFactory(
            parent=section, locale=locale, title=f"{section_title} 1", authors=[]
        )
        pages[code] = ["/" + code + "/", section.url, story.url, f"/{code}/search/?q=x",
                       f"/{code}/no-such-page/"]  # fmt: skip
    return pages


def chrome_text(html: bytes) -> str:
    soup = BeautifulSoup(html, "html5lib")
    for content in soup.select(
        ".article__body, .card__headline, .article__headline, script, style"
    ):
        content.decompose()
    return " ".join(soup.stripped_strings)


@pytest.mark.parametrize("language", ["ar", "es"])
def test_no_english_in_the_chrome(client, editions, language):
    phrases = english_phrases(language)
    for url in editions[language]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = chrome_text(response.content)
        left = sorted(p for p in phrases if re.search(rf"\b{re.escape(p)}\b", text))
        assert left == [], f"{language} {url}: {left}"
