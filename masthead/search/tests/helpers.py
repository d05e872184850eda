"""Stories made for search tests, with the dates and words each test needs."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory, paragraphs

STANDFIRST = "Officials met on Monday to discuss the week ahead in the capital."


def story(parent, title, *, standfirst=STANDFIRST, body=None, days_ago=0, **fields):
    page = ArticlePageFactory(
        parent=parent,
        title=title,
        standfirst=standfirst,
        body=paragraphs(*(body or ["The meeting ended without a statement."])),
        **fields,
    )
    published = timezone.now() - timedelta(days=days_ago)
    ArticlePage.objects.filter(pk=page.pk).update(first_published_at=published)
    page.first_published_at = published
    return page


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html5lib")


def result_headlines(response) -> list[str]:
    soup = soup_of(response)
    return [h.get_text() for h in soup.select(".search-result__headline")]
