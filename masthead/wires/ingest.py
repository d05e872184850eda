"""Polling a wire source: read its documents, parse them, store their items.

`poll_source` never raises: an unreachable feed, an unreadable document, a bad
item or a database error on one item each become a WireSourceError with a clear
message, the good items are stored all the same, and the source is polled again
at its next time (later and later, up to MAX_BACKOFF_SECONDS, while it keeps
failing).
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import folders
from .actions import find_draft, use_wire_item
from .fetch import FetchError, fetch_feed
from .models import WireSource, WireSourceError, WireUse
from .parsers import WireParseError, detect_format, parse
from .storing import ItemStore, Outcome, Problem, Stored, wants_draft

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 600


@dataclass
class PollSummary:
    """What one poll did, for the command's output and the admin's message."""

    documents: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0  # new items folded under a similar recent one
    unchanged: int = 0
    drafts: int = 0
    errors: int = 0
    not_modified: bool = False
    failed: bool = False

    def __str__(self) -> str:
        counts = ", ".join(
            template % count
            for template, count in (
                (ngettext("%d new", "%d new", self.new), self.new),
                (ngettext("%d updated", "%d updated", self.updated), self.updated),
                (
                    ngettext("%d similar", "%d similar", self.duplicates),
                    self.duplicates,
                ),
                (
                    ngettext("%d unchanged", "%d unchanged", self.unchanged),
                    self.unchanged,
                ),
                (ngettext("%d draft", "%d drafts", self.drafts), self.drafts),
                (ngettext("%d error", "%d errors", self.errors), self.errors),
            )
        )
        if self.not_modified:
            return counts + "; " + _("not modified since the last poll")
        read = ngettext("%d document read", "%d documents read", self.documents)
        return f"{counts} ({read % self.documents})"

    def add(self, stored: Stored) -> None:
        self.new += stored.count(Outcome.NEW) + stored.count(Outcome.FOLDED)
        self.duplicates += stored.count(Outcome.FOLDED)
        self.updated += stored.count(Outcome.UPDATED)
        self.unchanged += stored.count(Outcome.UNCHANGED)


def next_delay(source: WireSource, failures: int) -> timedelta:
    """The poll interval, doubled for every failure in a row, capped."""
    interval = source.poll_interval
    if failures <= 0:
        return timedelta(seconds=interval)
    backoff = min(interval * 2**failures, MAX_BACKOFF_SECONDS)
    return timedelta(seconds=max(interval, backoff))


class _Poll:
    def __init__(self, source: WireSource, now: datetime):
        self.source = source
        self.now = now
        self.summary = PollSummary()
        self.problems: list[Problem] = []
        self.store = ItemStore(source, now)
        self.validators: tuple[str, str] | None = None

    def problem(self, message: str, detail: str = "") -> None:
        self.problems.append((message, detail))

    def run(self) -> None:
        if self.source.is_folder:
            self.read_folder()
        else:
            self.fetch()

    def fetch(self) -> None:
        source = self.source
        try:
            fetched = fetch_feed(
                source.url, etag=source.etag, last_modified=source.last_modified
            )
        except FetchError as error:
            self.problem(str(error), source.url)
            self.summary.failed = True
            return
        if fetched.body is None:
            self.summary.not_modified = True
            return
        if self.ingest(fetched.body, source.format, source.url):
            # Remembered only for a document read, so a broken one is retried.
            self.validators = (fetched.etag, fetched.last_modified)
        else:
            self.summary.failed = True

    def read_folder(self) -> None:
        try:
            pending = folders.pending_files(self.source.folder)
        except folders.FolderError as error:
            self.problem(str(error), self.source.folder)
            self.summary.failed = True
            return
        for dropped in pending:
            try:
                data = folders.read_file(dropped)
            except folders.FolderError as error:
                self.problem(str(error), _("File %s") % dropped.name)
                self.move_aside(dropped, folders.FAILED)
                continue
            format = detect_format(dropped.name, data) or self.source.format
            read = self.ingest(data, format, dropped.name)
            self.move_aside(dropped, folders.DONE if read else folders.FAILED)

    def move_aside(self, dropped: folders.DroppedFile, outcome: str) -> None:
        try:
            folders.move_aside(dropped, outcome)
        except OSError as error:
            self.problem(
                _("Could not move %(name)s out of the drop folder: %(reason)s")
                % {"name": dropped.name, "reason": error.strerror or error},
                str(dropped.path),
            )

    def ingest(self, data: bytes, format: str, document: str) -> bool:
        """Parse and store one document; False when it could not be read."""
        self.summary.documents += 1
        try:
            result = parse(data, format)
        except WireParseError as error:
            self.problem(
                _("Could not read %(document)s: %(reason)s")
                % {"document": document, "reason": error},
                _("Format: %s") % format,
            )
            return False
        for refused in result.errors:
            self.problem(
                _("An item was refused: %s") % refused.message,
                _("Item %(position)s (%(guid)s) in %(document)s")
                % {
                    "position": refused.position,
                    "guid": refused.guid or "?",
                    "document": document,
                },
            )
        stored = self.store.store(result.items, document)
        self.problems.extend(stored.problems)
        self.summary.add(stored)
        self.draft(stored)
        return True

    def draft(self, stored: Stored) -> None:
        section = self.source.auto_draft_section
        if section is None:
            return
        for item, outcome, status_before in stored.outcomes:
            if not wants_draft(item, outcome, status_before):
                continue
            try:
                if outcome is Outcome.FOLDED and _cluster_used(item.cluster_head_id):
                    continue  # the story is already in the newsroom's hands
                if outcome is Outcome.UPDATED and find_draft(item) is not None:
                    continue
                use_wire_item(item, section)
                self.summary.drafts += 1
            except Exception as error:
                logger.exception("Could not make a draft of wire item %s", item.pk)
                self.problem(
                    _("No draft was made of “%(headline)s”: %(reason)s")
                    % {"headline": item.headline[:120], "reason": error},
                    _("Item %(guid)s, section %(section)s")
                    % {"guid": item.guid, "section": section},
                )

    def finish(self) -> None:
        source, summary = self.source, self.summary
        failures = source.consecutive_failures + 1 if summary.failed else 0
        changes = {
            "last_polled_at": self.now,
            "consecutive_failures": failures,
            "next_poll_at": self.now + next_delay(source, failures),
        }
        if not summary.failed:
            changes["last_success_at"] = self.now
        if self.validators is not None:
            changes["etag"], changes["last_modified"] = self.validators
        # An update of these fields only, so that an administrator's edit of the
        # source during the poll is kept.
        WireSource.objects.filter(pk=source.pk).update(**changes)
        for name, value in changes.items():
            setattr(source, name, value)
        summary.errors = WireSourceError.objects.record(source, self.problems, self.now)


def _cluster_used(head_id: int) -> bool:
    return WireUse.objects.filter(
        Q(item_id=head_id) | Q(item__duplicate_of_id=head_id)
    ).exists()


def poll_source(source: WireSource, now: datetime | None = None) -> PollSummary:
    """Read the source once and store what is new; returns what was done.

    Its messages are recorded in the site's language, whoever asked for the poll
    (the clock, the command, an editor's "Poll now" in another language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _poll_source(source, now)


def _poll_source(source: WireSource, now: datetime | None) -> PollSummary:
    poll = _Poll(source, now or timezone.now())
    try:
        poll.run()
    except Exception as error:  # one source's trouble must not stop the worker
        logger.exception("Polling wire source %s failed", source.pk)
        poll.problem(
            _("The poll stopped on an unexpected error: %s") % error,
            type(error).__name__,
        )
        poll.summary.failed = True
    try:
        poll.finish()
    except Exception:
        logger.exception("Could not record the poll of wire source %s", source.pk)
        poll.summary.errors = len(poll.problems)
    return poll.summary
