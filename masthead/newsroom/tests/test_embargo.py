"""An embargo refuses publication before its time, whoever asks, until it is
lifted with a reason. The clock is moved, never waited for."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import PageLogEntry

from masthead.articles.models import ArticlePage
from masthead.newsroom.clock import tick
from masthead.newsroom.embargo import (
    LIFT_LOG_ACTION,
    EmbargoedError,
    lift_embargo,
    set_embargo,
)
from masthead.newsroom.tests.conftest import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargo(clock, draft, chief):
    return set_embargo(draft, clock.moment.replace(hour=12), chief, "Agency embargo")


def reload(page):
    return ArticlePage.objects.get(pk=page.pk)


def test_publishing_before_the_time_is_refused_even_to_a_superuser(
    embargo, draft, chief
):
    with pytest.raises(EmbargoedError, match="embargoed until"):
        draft.get_latest_revision().publish(user=chief, skip_permission_checks=True)
    assert not reload(draft).live


def test_the_embargo_ends_by_itself_at_its_time(embargo, draft, clock):
    clock.move(hours=3, seconds=1)
    draft.get_latest_revision().publish(skip_permission_checks=True)
    assert reload(draft).live


def test_a_lifted_embargo_lets_the_story_out_and_records_who_and_why(
    embargo, draft, editor
):
    with pytest.raises(ValidationError, match="Say why"):
        lift_embargo(embargo, editor, "early")
    lift_embargo(embargo, editor, "The agency lifted its embargo at 10:40.")
    draft.get_latest_revision().publish(skip_permission_checks=True)

    assert reload(draft).live
    entry = PageLogEntry.objects.get(page=draft, action=LIFT_LOG_ACTION)
    assert entry.user == editor
    assert entry.data["reason"] == "The agency lifted its embargo at 10:40."


def test_an_embargo_cannot_hold_a_story_already_out(article, chief, clock):
    with pytest.raises(ValidationError, match="already published"):
        set_embargo(article, clock.moment + timedelta(hours=1), chief)


def test_scheduled_before_the_embargo_is_held_then_goes_out_after_it(
    embargo, draft, clock
):
    page = reload(draft)
    page.go_live_at = clock.moment.replace(hour=10)
    page.save_revision().publish(skip_permission_checks=True)  # schedules it
    assert not reload(draft).live

    clock.move(hours=1, minutes=30)  # 10:30: due, but embargoed until 12:00
    assert tick().held == 1
    assert not reload(draft).live

    clock.move(hours=2)  # 12:30
    result = tick()
    assert (result.published, result.held) == (1, 0)
    assert reload(draft).live


def test_the_admin_keeps_the_draft_and_says_why_it_is_not_published(
    embargo, draft, chief, client
):
    client.force_login(chief)
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    assert "Embargoed until" in client.get(edit_url).content.decode()

    data = edit_form_data(client, draft)
    data["title"] = "Ceasefire talks to resume in Cairo on Sunday"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data, follow=True)

    assert response.status_code == 200
    assert "cannot be published before" in response.content.decode()
    saved = reload(draft)
    assert not saved.live
    assert saved.get_latest_revision().content["title"] == (
        "Ceasefire talks to resume in Cairo on Sunday"
    )


def test_the_admin_accepts_a_schedule_at_or_after_the_embargo(
    embargo, draft, chief, client, clock
):
    client.force_login(chief)
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    data = edit_form_data(client, draft)
    data["go_live_at"] = "2026-12-04 12:00"
    data["action-publish"] = "action-publish"
    client.post(edit_url, data)

    revision = reload(draft).get_latest_revision()
    assert revision.approved_go_live_at == embargo.until
    clock.move(hours=3)
    assert tick().published == 1
    assert reload(draft).live


def test_editors_set_and_lift_embargoes_in_the_admin(draft, editor, client, clock):
    client.force_login(editor)
    url = reverse("newsroom:embargo", args=(draft.pk,))
    bad = client.post(url, {"until": "2026-12-03 08:00"})
    assert bad.status_code == 200
    assert "ends in the future" in bad.content.decode()

    client.post(url, {"until": "2026-12-04 18:00", "note": "Embargo 18:00 GMT"})
    assert draft.embargoes.get().note == "Embargo 18:00 GMT"

    too_short = client.post(url, {"lift": "1", "reason": "now"})
    assert too_short.status_code == 400
    client.post(url, {"lift": "1", "reason": "The minister spoke early on TV."})
    assert draft.embargoes.get().lift_reason == "The minister spoke early on TV."


def test_writers_cannot_touch_embargoes(draft, writer, client):
    client.force_login(writer)
    response = client.get(reverse("newsroom:embargo", args=(draft.pk,)))
    assert (response.status_code, response.url) == (302, "/admin/")


def test_bulk_publishing_leaves_an_embargoed_story_out(embargo, draft, chief, client):
    client.force_login(chief)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={draft.pk}&next=/admin/"
    )
    response = client.post(url, {}, follow=True)

    assert response.status_code == 200
    assert "cannot be published before" in response.content.decode()
    assert not reload(draft).live


def test_a_draft_from_an_embargoed_wire_is_embargoed_until_the_agencys_time(
    politics, author, writer, clock
):
    from masthead.wires.actions import use_wire_item
    from masthead.wires.tests.factories import WireItemFactory

    until = clock.moment + timedelta(hours=5)
    item = WireItemFactory(embargoed_until=until)

    draft = use_wire_item(item, politics, writer, author=author)

    embargo = draft.embargoes.get()
    assert (embargo.until, embargo.set_by) == (until, writer)
    assert "Agency embargo" in embargo.note
    with pytest.raises(EmbargoedError):
        draft.get_latest_revision().publish(skip_permission_checks=True)
