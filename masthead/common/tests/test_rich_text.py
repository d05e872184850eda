"""Page links in rich text lead to the reader's edition, as Wagtail's do."""

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db


def links_to(*pages) -> str:
    return "".join(
        f'<a linktype="page" id="{page.pk}">{page.title}</a>' for page in pages
    )


@pytest.fixture
def arabic(home):
    ensure_edition_home("ar")
    return Locale.objects.get(language_code="ar")


def translate(page, locale, publish=True):
    translated = page.copy_for_translation(locale, copy_parents=True)
    if publish:
        translated.save_revision().publish(skip_permission_checks=True)
    return translated


def test_a_link_leads_to_the_live_translation_in_the_readers_language(politics, arabic):
    translated_story = ArticlePageFactory(parent=politics, title="Talks resume")
    untranslated_story = ArticlePageFactory(parent=politics, title="Markets close")
    draft_story = ArticlePageFactory(parent=politics, title="Ceasefire holds")
    arabic_story = translate(translated_story, arabic)
    translate(draft_story, arabic, publish=False)

    with translation.override("ar"):
        html = expand_db_html(
            links_to(translated_story, untranslated_story, draft_story)
        )

    assert f'href="{arabic_story.url}"' in html
    assert f'href="{untranslated_story.url}"' in html
    assert f'href="{draft_story.url}"' in html  # a draft translation is not shown
    assert arabic_story.url != translated_story.url


def test_in_its_own_language_a_link_leads_to_the_page_itself(politics, arabic):
    story = ArticlePageFactory(parent=politics, title="Talks resume")
    translate(story, arabic)

    with translation.override("en"):
        html = expand_db_html(links_to(story))

    assert html == f'<a href="{story.url}">Talks resume</a>'


def test_a_link_to_a_deleted_page_keeps_its_text(politics):
    story = ArticlePageFactory(parent=politics, title="Talks resume")
    markup = links_to(story)
    story.delete()

    assert expand_db_html(markup) == "<a>Talks resume</a>"
