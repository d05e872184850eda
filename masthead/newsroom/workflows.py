"""Review before publication: each edition's desk, then legal when the desk asks.

One workflow per edition, assigned to the edition's home page so that it covers
every story in that edition's tree. Writers and translators submit; the edition's
editors approve, ask for changes, or pass the story on to the legal reviewers.
"""

from django.utils.translation import get_language_info
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from masthead.common.roles import home_page_model

from .models import DeskReviewTask, LegalReviewTask
from .roles import EDITOR, LEGAL_REVIEWER


def workflow_name(language_code: str) -> str:
    return f"{get_language_info(language_code)['name']} desk review"


def ensure_review_workflows(groups: dict) -> list[Workflow]:
    """Create or correct one review workflow per edition (safe to run again)."""
    legal, _ = LegalReviewTask.objects.get_or_create(name="Legal review")
    legal.groups.set([groups[LEGAL_REVIEWER.label]])
    workflows = []
    for home in home_page_model().objects.select_related("locale").order_by("path"):
        code = home.locale.language_code
        desk, _ = DeskReviewTask.objects.get_or_create(
            name=f"{get_language_info(code)['name']} desk"
        )
        desk.groups.set([groups[EDITOR.group_name(code)]])
        workflow, _ = Workflow.objects.get_or_create(name=workflow_name(code))
        for order, task in enumerate((desk, legal)):
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task=task, defaults={"sort_order": order}
            )
        WorkflowPage.objects.update_or_create(
            page=home, defaults={"workflow": workflow}
        )
        workflows.append(workflow)
    return workflows
