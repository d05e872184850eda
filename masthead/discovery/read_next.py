"""Read Next: what to read after a story, computed ahead of readers.

A candidate earns points for each coverage hub, tag and region it shares with the
story and for sitting in the same section; the points then halve every
HALF_LIFE of the candidate's age, so fresh stories win ties. Candidates are the
most recent stories sharing each kind of link, a bounded set scored with one
aggregate query per kind. The story itself, the stories its body already links to
("Related News") and stories of other editions are never candidates.

`store_read_next` runs when a story is published and on a schedule
(`refresh_read_next`); the article page only reads the stored result, after the
editor's own picks.
"""

import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from masthead.articles.models import ArticlePage, ArticlePageTag
from masthead.common.listings import attach_sections

from .models import ReadNextPin, ReadNextRecommendation

READ_NEXT_SIZE = 4
# More than are shown, so that editors' picks and stories unpublished after the
# computation still leave four to show.
STORED_PER_ARTICLE = 8
# The most recent stories sharing each kind of link that are scored.
CANDIDATES_PER_LINK = 60
HALF_LIFE = timedelta(days=7)

HUB_POINTS = 8
TAG_POINTS = 3
SECTION_POINTS = 2
REGION_POINTS = 1

HubMembership = ArticlePage.coverage.through
RegionMembership = ArticlePage.regions.through


@dataclass(frozen=True)
class Links:
    """What a story shares with others: hubs, tags, regions and its section."""

    hub_ids: list[int]
    tag_ids: list[int]
    region_ids: list[int]
    section_path: str


def related_block_story_ids(article: ArticlePage) -> set[int]:
    """Ids of the stories the body's "Related News" blocks link to, read from the
    stored data so that no page is loaded."""
    ids = set()
    for block in article.body.raw_data:
        if block["type"] != "related":
            continue
        for item in block["value"].get("stories") or []:
            # A list block stores items as {"type": "item", "value": id, "id": …};
            # older data stores the bare id.
            value = item.get("value") if isinstance(item, dict) else item
            if isinstance(value, int):
                ids.add(value)
    return ids


def links_of(article: ArticlePage) -> Links:
    return Links(
        hub_ids=list(
            HubMembership.objects.filter(articlepage_id=article.pk).values_list(
                "coveragepage_id", flat=True
            )
        ),
        tag_ids=list(
            ArticlePageTag.objects.filter(content_object_id=article.pk).values_list(
                "tag_id", flat=True
            )
        ),
        region_ids=list(
            RegionMembership.objects.filter(articlepage_id=article.pk).values_list(
                "region_id", flat=True
            )
        ),
        section_path=article.path[: -Page.steplen],
    )


def _candidate_filters(links: Links, depth: int) -> list[Q]:
    filters = [Q(path__startswith=links.section_path, depth=depth)]
    if links.hub_ids:
        members = HubMembership.objects.filter(coveragepage_id__in=links.hub_ids)
        filters.append(Q(pk__in=members.values("articlepage_id")))
    if links.tag_ids:
        tagged = ArticlePageTag.objects.filter(tag_id__in=links.tag_ids)
        filters.append(Q(pk__in=tagged.values("content_object_id")))
    if links.region_ids:
        members = RegionMembership.objects.filter(region_id__in=links.region_ids)
        filters.append(Q(pk__in=members.values("articlepage_id")))
    return filters


def _shared_counts(membership, story_field, link_field, story_ids, link_ids):
    if not link_ids:
        return Counter()
    rows = (
        membership.objects.filter(
            **{f"{story_field}__in": story_ids, f"{link_field}__in": link_ids}
        )
        .values(story_field)
        .annotate(shared=Count("pk"))
        .values_list(story_field, "shared")
    )
    return Counter(dict(rows))


def score(points: float, published_at: datetime, now: datetime) -> float:
    """log2 of the points halved once per HALF_LIFE of age.

    Counted from a fixed epoch rather than from `now`, the order of two stories
    never depends on when it is computed: stories that tie exactly (twice the
    points, one half-life older) stay in the same order on every refresh."""
    if points <= 0:
        return -math.inf
    published_at = min(published_at, now)  # no bonus for the future
    return math.log2(points) + published_at.timestamp() / HALF_LIFE.total_seconds()


