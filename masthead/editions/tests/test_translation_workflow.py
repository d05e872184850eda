"""Translating a story into another edition, and keeping translations current."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.editions.models import TranslationSync
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic(home, news, politics):
    ensure_edition_home("ar", "ذا ماستهيد")
    locale = Locale.objects.get(language_code="ar")
    for section in (news, politics):
        copy = section.copy_for_translation(locale)
        copy.save_revision().publish(skip_permission_checks=True)
    return locale


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("chief", "c@x.test", "pw")
    )
    return client


@pytest.fixture
def original(politics):
    return ArticlePageFactory(parent=politics, title="Talks resume in Cairo")


def translate_in_admin(admin_client, page, locale):
    url = reverse("simple_translation:submit_page_translation", args=(page.pk,))
    response = admin_client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return ArticlePage.objects.get(translation_key=page.translation_key, locale=locale)


def test_translating_makes_a_linked_draft_in_the_target_edition(
    admin_client, arabic, original
):
    translation = translate_in_admin(admin_client, original, arabic)

    assert not translation.live
    assert translation.get_parent().specific.locale == arabic
    assert original.get_translation(arabic) == translation
    assert TranslationSync.objects.get(translation=translation).needs_update is False


def test_significant_change_to_the_original_flags_the_translation(
    admin_client, arabic, original
):
    translation = translate_in_admin(admin_client, original, arabic)
    original.refresh_from_db()
    original.standfirst = "Mediators now expect a deal on the first phase within days."
    original.body = [
        ("paragraph", RichText("<p>A new first paragraph.</p>")),
        *((block.block_type, block.value) for block in original.body),
    ]
    original.save_revision().publish(skip_permission_checks=True)

    sync = TranslationSync.objects.get(translation=translation)
    assert sync.needs_update
    fields = [change["field"] for change in sync.changes]
    assert fields == ["Standfirst", "Body"]
    assert sync.changes[0]["now"] == original.standfirst
    assert "A new first paragraph." in sync.changes[1]["now"]


def test_publishing_the_original_unchanged_flags_nothing(
    admin_client, arabic, original
):
    translation = translate_in_admin(admin_client, original, arabic)
    original.refresh_from_db()
    original.save_revision().publish(skip_permission_checks=True)

    assert not TranslationSync.objects.get(translation=translation).needs_update


def test_the_flag_shows_in_the_admin_until_a_translator_clears_it(
    admin_client, arabic, original
):
    translation = translate_in_admin(admin_client, original, arabic)
    original.refresh_from_db()
    original.title = "Talks resume in Cairo with a new proposal"
    original.save_revision().publish(skip_permission_checks=True)
    edit_url = reverse("wagtailadmin_pages:edit", args=(translation.pk,))

    page = admin_client.get(edit_url).content.decode()
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Original updated" in page
    # Published, the original is linked where every translator can read it.
    assert f'href="{original.url}"' in page
    assert "Talks resume in Cairo with a new proposal" in page
    assert "Translation is up to date" in page
    assert translation.title in dashboard

    data = querydict_from_html(page, form_id="page-edit-form")
    body = [(b.block_type, rich_text(b.value.source)) for b in translation.body]
    data.update(nested_form_data({"body": streamfield(body)}))
    data["translation_up_to_date"] = "on"
    assert admin_client.post(edit_url, data).status_code == 302

    assert not TranslationSync.objects.get(translation=translation).needs_update
    assert "Original updated" not in admin_client.get(edit_url).content.decode()
