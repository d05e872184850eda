"""A translator copies a story of another edition into theirs, without any right
over the original."""

import pytest
from django.urls import reverse

from masthead.articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_a_translator_makes_a_draft_in_their_own_edition(
    article, spanish, spanish_translator, client
):
    client.force_login(spanish_translator)
    url = reverse("newsroom:translate", args=(article.pk,))
    form = client.get(url).content.decode()
    assert "Spanish" in form or "Español" in form
    assert "Arabic" not in form

    response = client.post(url, {"locale": spanish.pk})

    translation = ArticlePage.objects.get(
        locale=spanish, translation_key=article.translation_key
    )
    assert response.url == reverse("wagtailadmin_pages:edit", args=(translation.pk,))
    assert not translation.live
    assert translation.get_parent().locale == spanish


def test_the_original_stays_out_of_the_translators_reach(
    article, spanish_translator, client
):
    client.force_login(spanish_translator)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert edit.status_code in (302, 403)


def test_no_edition_to_translate_into_is_refused(article, writer, client):
    client.force_login(writer)
    response = client.get(reverse("newsroom:translate", args=(article.pk,)))
    # The admin answers a refusal with a redirect to its home and a message.
    assert (response.status_code, response.url) == (302, "/admin/")


def test_an_unpublished_story_cannot_be_copied(draft, spanish_translator, client):
    client.force_login(spanish_translator)
    response = client.get(reverse("newsroom:translate", args=(draft.pk,)))
    assert response.status_code == 404


def test_translators_find_the_stories_their_edition_lacks(
    article, politics, spanish, spanish_translator, client
):
    from masthead.articles.tests.factories import ArticlePageFactory

    done = ArticlePageFactory(parent=politics, title="Already in Spanish")
    done.copy_for_translation(spanish)
    client.force_login(spanish_translator)

    listing = client.get(reverse("newsroom:to_translate")).content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("newsroom:translate", args=(article.pk,)) in listing
    assert "Already in Spanish" not in listing
    assert reverse("newsroom:to_translate") in menu


def test_the_list_is_for_translators(writer, client):
    client.force_login(writer)
    response = client.get(reverse("newsroom:to_translate"))
    assert (response.status_code, response.url) == (302, "/admin/")
