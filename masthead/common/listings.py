"""Querysets behind every list of stories, built so that a card costs no query.

Sections, authors, hubs, tags and regions list stories without importing the
story's app: the story page type is named in settings (`masthead.common.roles`),
and a story's section is its parent page, of the type the story names as its
parent."""

from collections.abc import Iterable

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404
from wagtail.models import Page

from masthead.caching import keys as surrogate_keys

from .roles import story_page_model

STORIES_PER_PAGE = 20
# Listings offer this many pages at most: readers go further through search and the
# archive, and the database never skips more than MAX_PAGES × STORIES_PER_PAGE rows.
MAX_PAGES = 100


def published_stories() -> QuerySet:
    """Live, public stories, newest first, with what a story card shows."""
    return (
        story_page_model()
        .objects.live()
        .public()
        .select_related("lead_image", "locale")
        .prefetch_related("lead_image__renditions")
        .order_by("-first_published_at", "-pk")
    )


def attach_sections(articles: Iterable[Page]) -> list[Page]:
    """Set `article.section` (its parent section) on each article in one query."""
    articles = list(articles)
    # Every list of stories passes here: the response shows each of them.
    surrogate_keys.add(*(surrogate_keys.page(article.pk) for article in articles))
    parent_paths = {article.path[: -Page.steplen] for article in articles}
    parents = _section_model().objects.filter(path__in=parent_paths)
    sections = {
        section.path: section
        for section in parents.only(
            "id", "path", "depth", "title", "url_path", "slug", "locale_id"
        )
    }
    for article in articles:
        article.section = sections.get(article.path[: -Page.steplen])
    return articles


def _section_model():
    """The page type stories live under (their `parent_page_types`), so that a
    story's section is that page type, not a bare page."""
    parents = story_page_model().allowed_parent_page_models()
    return parents[0] if len(parents) == 1 else Page


def latest_stories(home: Page, limit: int) -> list[Page]:
    return attach_sections(published_stories().descendant_of(home)[:limit])


def section_stories(section: Page) -> QuerySet:
    return published_stories().descendant_of(section)


class BoundedPaginator(Paginator):
    """A paginator that counts no further than the pages it will ever show."""

    def __init__(self, object_list, per_page=STORIES_PER_PAGE, max_pages=MAX_PAGES):
        super().__init__(object_list, per_page)
        self.max_pages = max_pages

    @property
    def count(self) -> int:
        if not hasattr(self, "_bounded_count"):
            limit = self.per_page * self.max_pages
            # Counting needs no order: unordered, the database stops at the limit
            # as soon as it has found that many rows.
            self._bounded_count = self.object_list.order_by()[:limit].count()
        return self._bounded_count


def paginate_stories(request, queryset, per_page=STORIES_PER_PAGE):
    """One page of stories, their sections attached; a bad page number is a 404."""
    paginator = BoundedPaginator(queryset, per_page)
    raw_number = request.GET.get("page", "1")
    try:
        # No page number is longer than MAX_PAGES (and int() refuses 4,301 digits).
        if (
            not raw_number.isascii()
            or not raw_number.isdigit()
            or len(raw_number) > len(str(MAX_PAGES))
        ):
            raise PageNotAnInteger(raw_number)
        stories = paginator.page(int(raw_number))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page of stories.") from error
    stories.object_list = attach_sections(stories.object_list)
    return stories