def compute_read_next(article: ArticlePage, now: datetime) -> list[int]:
    """Ids of the best stories to read after `article`, best first."""
    links = links_of(article)
    excluded = {article.pk, *related_block_story_ids(article)}
    # `.public()` reads the view restrictions once, here, for every query below.
    eligible = (
        ArticlePage.objects.live()
        .public()
        .filter(locale_id=article.locale_id, first_published_at__isnull=False)
        .exclude(pk__in=excluded)
    )
    candidates: dict[int, tuple[datetime, str]] = {}
    for link_filter in _candidate_filters(links, article.depth):
        recent = eligible.filter(link_filter).order_by("-first_published_at", "-pk")
        for pk, published_at, path in recent.values_list(
            "pk", "first_published_at", "path"
        )[:CANDIDATES_PER_LINK]:
            candidates[pk] = (published_at, path)
    if not candidates:
        return []

    ids = list(candidates)
    hubs = _shared_counts(
        HubMembership, "articlepage_id", "coveragepage_id", ids, links.hub_ids
    )
    tags = _shared_counts(
        ArticlePageTag, "content_object_id", "tag_id", ids, links.tag_ids
    )
    regions = _shared_counts(
        RegionMembership, "articlepage_id", "region_id", ids, links.region_ids
    )

    def points(pk: int) -> int:
        same_section = candidates[pk][1][: -Page.steplen] == links.section_path
        return (
            HUB_POINTS * hubs[pk]
            + TAG_POINTS * tags[pk]
            + REGION_POINTS * regions[pk]
            + SECTION_POINTS * same_section
        )

    def order(pk: int) -> tuple[float, datetime, int]:
        published_at = candidates[pk][0]
        return (score(points(pk), published_at, now), published_at, pk)

    ranked = sorted(ids, key=order, reverse=True)
    return ranked[:STORED_PER_ARTICLE]


def store_read_next(article: ArticlePage, now: datetime) -> bool:
    """Compute and store the article's recommendations; False if they were
    already what is stored."""
    story_ids = compute_read_next(article, now)
    stored = ReadNextRecommendation.objects.filter(article_id=article.pk)
    if list(stored.order_by("rank").values_list("story_id", flat=True)) == story_ids:
        return False
    try:
        with transaction.atomic():
            stored.delete()
            ReadNextRecommendation.objects.bulk_create(
                ReadNextRecommendation(article_id=article.pk, story_id=pk, rank=rank)
                for rank, pk in enumerate(story_ids)
            )
    except IntegrityError:
        # Another worker stored this article's list at the same moment; both
        # computed it from the same data, so its result stands.
        return False
    return True


def _outside_private_sections() -> Exists:
    # Wagtail's `.public()` costs a query of its own to read the restrictions; this
    # NOT EXISTS keeps the check inside the one query that fetches the stories.
    return ~Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def read_next_stories(article: ArticlePage) -> list[ArticlePage]:
    """The stories to show under `article`: the editor's live picks in their
    order, then the stored recommendations; three queries however many."""
    if article.pk is None:  # a new story in the editor's preview
        return []
    pins = ReadNextPin.objects.filter(article_id=article.pk)
    recommended = ReadNextRecommendation.objects.filter(article_id=article.pk)
    # A handful of rows (the pins and the stored list); the edition is checked on
    # them, not in SQL, where it would lead the database to scan every story of
    # the edition instead of fetching these few by key.
    stories: QuerySet[ArticlePage] = (
        ArticlePage.objects.live()
        .filter(_outside_private_sections())
        .filter(
            Q(pk__in=pins.values("story_id")) | Q(pk__in=recommended.values("story_id"))
        )
        .exclude(pk=article.pk)
        .annotate(
            pinned=Exists(pins.filter(story_id=OuterRef("pk"))),
            pin_order=Subquery(
                pins.filter(story_id=OuterRef("pk"))
                .order_by("sort_order")
                .values("sort_order")[:1]
            ),
            rank=Subquery(
                recommended.filter(story_id=OuterRef("pk")).values("rank")[:1]
            ),
        )
        .select_related("lead_image", "locale")
        .prefetch_related("lead_image__renditions")
        .order_by(
            F("pinned").desc(),
            F("pin_order").asc(nulls_last=True),
            F("rank").asc(nulls_last=True),
            "-first_published_at",
        )
    )
    same_edition = [s for s in stories if s.locale_id == article.locale_id]
    return attach_sections(same_edition[:READ_NEXT_SIZE])
