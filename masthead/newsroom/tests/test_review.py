"""Draft → desk review → published, with legal review when the desk asks."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, Workflow

from masthead.articles.models import ArticlePage
from masthead.newsroom.models import DeskReviewTask, LegalReviewTask
from masthead.newsroom.models.review import SEND_TO_LEGAL
from masthead.newsroom.roles import LEGAL_REVIEWER

from .conftest import edit_form_data, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def lawyer(groups, django_user_model):
    return member_of(django_user_model, "lawyer", groups[LEGAL_REVIEWER.label])


def submit(page, user):
    workflow = page.get_workflow()
    assert workflow.name == "English desk review"
    return workflow.start(page, user)


def act(page, user, action, comment=""):
    state = page.current_workflow_task_state.specific
    state.task.specific.on_action(state, user, action, comment=comment)


def live(page) -> bool:
    return ArticlePage.objects.get(pk=page.pk).live


def test_each_edition_has_its_desk_then_legal(groups):
    workflow = Workflow.objects.get(name="Spanish desk review")
    tasks = [task.specific for task in workflow.tasks]
    assert [type(task) for task in tasks] == [DeskReviewTask, LegalReviewTask]
    assert [group.name for group in tasks[0].groups.all()] == ["Spanish editors"]


def test_the_desk_approves_and_the_story_is_published(draft, writer, editor):
    submit(draft, writer)
    assert not live(draft)

    act(draft, editor, "approve", "Good to go")

    assert live(draft)
    desk = TaskState.objects.get(task__name="English desk")
    assert (desk.status, desk.comment) == ("approved", "Good to go")
    legal = TaskState.objects.get(task__name="Legal review")
    assert legal.status == "skipped"


def test_the_desk_asks_for_changes_with_a_comment(draft, writer, editor):
    state = submit(draft, writer)
    act(draft, editor, "reject", "Name the second source")

    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert TaskState.objects.get(task__name="English desk").comment == (
        "Name the second source"
    )
    assert not live(draft)


def test_sent_to_legal_waits_for_the_lawyers(draft, writer, editor, lawyer):
    submit(draft, writer)
    act(draft, editor, SEND_TO_LEGAL, "Names a man on trial")
    assert not live(draft)
    assert draft.current_workflow_task.name == "Legal review"
    # The desk's editors cannot approve the legal step in the lawyers' place.
    legal = draft.current_workflow_task.specific
    assert legal.get_actions(draft, editor) == []

    act(draft, lawyer, "approve")
    assert live(draft)


def test_in_review_the_story_is_locked_for_those_outside_the_step(
    draft, writer, editor, spanish_editor
):
    submit(draft, writer)
    task = draft.current_workflow_task.specific
    assert task.locked_for_user(draft, writer)
    assert not task.locked_for_user(draft, editor)


def test_writers_submit_from_the_admin_and_editors_see_the_action(
    draft, writer, editor, client
):
    client.force_login(writer)
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    assert "action-publish" not in client.get(edit_url).content.decode()
    data = edit_form_data(client, draft)
    data["action-submit"] = "action-submit"
    assert client.post(edit_url, data).status_code == 302
    assert draft.current_workflow_task.name == "English desk"

    client.force_login(editor)
    editing = client.get(edit_url).content.decode()
    assert "Approve and send to legal review" in editing
    assert "Request changes" in editing
