"""Two people do not overwrite each other: a story can be locked by the one
working on it, and the editor shows who else has it open."""

import pytest
from django.urls import reverse

from masthead.articles.models import ArticlePage
from masthead.newsroom.roles import WRITER, edition_group

from .conftest import edit_form_data, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_writer(groups, django_user_model):
    return member_of(django_user_model, "second", edition_group(WRITER, "en"))


def test_a_locked_story_refuses_the_other_writers_changes(
    draft, writer, second_writer, editor, client
):
    client.force_login(writer)
    client.post(reverse("wagtailadmin_pages:lock", args=(draft.pk,)))
    assert ArticlePage.objects.get(pk=draft.pk).locked_by == writer

    client.force_login(second_writer)
    data = edit_form_data(client, draft)
    data["title"] = "Overwritten"
    client.post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), data)
    assert ArticlePage.objects.get(pk=draft.pk).get_latest_revision().content[
        "title"
    ] == ("Ceasefire talks to resume in Cairo")

    # A writer cannot unlock someone else's lock; an editor can.
    client.post(reverse("wagtailadmin_pages:unlock", args=(draft.pk,)))
    assert ArticlePage.objects.get(pk=draft.pk).locked
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:unlock", args=(draft.pk,)))
    assert not ArticlePage.objects.get(pk=draft.pk).locked


def ping(client, page, session_id=0, editing=True):
    url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=("wagtailcore", "page", str(page.pk), session_id),
    )
    return client.post(url, {"is_editing": "1"} if editing else {}).json()


def test_the_editor_shows_who_else_is_editing(draft, writer, editor, client):
    client.force_login(writer)
    ping(client, draft)

    client.force_login(editor)
    others = ping(client, draft, editing=False)["other_sessions"]

    assert [(o["user"], o["is_editing"]) for o in others] == [("writer", True)]
