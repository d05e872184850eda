"""Finding an edition's stories for a query: relevance first, then freshness.

The search backend finds the matching stories and scores how well each matches.
Its best `CANDIDATES` are then re-ranked here, for two things readers expect and
the database backends do not do: a story with the words in its headline beats
one that mentions them in passing, and of two equally good matches the recent
one comes first. Re-ranking in Python behaves the same on every backend (SQLite
FTS5, PostgreSQL, Elasticsearch, OpenSearch) and bounds the work per search:
results go no deeper than the candidates, as listings go no deeper than their
last page.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.common.listings import STORIES_PER_PAGE

from .query import SearchQuery, term_matches, words_of

RESULT_PAGES = 10
CANDIDATES = STORIES_PER_PAGE * RESULT_PAGES
# Freshness counts this much of the final score; relevance the rest. A story whose
# headline matches keeps its lead over a fresher one that mentions the word once.
RECENCY_WEIGHT = 0.25
# Of relevance, this much is how many of the reader's words the headline has. The
# database backends weigh a headline word no more than a body word; readers do.
HEADLINE_WEIGHT = 0.5
# A story loses half its freshness every so many days.
RECENCY_HALF_LIFE_DAYS = 30


@dataclass(frozen=True)
class Filters:
    section: object = None  # a SectionPage of the edition
    region: object = None  # a Region of the edition
    kind: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class Hit:
    page_id: int
    score: float


def freshness(published_at: datetime | None, now: datetime) -> float:
    """1.0 for a story published now, halving every RECENCY_HALF_LIFE_DAYS."""
    if published_at is None:
        return 0.0
    age_days = max((now - published_at).total_seconds(), 0) / 86_400
    return 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)


def headline_coverage(headline: str, terms: tuple[str, ...]) -> float:
    """The share of the reader's words found in the headline."""
    words = words_of(headline)
    found = sum(any(term_matches(word, term) for word in words) for term in terms)
    return found / len(terms) if terms else 0.0


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_stories(home, filters: Filters):
    """The edition's live, public stories that pass the filters."""
    stories = ArticlePage.objects.live().public().descendant_of(home)
    if filters.section is not None:
        stories = stories.descendant_of(filters.section)
    if filters.region is not None:
        # `id`, not `pk`: every backend can filter on the page id, and external
        # backends run this subquery themselves and send the ids.
        in_region = ArticlePage.regions.through.objects.filter(region=filters.region)
        stories = stories.filter(id__in=in_region.values("articlepage_id"))
    if filters.kind:
        stories = stories.filter(kind=filters.kind)
    if filters.date_from:
        stories = stories.filter(first_published_at__gte=_start_of(filters.date_from))
    if filters.date_to:
        day_after = filters.date_to + timedelta(days=1)
        stories = stories.filter(first_published_at__lt=_start_of(day_after))
    return stories


def rank(home, query: SearchQuery, filters: Filters) -> list[Hit]:
    """At most CANDIDATES hits, best first."""
    if not query:
        return []
    results = (
        filtered_stories(home, filters)
        .only("id", "title", "first_published_at")
        .search(query.backend_query, operator="and")
        .annotate_score("search_score")[:CANDIDATES]
    )
    candidates = list(results)
    if not candidates:
        return []
    # Backends disagree on sign and scale (SQLite's bm25 is negative, better being
    # lower); the magnitude relative to the best candidate is comparable.
    matched = {page.pk: abs(page.search_score or 0.0) for page in candidates}
    best = max(matched.values()) or 1.0
    now = timezone.now()
    hits = []
    for page in candidates:
        relevance = (1 - HEADLINE_WEIGHT) * matched[page.pk] / best + (
            HEADLINE_WEIGHT * headline_coverage(page.title, query.terms)
        )
        score = (1 - RECENCY_WEIGHT) * relevance + RECENCY_WEIGHT * freshness(
            page.first_published_at, now
        )
        hits.append(Hit(page.pk, score))
    hits.sort(key=lambda hit: hit.score, reverse=True)
    return hits
