"""Stories with chosen links and ages, hubs, and a second edition."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.coverage.models import CoverageIndexPage, CoveragePage
from masthead.discovery.counting import hour_bucket
from masthead.discovery.models import ArticleViewCount
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    return page


def make_story(parent, *, age=timedelta(0), tags=(), regions=(), hubs=(), **fields):
    """A published story `age` old, linked to the given tags, regions and hubs."""
    page = ArticlePageFactory(
        parent=parent, first_published_at=timezone.now() - age, **fields
    )
    if tags or regions or hubs:
        page.tags.add(*tags)
        page.regions.add(*regions)
        page.coverage.add(*hubs)
        publish(page)
    return page


def add_views(article, views, hours_ago=0):
    """Record `views` views of `article` in the hour `hours_ago` hours back."""
    return ArticleViewCount.objects.create(
        article=article,
        hour=hour_bucket(timezone.now() - timedelta(hours=hours_ago)),
        views=views,
    )


@pytest.fixture
def economy(news):
    return SectionPageFactory(parent=news, title="Economy", slug="economy")


@pytest.fixture
def make_hub(home):
    index = home.add_child(
        instance=CoverageIndexPage(title="Coverage", slug="coverage")
    )

    def make(title):
        hub = index.add_child(instance=CoveragePage(title=title))
        return publish(hub)

    return make


@pytest.fixture
def arabic_politics(home):
    arabic_home = ensure_edition_home("ar")
    news = SectionPageFactory(parent=arabic_home, title="أخبار", slug="news")
    return SectionPageFactory(parent=news, title="سياسة", slug="politics")
