"""Querysets behind every list of stories, built so that a card costs no query."""

from collections.abc import Iterable

from django.db.models import QuerySet
from wagtail.models import Page

from .models import ArticlePage


def published_articles() -> QuerySet[ArticlePage]:
    """Live, public articles, newest first, with what a story card shows."""
    return (
        ArticlePage.objects.live()
        .public()
        .select_related("lead_image", "locale")
        .prefetch_related("lead_image__renditions")
        .order_by("-first_published_at", "-pk")
    )


def attach_sections(articles: Iterable[ArticlePage]) -> list[ArticlePage]:
    """Set `article.section` (its parent section) on each article in one query."""
    from masthead.sections.models import SectionPage

    articles = list(articles)
    parent_paths = {article.path[: -Page.steplen] for article in articles}
    sections = {
        section.path: section
        for section in SectionPage.objects.filter(path__in=parent_paths).only(
            "id", "path", "depth", "title", "url_path", "slug", "locale_id"
        )
    }
    for article in articles:
        article.section = sections.get(article.path[: -Page.steplen])
    return articles


def latest_articles(home: Page, limit: int) -> list[ArticlePage]:
    return attach_sections(published_articles().descendant_of(home)[:limit])


def section_articles(section: Page) -> QuerySet[ArticlePage]:
    return published_articles().descendant_of(section)
