"""The editorial dashboard: the desk's panels on the Wagtail admin home page.

What is scheduled or embargoed, what is in review, which translations are behind
their original, what is on the breaking-news tickers, which wires wait, and what
readers read now. Each panel lists its first ROWS rows and counts the rest, shows
only what the user may see, and renders in a fixed number of queries however many
rows there are: rows are fetched as base `Page`s in one query per list, never
`.specific` per row.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import (
    Locale,
    Page,
    Revision,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from masthead.breaking.admin_views import URL_NAMESPACE as BREAKING_URLS
from masthead.breaking.admin_views import user_can
from masthead.breaking.models import BreakingItem
from masthead.discovery.ranking import most_read_stories
from masthead.editions.models import TranslationSync
from masthead.editions.wagtail_hooks import OutdatedTranslationsPanel
from masthead.wires import queries as wires
from masthead.wires.models import WireUse
from masthead.wires.permissions import can_view_items
from masthead.wires.views.items import URL_NAMESPACE as WIRE_URLS

from .models import Embargo

ROWS = 10
# Any right over a page puts it on the user's dashboard (Wagtail's "explore" set).
PAGE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


@dataclass(frozen=True)
class Rows:
    """The first rows of a list, and how many rows the list has in all."""

    items: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    @classmethod
    def of(cls, queryset: QuerySet, limit: int = ROWS) -> "Rows":
        # Always counted, even when the rows are fewer than the limit, so that the
        # panel costs the same queries with one row as with a thousand.
        return cls(list(queryset[:limit]), queryset.count())


class Desk:
    """What one user may see on the dashboard, worked out once per request and
    shared by every panel."""

    def __init__(self, user):
        self.user = user
        self.now = timezone.now()

    @property
    def sees_every_page(self) -> bool:
        return self.user.is_superuser

    @cached_property
    def sees_every_edition(self) -> bool:
        return self.sees_every_page or any(
            page.is_root() for page in self._granted_pages
        )

    @cached_property
    def _granted_pages(self) -> list[Page]:
        """The pages the user's page permissions are granted on."""
        if self.sees_every_page:
            return []
        return list(
            PagePermissionPolicy().instances_with_direct_explore_permission(self.user)
        )

    @cached_property
    def _pages(self) -> QuerySet:
        return PagePermissionPolicy().instances_user_has_any_permission_for(
            self.user, PAGE_ACTIONS
        )

    def pages(self, queryset: QuerySet, via: str = "pk") -> QuerySet:
        """`queryset` narrowed to the pages the user may work on; `via` names the
        field that holds the page (`"page"` for an embargo)."""
        if self.sees_every_page:
            return queryset
        return queryset.filter(**{f"{via}__in": self._pages.values("pk")})

    def page_objects(self, queryset: QuerySet) -> QuerySet:
        """Revisions or workflow states narrowed to the user's pages. These point
        at their object by a text `object_id`, so the page ids are cast to text,
        never the other way round: a snippet's key need not be a number."""
        queryset = queryset.filter(base_content_type=get_default_page_content_type())
        if self.sees_every_page:
            return queryset
        keys = self._pages.annotate(key=Cast("pk", CharField())).values("key")
        return queryset.filter(object_id__in=keys)

    @cached_property
    def editions(self) -> list[Locale]:
        """The editions where the user holds any page permission, in the order of
        the site's languages."""
        if self.sees_every_edition:
            locales = Locale.objects.all()
        else:
            locales = Locale.objects.filter(
                pk__in={page.locale_id for page in self._granted_pages}
            )
        order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return sorted(
            locales,
            key=lambda locale: (
                order.index(locale.language_code)
                if locale.language_code in order
                else len(order)
            ),
        )

    def may(self, permission: str) -> bool:
        return self.user.has_perm(permission)


def with_their_pages(rows) -> list[tuple[Page, object]]:
    """Revisions or workflow states, each with the base page it points at, all
    fetched in one query; a row whose page is gone is dropped."""
    pages = Page.objects.in_bulk([int(row.object_id) for row in rows])
    return [
        (pages[int(row.object_id)], row) for row in rows if int(row.object_id) in pages
    ]


class DashboardPanel(Component):
    """One panel of the dashboard: a heading and short lists, for one user."""

    heading = ""

    def __init__(self, desk: Desk):
        self.desk = desk

    def is_shown(self) -> bool:
        """Whether the user may see this panel at all."""
        return bool(self.desk.editions)

    def get_context_data(self, parent_context=None):
        return {
            "heading": self.heading,
            "panel_id": self.name.replace("_", "-"),
            "now": self.desk.now,
        }


@dataclass(frozen=True)
class Change:
    """A page going live or coming down at a set time."""

    page: Page
    at: datetime
    goes_live: bool


class ScheduledPanel(DashboardPanel):
    """Stories approved to go live later, live stories set to expire, and stories
    held by an embargo."""

    name = "newsroom_scheduled"
    order = 60
    template_name = "newsroom/dashboard/scheduled.html"
    heading = _("Scheduled")

    def get_context_data(self, parent_context=None):
        return {
            **super().get_context_data(parent_context),
            "changes": self.changes(),
            "embargoes": (
                self.embargoes() if self.desk.may("newsroom.view_embargo") else None
            ),
        }

    def changes(self) -> Rows:
        going_live = Rows.of(
            self.desk.page_objects(
                Revision.objects.filter(approved_go_live_at__isnull=False)
            ).order_by("approved_go_live_at", "pk")
        )
        coming_down = Rows.of(
            self.desk.pages(
                Page.objects.filter(live=True, expire_at__gt=self.desk.now)
            ).order_by("expire_at", "pk")
        )
        changes = [
            Change(page, revision.approved_go_live_at, goes_live=True)
            for page, revision in with_their_pages(going_live.items)
        ]
        changes += [
            Change(page, page.expire_at, goes_live=False) for page in coming_down.items
        ]
        changes.sort(key=lambda change: change.at)
        return Rows(changes[:ROWS], going_live.total + coming_down.total)

    def embargoes(self) -> Rows:
        return Rows.of(
            self.desk.pages(Embargo.objects.in_force(self.desk.now), via="page")
            .select_related("page", "set_by")
            .order_by("until", "pk")
        )


