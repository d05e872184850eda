"""Flag translations whose original has changed significantly since they were made.

When a translation is created, the original's text is recorded. Each time the
original is published, its text is compared with that record; if the headline,
summary or body changed, every translation of it is flagged "original updated",
with what changed, until a translator marks it up to date.
"""

import difflib

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .models import TranslationSync

BODY_SUMMARY = _("%(changed)s paragraph(s) new or changed, %(removed)s removed")
FIELD_LABELS = {
    "title": _("Headline"),
    "standfirst": _("Standfirst"),
    "body": _("Body"),
}


def text_of(page) -> dict[str, object]:
    """The parts of a page whose change makes its translations out of date."""
    text: dict[str, object] = {"title": page.title}
    if hasattr(page, "standfirst"):
        text["standfirst"] = page.standfirst
    body = getattr(page, "body", None)
    if isinstance(body, str):  # a rich text field
        text["body"] = [strip_tags(body).strip()]
    elif body is not None:  # a stream field
        text["body"] = [_block_text(block) for block in body]
    return text


def _block_text(block) -> str:
    value = block.value
    if hasattr(value, "source"):
        return strip_tags(value.source).strip()
    if isinstance(value, str):
        return value.strip()
    if hasattr(value, "get") and value.get("text"):
        return str(value.get("text")).strip()
    return ""


def describe_changes(before: dict, after: dict) -> list[dict]:
    """What changed between two texts, field by field, for a translator to read."""
    changes = []
    for field, label in FIELD_LABELS.items():
        old, new = before.get(field), after.get(field)
        if old == new or (old is None and new is None):
            continue
        if field == "body":
            matcher = difflib.SequenceMatcher(a=old or [], b=new or [], autojunk=False)
            changed = [
                paragraph
                for tag, _i1, _i2, j1, j2 in matcher.get_opcodes()
                if tag != "equal"
                for paragraph in (new or [])[j1:j2]
                if paragraph
            ]
            removed = sum(
                i2 - i1 for tag, i1, i2, _j1, _j2 in matcher.get_opcodes()
                if tag in ("delete", "replace")
            )  # fmt: skip
            changes.append(
                {
                    "field": str(label),
                    "summary": str(
                        BODY_SUMMARY % {"changed": len(changed), "removed": removed}
                    ),
                    "now": changed[:3],
                }
            )
        else:
            changes.append({"field": str(label), "before": old, "now": new})
    return changes


def record_translation(source, translation) -> TranslationSync:
    """A translation was just made from `source`: remember the text it starts from."""
    sync, _ = TranslationSync.objects.update_or_create(
        translation=translation,
        defaults={
            "source": source,
            "synced_text": text_of(source),
            "needs_update": False,
            "changes": [],
            "flagged_at": None,
        },
    )
    return sync


def original_published(source) -> int:
    """Flag the translations made from `source` whose text it has since changed.

    Returns how many translations were newly flagged.
    """
    current = text_of(source)
    flagged = 0
    with transaction.atomic():
        flagged = _flag_changed(source, current)
    return flagged


def _flag_changed(source, current) -> int:
    flagged = 0
    for sync in TranslationSync.objects.filter(source=source).select_for_update():
        changes = describe_changes(sync.synced_text, current)
        if not changes:
            continue
        sync.changes = changes
        if not sync.needs_update:
            sync.needs_update = True
            sync.flagged_at = timezone.now()
            flagged += 1
        sync.save(update_fields=["changes", "needs_update", "flagged_at"])
    return flagged


def mark_up_to_date(translation) -> None:
    """A translator has brought the translation in line with its original."""
    with transaction.atomic():
        sync = (
            TranslationSync.objects.select_for_update()
            .filter(translation=translation)
            .select_related("source")
            .first()
        )
        if sync is None:
            return
        # The page row holds the published text; drafts live in revisions.
        sync.synced_text = text_of(sync.source.specific)
        sync.needs_update = False
        sync.changes = []
        sync.flagged_at = None
        sync.save()
