"""An article costs the same number of queries however many bylines, tags and
related links it has, and its pictures are ready before the first reader comes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.models import AuthorIndexPage
from masthead.authors.tests.factories import AuthorFactory
from masthead.media.models import CustomRendition
from masthead.media.renditions import ARTICLE_LEAD_SPECS, BODY_IMAGE_SPECS
from masthead.media.tests.factories import ImageFactory
from masthead.regions.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db

# Wagtail's routing (site, locale, one query per level of the tree, view
# restrictions) plus the page: edition home and menu, bylines, author directory,
# tags, corrections, breadcrumbs, lead image, related links, coverage hubs; Read
# Next (stories, their pictures, their sections: 3); the edition switcher and
# hreflang links (edition homes, the page's translations: 2); the Listen player's
# audio (1). Most Read adds none: its box is cached for the edition.
ARTICLE_QUERIES = 28  # the menu: its pages, and the edition's regions


def article_with(parent, *, authors, tags, related, image, regions=()):
    body = [("paragraph", RichText("<p>The talks resumed in the capital.</p>"))]
    if related:
        body.append(("related", {"heading": "Related News", "stories": related}))
    page = ArticlePageFactory(
        parent=parent, authors=authors, lead_image=image, body=body
    )
    page.tags.add(*tags)
    page.regions.add(*regions)
    page.save_revision().publish(skip_permission_checks=True)
    return page


def queries_to_render(client, page) -> int:
    client.get(page.url)  # warm the per-process caches (content types, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_is_constant(
    client, home, politics, django_capture_on_commit_callbacks
):
    home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    others = [ArticlePageFactory(parent=politics) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        small = article_with(
            politics, authors=[AuthorFactory()], tags=["One"], related=others[:1],
            image=ImageFactory(),
        )  # fmt: skip
        large = article_with(
            politics, authors=[AuthorFactory() for _ in range(5)],
            tags=["One", "Two", "Three", "Four", "Five", "Six"], related=others,
            image=ImageFactory(), regions=[RegionFactory() for _ in range(3)],
        )  # fmt: skip

    small_count = queries_to_render(client, small)
    large_count = queries_to_render(client, large)

    assert small_count == large_count
    assert large_count <= ARTICLE_QUERIES


def test_publishing_makes_every_rendition_the_page_uses(
    client, politics, django_capture_on_commit_callbacks
):
    lead, inline = ImageFactory(), ImageFactory()
    body = [
        ("paragraph", RichText("<p>The talks resumed.</p>")),
        ("image", {"image": inline, "alt_text": "A harbour", "caption": ""}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(parent=politics, lead_image=lead, body=body)

    made = set(CustomRendition.objects.values_list("image_id", "filter_spec"))
    assert {(lead.pk, spec) for spec in ARTICLE_LEAD_SPECS} <= made
    assert {(inline.pk, spec) for spec in BODY_IMAGE_SPECS} <= made

    client.get(page.url)
    client.get("/")
    client.get(politics.url)

    # Reading the article, the front page and the section made nothing new.
    assert set(CustomRendition.objects.values_list("image_id", "filter_spec")) == made
