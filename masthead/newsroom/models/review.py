"""The review workflow's steps: the desk, and legal when the desk asks for it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

SEND_TO_LEGAL = "approve_send_to_legal"


class DeskReviewTask(AbstractGroupApprovalTask):
    """The edition's desk approves, asks for changes, or passes the story on to
    legal review (for a story that names people in a dispute, a court case...)."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions.append((SEND_TO_LEGAL, _("Approve and send to legal review"), True))
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == SEND_TO_LEGAL:
            LegalReferral.objects.update_or_create(
                workflow_state=task_state.workflow_state,
                defaults={"referred_by": user, "note": kwargs.get("comment", "")},
            )
            action_name = "approve"
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "The desk's editors approve the story, ask for changes, or send it on "
            "to legal review"
        )

    class Meta:
        verbose_name = _("desk review")
        verbose_name_plural = _("desk reviews")


class LegalReviewTask(AbstractGroupApprovalTask):
    """Runs only for stories the desk sent on; the others skip it."""

    def start(self, workflow_state, user=None):
        if LegalReferral.objects.filter(workflow_state=workflow_state).exists():
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(
            workflow_state=workflow_state,
            status=TaskState.STATUS_SKIPPED,
            revision=workflow_state.content_object.get_latest_revision(),
            task=self,
            finished_at=timezone.now(),
        )
        task_state.save()
        return task_state

    @classmethod
    def get_description(cls):
        return _("Legal reviewers approve stories the desk sent to them")

    class Meta:
        verbose_name = _("legal review")
        verbose_name_plural = _("legal reviews")


class LegalReferral(models.Model):
    """The desk asked for legal review of this run of the workflow."""

    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState",
        on_delete=models.CASCADE,
        related_name="legal_referral",
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    referred_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("legal referral")
        verbose_name_plural = _("legal referrals")

    def __str__(self):
        return f"Legal review asked for {self.workflow_state}"
