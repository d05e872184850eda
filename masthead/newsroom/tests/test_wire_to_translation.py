"""A story's way through the newsroom, each step by the role that takes it: an
agency wire becomes an English draft, the desk publishes it, a translator puts
it into Spanish and the Spanish desk publishes the translation."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale

from masthead.articles.models import ArticlePage
from masthead.wires.actions import use_wire_item
from masthead.wires.ingest import poll_source
from masthead.wires.models import WireItem, WireSource, WireUse

from .conftest import edit_form_data

pytestmark = pytest.mark.django_db

WIRE = {
    "uri": "urn:agency:2026:cairo-talks",
    "version": "1",
    "versioncreated": "2026-12-04T07:40:00Z",
    "language": "en",
    "headline": "Ceasefire negotiators to meet again in Cairo",
    "description_text": (
        "Negotiators will meet in Cairo on Sunday for a new round of ceasefire talks, "
        "mediators said."
    ),
    "body_text": (
        "Negotiators will meet in Cairo on Sunday, mediators said on Friday.\n\n"
        "The talks stalled last week over the sequence of prisoner releases."
    ),
    "copyrightholder": "Agency Press",
}


@pytest.fixture
def wire_item(settings, tmp_path, home):
    settings.MASTHEAD_WIRE_DROP_ROOT = tmp_path
    (tmp_path / "agency").mkdir()
    (tmp_path / "agency" / "cairo.json").write_text(json.dumps(WIRE))
    source = WireSource.objects.create(
        name="Agency Press", format="ninjs", transport="folder", folder="agency",
        credit="Agency Press", locale=Locale.get_default(),
    )  # fmt: skip
    import os
    import time

    settled = time.time() - 5
    os.utime(tmp_path / "agency" / "cairo.json", (settled, settled))
    poll_source(source)
    return WireItem.objects.get()


def submit_for_review(client, page):
    data = edit_form_data(client, page)
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def approve(client, page):
    page = ArticlePage.objects.get(pk=page.pk)
    state = page.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk)
    )
    response = client.post(url, {"comment": "Approved for the site"})
    assert response.status_code in (200, 302)


def test_from_wire_to_published_translation(
    wire_item, politics, author, writer, editor, spanish, spanish_translator,
    spanish_editor, client,
):  # fmt: skip
    # The writer turns the wire into a draft and sends it to the English desk.
    draft = use_wire_item(wire_item, politics, writer, author=author)
    assert (draft.source, draft.live) == ("Agency Press", False)
    assert WireUse.objects.get(page=draft).version == wire_item.version
    client.force_login(writer)
    submit_for_review(client, draft)
    assert not ArticlePage.objects.get(pk=draft.pk).live

    # The English desk approves: the story is published.
    client.force_login(editor)
    approve(client, draft)
    story = ArticlePage.objects.get(pk=draft.pk)
    assert story.live
    assert client.get(story.url).status_code == 200

    # The Spanish translator copies it into Spanish, translates, submits.
    client.force_login(spanish_translator)
    response = client.post(
        reverse("newsroom:translate", args=(story.pk,)), {"locale": spanish.pk}
    )
    translation = ArticlePage.objects.get(
        locale=spanish, translation_key=story.translation_key
    )
    assert response.url == reverse("wagtailadmin_pages:edit", args=(translation.pk,))
    data = edit_form_data(client, translation)
    data["title"] = "Los negociadores volverán a reunirse en El Cairo"
    data["action-submit"] = "action-submit"
    edit_url = reverse("wagtailadmin_pages:edit", args=(translation.pk,))
    assert client.post(edit_url, data).status_code == 302
    translation = ArticlePage.objects.get(pk=translation.pk)
    assert translation.current_workflow_task.name == "Spanish desk"
    # The English editor cannot approve for the Spanish desk.
    assert (
        translation.current_workflow_task.specific.get_actions(translation, editor)
        == []
    )

    # The Spanish desk approves: the translation is published.
    client.force_login(spanish_editor)
    approve(client, translation)
    translation = ArticlePage.objects.get(pk=translation.pk)
    assert translation.live
    assert translation.title == "Los negociadores volverán a reunirse en El Cairo"
    assert translation.url.startswith("/es/")
