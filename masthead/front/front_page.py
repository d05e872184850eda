"""The front page of an edition, laid out like a newspaper's front.

Editors pin and order the top stories; everything else fills itself from the newest
stories, so the front is never empty and never shows an unpublished story.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q, Value
from django.db.models.functions import Substr
from wagtail.models import Page

from masthead.articles.models import ArticleKind
from masthead.caching import keys as surrogate_keys
from masthead.common.listings import attach_sections, published_stories

TOP_STORIES = 7  # the lead and six more
SECTION_STORIES = 4
OPINION_STORIES = 4
COVERAGE_HUBS = 3


@dataclass
class SectionBlock:
    section: Page
    stories: list
    layout: str  # "block" or "strip"


@dataclass
class Front:
    lead: object | None = None
    top: list = field(default_factory=list)
    sections: list[SectionBlock] = field(default_factory=list)
    opinion: list = field(default_factory=list)
    hubs: list = field(default_factory=list)


def build_front(home) -> Front:
    stories = published_stories().descendant_of(home)
    top = _top_stories(home, stories)
    shown = {story.pk for story in top}
    opinion = list(
        stories.filter(kind__in=[ArticleKind.OPINION, ArticleKind.ANALYSIS]).exclude(
            pk__in=shown
        )[:OPINION_STORIES]
    )
    blocks = _section_blocks(home, stories.exclude(pk__in=shown))
    attach_sections([*top, *opinion, *(s for b in blocks for s in b.stories)])
    return Front(
        lead=top[0] if top else None,
        top=top[1:],
        sections=blocks,
        opinion=opinion,
        hubs=_latest_hubs(home),
    )


def _top_stories(home, stories) -> list:
    pinned_order = {pin.story_id: pin.sort_order for pin in home.top_stories.all()}
    # Unpublished or deleted pins drop out here: `stories` holds only live ones.
    pinned = sorted(
        stories.filter(pk__in=pinned_order), key=lambda story: pinned_order[story.pk]
    )
    latest = list(stories.exclude(pk__in=pinned_order)[: TOP_STORIES - len(pinned)])
    return (pinned + latest)[:TOP_STORIES]


def _section_blocks(home, stories) -> list[SectionBlock]:
    """The newest stories of each top-level section shown on the front, in two
    queries whatever the number of sections."""
    from masthead.sections.models import SectionPage

    sections = list(
        SectionPage.objects.child_of(home)
        .live()
        .in_menu()
        .exclude(front_layout="none")
        .order_by("path")
    )
    if not sections:
        return []
    section_path_length = len(home.path) + Page.steplen

    # The newest few of each section, each picked by a small subquery that reads
    # the publication-date index from the top: ranking every story of every
    # section instead (a window function) took a second at 100,000 stories.
    def newest_in(section):
        return stories.filter(path__startswith=section.path).values("pk")

    newest_of_each = reduce(
        or_, (Q(pk__in=newest_in(s)[:SECTION_STORIES]) for s in sections)
    )
    ranked = stories.filter(newest_of_each).annotate(
        section_path=Substr("path", Value(1), Value(section_path_length))
    )
    by_section: dict[str, list] = {}
    for story in ranked:
        by_section.setdefault(story.section_path, []).append(story)
    return [
        SectionBlock(section, by_section[section.path], section.front_layout)
        for section in sections
        if by_section.get(section.path)
    ]


def _latest_hubs(home) -> list:
    from masthead.coverage.models import CoveragePage

    hubs = list(
        CoveragePage.objects.descendant_of(home)
        .live()
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-last_published_at")[:COVERAGE_HUBS]
    )
    surrogate_keys.add(*(surrogate_keys.page(hub.pk) for hub in hubs))
    return hubs