class InReviewPanel(DashboardPanel):
    """Every story in a review workflow in the user's editions, whoever reviews it:
    Wagtail's own "Awaiting your review" lists only the user's tasks."""

    name = "newsroom_in_review"
    order = 70
    template_name = "newsroom/dashboard/in_review.html"
    heading = _("In review")

    def is_shown(self) -> bool:
        return (
            getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True) and super().is_shown()
        )

    def get_context_data(self, parent_context=None):
        states = Rows.of(
            self.desk.page_objects(
                WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
            )
            .select_related("current_task_state__task", "requested_by")
            # Longest waiting first: those are the ones the desk has forgotten.
            .order_by("created_at", "pk")
        )
        return {
            **super().get_context_data(parent_context),
            "reviews": Rows(with_their_pages(states.items), states.total),
        }


class StaleTranslationsPanel(DashboardPanel, OutdatedTranslationsPanel):
    """The editions app's translations to update (it takes that panel's place),
    listed like the other panels: counted, with an empty state."""

    template_name = "newsroom/dashboard/stale_translations.html"
    heading = _("Translations to update")

    def get_context_data(self, parent_context=None):
        syncs = self.desk.pages(
            TranslationSync.objects.filter(needs_update=True), via="translation"
        )
        return {
            **super().get_context_data(parent_context),
            "syncs": Rows.of(
                syncs.select_related("translation", "source").order_by(
                    "-flagged_at", "pk"
                )
            ),
        }


class BreakingNewsPanel(DashboardPanel):
    """The lines on the tickers of the user's editions right now."""

    name = "newsroom_breaking_live"
    order = 55  # under the breaking app's publish form
    template_name = "newsroom/dashboard/breaking_live.html"
    heading = _("Breaking news on the ticker")

    def is_shown(self) -> bool:
        user = self.desk.user
        may = any(user_can(user, action) for action in ("add", "change", "view"))
        return may and super().is_shown()

    def get_context_data(self, parent_context=None):
        items = (
            BreakingItem.objects.live(self.desk.now)
            .filter(locale__in=self.desk.editions)
            .order_by("-published_at", "-pk")
        )
        return {
            **super().get_context_data(parent_context),
            "items": Rows.of(items),
            "edit_url_name": f"{BREAKING_URLS}:edit",
            "listing_url_name": f"{BREAKING_URLS}:list",
        }


class WiresPanel(DashboardPanel):
    """Agency stories nobody has used yet, in the languages of the user's
    editions, and drafts whose wire has changed since they were made from it."""

    name = "newsroom_wires"
    order = 80
    template_name = "newsroom/dashboard/wires.html"
    heading = _("Wires")

    def is_shown(self) -> bool:
        return can_view_items(self.desk.user) and super().is_shown()

    def get_context_data(self, parent_context=None):
        waiting = self.waiting()
        return {
            **super().get_context_data(parent_context),
            "waiting": waiting[:ROWS],
            "more_waiting": len(waiting) > ROWS,
            "flagged": self.flagged(),
            "item_url_name": f"{WIRE_URLS}:inspect",
            "listing_url_name": f"{WIRE_URLS}:index",
        }

    def waiting(self) -> list:
        """Up to ROWS + 1 items: one more than shown tells that there are more."""
        if self.desk.sees_every_edition:
            return wires.waiting_items(limit=ROWS + 1)
        items = [
            item
            for edition in self.desk.editions
            for item in wires.waiting_items(edition, limit=ROWS + 1)
        ]
        items.sort(key=lambda item: (item.received_at, item.pk), reverse=True)
        return items[: ROWS + 1]

    def flagged(self) -> Rows:
        # The model's queryset rather than `flagged_uses()`, which returns a list:
        # the drafts must be narrowed to the user's pages before the limit.
        return Rows.of(
            self.desk.pages(WireUse.objects.flagged(), via="page")
            .select_related("item", "page", "used_by")
            .order_by("-item__updated_at", "-pk")
        )


class MostReadPanel(DashboardPanel):
    """Each of the user's editions' Most Read box, as readers see it now."""

    name = "newsroom_most_read"
    order = 100
    template_name = "newsroom/dashboard/most_read.html"
    heading = _("Most read now")

    def get_context_data(self, parent_context=None):
        return {
            **super().get_context_data(parent_context),
            "editions": [
                (edition, most_read_stories(edition.language_code, self.desk.now))
                for edition in self.desk.editions
            ],
        }


PANELS = (
    BreakingNewsPanel,
    ScheduledPanel,
    InReviewPanel,
    WiresPanel,
    StaleTranslationsPanel,
    MostReadPanel,
)


# Runs after the editions app's hook (order 0), whose panel it replaces.
@hooks.register("construct_homepage_panels", order=10)
def add_newsroom_panels(request, panels):
    desk = Desk(request.user)
    panels[:] = [p for p in panels if not isinstance(p, OutdatedTranslationsPanel)]
    panels.extend(panel for panel in (cls(desk) for cls in PANELS) if panel.is_shown())
