"""The synthetic archive behind the benchmark: real, servable stories, made fast."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from masthead.articles.models import ArticlePage
from masthead.demo import synthetic
from masthead.sections.tests.factories import SectionPageFactory

from .helpers import locs, parsed_feed, path_of, valid_xml

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(news, politics, image, author, article):
    economy = SectionPageFactory(parent=news, title="Economy", slug="economy")
    return [news, politics, economy]


def generate(count, **options):
    out = StringIO()
    call_command("generate_articles", count, stdout=out, **options)
    return out.getvalue()


def test_stories_are_made_in_batches_with_progress(sections, monkeypatch):
    monkeypatch.setattr(synthetic, "BATCH_SIZE", 10)

    output = generate(25, seed=1)

    assert "10/25 articles" in output and "25/25 articles" in output
    assert "Created 25 synthetic articles" in output
    assert synthetic.synthetic_articles().live().count() == 25


def test_the_page_tree_stays_consistent(sections):
    generate(30, seed=2)

    assert all(problems == [] for problems in Page.find_problems())
    for section in sections:
        section.refresh_from_db()
        assert section.numchild == section.get_children().count()


def test_synthetic_stories_are_complete_and_served(client, sections, author, image):
    generate(12, seed=3, years=2)

    now = timezone.now()
    for story in synthetic.synthetic_articles().select_related("lead_image"):
        assert client.get(story.url).status_code == 200
        assert story.authors.get().author == author
        assert story.tags.count() == 2
        assert story.lead_image == image
        assert now - timedelta(days=2 * 365 + 1) <= story.first_published_at <= now
        assert len(story.standfirst) >= 40


def test_sitemaps_and_feeds_list_them(client, sections):
    generate(12, seed=4)

    index = valid_xml(client.get("/sitemap.xml"), "siteindex.xsd")
    urls = set()
    for sitemap in locs(index, "sm:sitemap"):
        document = valid_xml(client.get(path_of(sitemap)), "urlset-with-extensions.xsd")
        urls.update(path_of(url) for url in locs(document))
    assert {story.url for story in synthetic.synthetic_articles()} <= urls
    assert len(parsed_feed(client, "/feeds/en/latest.rss").entries) == 13


def test_delete_removes_only_synthetic_stories(sections, article):
    generate(15, seed=5)

    out = StringIO()
    call_command("generate_articles", delete=True, stdout=out)

    assert "Deleted 15 synthetic articles" in out.getvalue()
    assert list(ArticlePage.objects.all()) == [article]
    assert all(problems == [] for problems in Page.find_problems())


def test_without_sections_the_command_explains_what_is_missing(home):
    with pytest.raises(CommandError, match="demo-data"):
        generate(10)


def test_a_count_is_required(home):
    with pytest.raises(CommandError, match="how many"):
        call_command("generate_articles", stdout=StringIO())
