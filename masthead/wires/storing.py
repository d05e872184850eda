"""Storing parsed items: new items, new versions, near duplicates folded.

Each item is stored in its own transaction (a savepoint when the caller holds
one), so that a database error on one item costs only that item; what went
wrong is handed back as (message, detail) pairs for the source's errors.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import cached_property

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .fingerprint import fingerprint
from .folding import FoldingIndex
from .models import WireItem, WireSource, WireStatus
from .models.items import (
    BODY_MAX_LENGTH,
    GUID_MAX_LENGTH,
    HEADLINE_MAX_LENGTH,
    MAX_PARAGRAPHS,
    MAX_SUBJECTS,
    PARAGRAPH_SEPARATOR,
    SUBJECT_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
)
from .parsers import ParsedItem

logger = logging.getLogger(__name__)

LOOKUP_BATCH = 500
Problem = tuple[str, str]


class Outcome(Enum):
    NEW = "new"
    FOLDED = "folded"  # new, and a near duplicate of a recent item
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class Stored:
    """What storing a document's items did."""

    outcomes: list[tuple[WireItem, Outcome, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for _item, found, _before in self.outcomes if found is outcome)


def _one_line(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _paragraphs(paragraphs: Iterable[str]) -> str:
    kept, size = [], 0
    for paragraph in paragraphs:
        # Whitespace inside a paragraph is collapsed, so that the blank line
        # between paragraphs is unambiguous.
        text = " ".join(str(paragraph).split())
        if not text:
            continue
        if len(kept) >= MAX_PARAGRAPHS or size + len(text) > BODY_MAX_LENGTH:
            break
        kept.append(text)
        size += len(text) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(kept)


def _language(parsed: ParsedItem, source: WireSource) -> str:
    subtag = str(parsed.language or "").replace("_", "-").split("-")[0].lower()
    if subtag.isascii() and subtag.isalpha() and 2 <= len(subtag) <= 8:
        return subtag
    return source.locale.language_code


FOLDING_MIN_WORDS = 20


def _folded_text(headline: str, summary: str, body: str) -> str:
    """What near duplicates are recognised by: the body, where agencies retell
    the same facts; their headlines and summaries are their own. A flash with
    little or no body is recognised by all it has."""
    if len(body.split()) >= FOLDING_MIN_WORDS:
        return body
    return "\n\n".join((headline, summary, body))


@dataclass(frozen=True)
class Incoming:
    """A parsed item as it will be stored: bounded, its language settled."""

    parsed: ParsedItem
    guid: str
    headline: str
    summary: str
    body: str
    status: str
    language: str

    @cached_property
    def fingerprint(self) -> int:
        # Only new and changed items need one: computing it is a large part of
        # storing an item, and most items of a polled feed are unchanged.
        return fingerprint(_folded_text(self.headline, self.summary, self.body))

    @classmethod
    def of(cls, parsed: ParsedItem, source: WireSource) -> "Incoming":
        headline = _one_line(parsed.headline, HEADLINE_MAX_LENGTH)
        summary = _one_line(parsed.summary, SUMMARY_MAX_LENGTH)
        body = _paragraphs(parsed.paragraphs)
        status = parsed.status if parsed.status in WireStatus.values else "usable"
        return cls(
            parsed=parsed,
            guid=str(parsed.guid)[:GUID_MAX_LENGTH],
            headline=headline,
            summary=summary,
            body=body,
            status=status,
            language=_language(parsed, source),
        )

    def text(self) -> tuple[str, str, str, str]:
        return (self.headline, self.summary, self.body, self.status)

    def item_fields(self) -> dict:
        parsed = self.parsed
        return {
            "headline": self.headline,
            "summary": self.summary,
            "body": self.body,
            "status": self.status,
            "byline": _one_line(parsed.byline, 255),
            "credit": _one_line(parsed.credit, 255),
            "url": str(parsed.url or "")[:1000],
            "subjects": [
                _one_line(subject, SUBJECT_MAX_LENGTH)
                for subject in list(parsed.subjects)[:MAX_SUBJECTS]
            ],
            "urgency": parsed.urgency
            if isinstance(parsed.urgency, int) and 0 <= parsed.urgency < 100
            else None,
            "embargoed_until": parsed.embargoed_until,
            "published_at": parsed.published_at,
            "provider_updated_at": parsed.updated_at,
            "fingerprint": self.fingerprint,
        }


def _stored_text(item: WireItem) -> tuple[str, str, str, str]:
    return (item.headline, item.summary, item.body, item.status)


class ItemStore:
    """Stores the items of one poll of one source."""

    def __init__(self, source: WireSource, now: datetime):
        self.source = source
        self.now = now
        self._folding: FoldingIndex | None = None

    @property
    def folding(self) -> FoldingIndex:
        # Read once per poll, when the first new item needs it.
        if self._folding is None:
            self._folding = FoldingIndex.recent(self.now)
        return self._folding

    def store(self, items: Iterable[ParsedItem], document: str) -> Stored:
        stored = Stored()
        incoming = []
        for parsed in items:
            try:
                incoming.append(Incoming.of(parsed, self.source))
            except Exception as error:  # a strange value must not cost the others
                stored.problems.append(self._problem(parsed, document, error))
        existing = self._existing([entry.guid for entry in incoming])
        for entry in incoming:
            before = existing.get(entry.guid)
            status_before = before.status if before else ""
            change = self._change(entry, before)
            if change is None:
                stored.outcomes.append((before, Outcome.UNCHANGED, status_before))
                continue
            try:
                with transaction.atomic():
                    item, outcome = self._store_one(entry, before, change)
            except IntegrityError:
                # Another poll of this source stored it a moment ago.
                continue
            except Exception as error:
                logger.exception("Could not store wire item %s", entry.guid)
                stored.problems.append(self._problem(entry.parsed, document, error))
                continue
            existing[entry.guid] = item
            stored.outcomes.append((item, outcome, status_before))
        return stored

    def _problem(self, parsed, document: str, error: Exception) -> Problem:
        return (
            _("Could not store the item “%(headline)s”: %(reason)s")
            % {
                "headline": _one_line(getattr(parsed, "headline", ""), 120),
                "reason": f"{type(error).__name__}: {error}",
            },
            _("Item %(guid)s in %(document)s")
            % {"guid": getattr(parsed, "guid", "?"), "document": document},
        )

    def _existing(self, guids: list[str]) -> dict[str, WireItem]:
        found = {}
        unique = list(dict.fromkeys(guids))
        for start in range(0, len(unique), LOOKUP_BATCH):
            batch = unique[start : start + LOOKUP_BATCH]
            found.update(
                (item.guid, item)
                for item in WireItem.objects.filter(source=self.source, guid__in=batch)
            )
        return found

    def _change(self, entry: Incoming, item: WireItem | None):
        """What storing the entry changes: None for nothing, else "new", a new
        version number, or "status" (a new status under the same version)."""
        if item is None:
            return "new"
        provider_version = entry.parsed.version
        if provider_version is not None and provider_version > item.version:
            return provider_version
        if provider_version is None and entry.text() != _stored_text(item):
            return item.version + 1
        if provider_version == item.version and entry.status != item.status:
            # A status sent again under the same number (a kill notice): taken.
            return "status"
        return None

    def _store_one(
        self, entry: Incoming, item: WireItem | None, change
    ) -> tuple[WireItem, Outcome]:
        if change == "new":
            return self._create(entry)
        if change == "status":
            item.status = entry.status
            item.updated_at = self.now
            item.save(update_fields=["status", "updated_at"])
            item.versions.filter(version=item.version).update(status=entry.status)
            return item, Outcome.UPDATED
        return self._new_version(item, entry, change), Outcome.UPDATED

    def _create(self, entry: Incoming) -> tuple[WireItem, Outcome]:
        head_id = self.folding.head_for(entry.fingerprint, entry.language)
        item = WireItem.objects.create(
            source=self.source,
            guid=entry.guid,
            version=entry.parsed.version or 1,
            language=entry.language,
            received_at=self.now,
            updated_at=self.now,
            duplicate_of_id=head_id,
            **entry.item_fields(),
        )
        self._keep_version(item)
        self.folding.add(item.pk, item.fingerprint, head_id or item.pk, item.language)
        return item, Outcome.FOLDED if head_id else Outcome.NEW

    def _new_version(self, item: WireItem, entry: Incoming, version: int) -> WireItem:
        for name, value in entry.item_fields().items():
            setattr(item, name, value)
        item.version = version
        item.updated_at = self.now
        item.save()
        self._keep_version(item)
        return item

    def _keep_version(self, item: WireItem) -> None:
        item.keep_version(received_at=self.now)


def wants_draft(item: WireItem, outcome: Outcome, status_before: str) -> bool:
    """Whether a stored item may become a draft in its source's section."""
    if not item.is_usable:
        return False
    if outcome in (Outcome.NEW, Outcome.FOLDED):
        return True
    # A held item released by the agency is new to the newsroom.
    return outcome is Outcome.UPDATED and status_before != WireStatus.USABLE
