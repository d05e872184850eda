"""What an approved review does (WAGTAIL_FINISH_WORKFLOW_ACTION).

Imported by Wagtail while its own models load, so it imports them only when called.
"""

from datetime import datetime


def publish_when_approved(workflow_state, user=None):
    """Publish the approved revision, or, under an embargo, schedule it for the
    embargo's end (approval is not a way round the embargo)."""
    from .embargo import allows, embargo_in_force

    revision = workflow_state.content_object.get_latest_revision()
    embargo = embargo_in_force(workflow_state.content_object.pk)
    scheduled = revision.content.get("go_live_at")
    go_live_at = datetime.fromisoformat(scheduled) if scheduled else None
    if not allows(embargo, go_live_at):
        revision.content["go_live_at"] = embargo.until.isoformat()
        revision.save(update_fields=["content"])
    # The approval is the authority: a legal reviewer has no publish right.
    revision.publish(user=user, skip_permission_checks=True)
