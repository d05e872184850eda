"""The demo newsroom. Loading it is slow, so one load serves every check here."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.authors.models import Author
from masthead.demo.loader import load_demo_newsroom
from masthead.front.models import HomePage
from masthead.media.models import CustomImage
from masthead.regions.models import Region
from masthead.sections.models import SectionPage

pytestmark = pytest.mark.django_db

REFERENCE_REGIONS = {
    "Africa", "Asia", "Asia-Pacific", "Europe",
    "Latin America", "MENA", "Palestine", "US & Canada",
}  # fmt: skip


def check_shape(home):
    sections = SectionPage.objects.descendant_of(home)
    assert home.locale.language_code == "en"
    top_level = [s.title for s in sections.filter(depth=home.depth + 1)]
    assert top_level == ["News", "Articles", "Videos", "Infographs", "In Pictures"]
    assert sections.count() == 22
    regions = Region.objects.filter(locale=home.locale)
    assert set(regions.values_list("name", flat=True)) == REFERENCE_REGIONS
    assert Author.objects.filter(locale=home.locale).count() >= 6
    assert Author.objects.filter(locale=home.locale, is_desk=True).exists()


def check_every_listing_has_stories(home):
    articles = ArticlePage.objects.live().filter(locale=home.locale)
    assert articles.count() >= 60
    for section in SectionPage.objects.descendant_of(home):
        assert articles.descendant_of(section).exists(), section.title
    for region in Region.objects.filter(locale=home.locale):
        assert articles.filter(regions=region).exists(), region.name
    for author in Author.objects.filter(locale=home.locale):
        assert articles.filter(authors__author=author).exists(), author.name


def check_articles_are_complete_and_spread_over_a_month():
    now = timezone.now()
    for article in ArticlePage.objects.live():
        paragraphs = [b for b in article.body if b.block_type == "paragraph"]
        assert len(paragraphs) >= 4, article.title
        assert article.tags.exists(), article.title
        assert article.lead_image.credit, article.title
        assert article.lead_alt_text, article.title
        assert article.authors.exists(), article.title
        assert now - timedelta(days=31) < article.first_published_at < now
    dates = ArticlePage.objects.values_list("first_published_at", flat=True)
    assert max(dates) - min(dates) > timedelta(days=20)


def check_other_editions():
    for language in ("ar", "es"):
        articles = ArticlePage.objects.live().filter(locale__language_code=language)
        english_keys = ArticlePage.objects.filter(locale__language_code="en").values(
            "translation_key"
        )
        originals = articles.exclude(translation_key__in=english_keys)
        translations = articles.filter(translation_key__in=english_keys)
        assert originals.count() >= 25, language
        assert translations.count() >= 5, language
        for translation in translations:
            assert translation.get_parent().specific.locale.language_code == language
        assert Author.objects.filter(locale__language_code=language).count() >= 5
        assert Region.objects.filter(locale__language_code=language).count() == 8
        home = HomePage.objects.get(locale__language_code=language)
        assert (
            home.translation_key
            == HomePage.objects.get(locale__language_code="en").translation_key
        )


def counts():
    return tuple(
        model.objects.count() for model in (ArticlePage, Author, CustomImage, Region)
    )


def test_demo_newsroom(home, capsys, django_user_model, monkeypatch):
    monkeypatch.setenv("MASTHEAD_ADMIN_PASSWORD", "demo-test-password")
    # What `make demo` runs: migrate (nothing left to do here), the demo, the admin.
    call_command("demo_setup", "--skip-renditions")

    output = capsys.readouterr().out
    assert django_user_model.objects.get(username="admin").is_superuser
    # The bar counts the stories of every edition and says when it is done.
    assert "Loading the demo stories [" in output
    assert "124/124, done in" in output
    assert "60 articles" in output
    check_shape(home)
    check_every_listing_has_stories(home)
    check_articles_are_complete_and_spread_over_a_month()
    check_other_editions()

    before = counts()
    for language in ("en", "ar", "es"):
        again = load_demo_newsroom(language, render_images=False)
        assert again.created == {}, language
    assert counts() == before
