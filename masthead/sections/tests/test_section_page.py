from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.common.listings import STORIES_PER_PAGE
from masthead.sections.models import SectionPage
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def headlines(response):
    soup = BeautifulSoup(response.content, "html5lib")
    return [h.get_text(strip=True) for h in soup.select(".story-list .card__headline")]


def test_section_lists_its_own_and_its_subsections_stories_newest_first(
    client, news, politics
):
    now = timezone.now()
    older = ArticlePageFactory(
        parent=news, title="Older story", first_published_at=now - timedelta(days=2)
    )
    newer = ArticlePageFactory(
        parent=politics,
        title="Newer story",
        first_published_at=now - timedelta(hours=1),
    )

    response = client.get(news.url)

    assert response.status_code == 200
    assert headlines(response) == [newer.title, older.title]


def test_drafts_and_other_sections_stay_out(client, home, news, politics):
    sports = SectionPageFactory(parent=home, title="Sports", slug="sports")
    ArticlePageFactory(parent=sports, title="A match report")
    draft = ArticlePageFactory(parent=politics, title="An unfinished draft")
    draft.unpublish()

    assert headlines(client.get(news.url)) == []


def test_section_pages_are_paginated(client, politics):
    for number in range(STORIES_PER_PAGE + 3):
        ArticlePageFactory(
            parent=politics,
            title=f"Story {number}",
            first_published_at=timezone.now() - timedelta(minutes=number),
        )

    first = client.get(politics.url)
    second = client.get(politics.url, {"page": 2})

    assert len(headlines(first)) == STORIES_PER_PAGE
    assert headlines(second) == ["Story 20", "Story 21", "Story 22"]
    assert b'rel="next"' in first.content
    assert b'rel="prev"' in second.content


@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "99999", "1.5", ""])
def test_bad_page_numbers_are_not_found(client, politics, page_number):
    ArticlePageFactory(parent=politics)

    response = client.get(politics.url, {"page": page_number})

    assert response.status_code == 404


def test_sections_are_two_levels_deep_at_most(home, news, politics):
    assert SectionPage.can_create_at(home)
    assert SectionPage.can_create_at(news)
    assert not SectionPage.can_create_at(politics)
