"""Each editorial action purges exactly the cached pages that show what changed."""

import pytest
from django.test import Client

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.models import AuthorIndexPage
from masthead.caching.models import CachedResponse
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def cached_urls() -> set[str]:
    return {
        url.split("testserver", 1)[1].split("?")[0]
        for url in CachedResponse.objects.values_list("url", flat=True)
    }


def visit(*urls):
    client = Client()
    for url in urls:
        assert client.get(url).status_code == 200, url
    return cached_urls()


@pytest.fixture
def newsroom(
    page_cache, home, news, politics, article, django_capture_on_commit_callbacks
):
    home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    sports = SectionPageFactory(parent=home, title="Sports", slug="sports")
    match = ArticlePageFactory(parent=sports, title="Cup final report")
    page_cache.clear()
    urls = [
        "/", news.url, politics.url, sports.url, article.url, match.url,
        "/tags/iran/", "/regions/mena/", "/authors/lina-haddad/", "/authors/",
    ]  # fmt: skip
    assert visit(*urls) == set(urls)
    return {"sports": sports, "match": match, "urls": set(urls)}


def purged_by(django_capture_on_commit_callbacks, action) -> set[str]:
    before = cached_urls()
    with django_capture_on_commit_callbacks(execute=True):
        action()
    return before - cached_urls()


def test_publishing_a_story_purges_its_listings_and_nothing_else(
    newsroom, home, news, politics, django_capture_on_commit_callbacks
):
    def publish_new_story():
        story = ArticlePageFactory(parent=politics, title="Breaking development")
        story.tags.add("Iran")
        story.save_revision().publish(skip_permission_checks=True)

    purged = purged_by(django_capture_on_commit_callbacks, publish_new_story)

    # The new story's author is new too: the Authors directory gains a name.
    assert purged == {"/", news.url, politics.url, "/tags/iran/", "/authors/"}
    assert newsroom["match"].url not in purged


def test_editing_a_story_purges_it_and_every_page_that_shows_it(
    newsroom, home, news, politics, article, django_capture_on_commit_callbacks
):
    def edit():
        article.refresh_from_db()
        article.title = "Ministers affirm partnership (updated)"
        article.save_revision().publish(skip_permission_checks=True)

    purged = purged_by(django_capture_on_commit_callbacks, edit)

    assert {article.url, "/", news.url, politics.url, "/tags/iran/",
            "/regions/mena/", "/authors/lina-haddad/"} <= purged  # fmt: skip
    assert newsroom["sports"].url not in purged
    assert newsroom["match"].url not in purged
    assert "/authors/" not in purged


def test_unpublishing_removes_the_story_everywhere(
    newsroom, article, politics, django_capture_on_commit_callbacks
):
    purged = purged_by(django_capture_on_commit_callbacks, article.unpublish)

    assert {article.url, politics.url, "/", "/tags/iran/"} <= purged
    assert newsroom["match"].url not in purged


def test_moving_a_story_purges_both_sections(
    newsroom, article, politics, django_capture_on_commit_callbacks
):
    sports = newsroom["sports"]

    purged = purged_by(
        django_capture_on_commit_callbacks, lambda: article.move(sports, "last-child")
    )

    assert {article.url, politics.url, sports.url} <= purged
    assert newsroom["match"].url not in purged


def test_deleting_a_story_purges_it(
    newsroom, article, politics, django_capture_on_commit_callbacks
):
    purged = purged_by(django_capture_on_commit_callbacks, article.delete)

    assert {article.url, politics.url, "/"} <= purged


def test_renaming_an_author_purges_their_page_and_bylines(
    newsroom, article, author, django_capture_on_commit_callbacks
):
    def rename():
        author.name = "Lina Haddad-Saleh"
        author.save()

    purged = purged_by(django_capture_on_commit_callbacks, rename)

    # Their page, the directory, their stories and the listings showing those.
    assert {"/authors/lina-haddad/", "/authors/", article.url} <= purged
    assert newsroom["sports"].url not in purged
    assert newsroom["match"].url not in purged


def test_changing_the_menu_purges_the_whole_edition(
    newsroom, home, django_capture_on_commit_callbacks
):
    purged = purged_by(
        django_capture_on_commit_callbacks,
        lambda: (
            SectionPageFactory(parent=home, title="Health", slug="health")
            .save_revision()
            .publish(skip_permission_checks=True)
        ),
    )

    assert purged == newsroom["urls"]


@pytest.mark.parametrize("change", ["rename", "add", "delete"])
def test_a_region_change_purges_the_whole_edition(
    newsroom, region, django_capture_on_commit_callbacks, change
):
    from masthead.regions.tests.factories import RegionFactory

    def act():
        if change == "rename":
            region.name = "Middle East and North Africa"
            region.save()
        elif change == "add":
            RegionFactory(name="Europe", slug="europe")
        else:
            region.delete()

    # Every page's menu lists the edition's regions.
    assert purged_by(django_capture_on_commit_callbacks, act) == newsroom["urls"]


def test_a_render_that_started_before_a_purge_is_not_kept(page_cache, article):
    from masthead.caching.store import Entry

    entry = Entry(200, [("Content-Type", "text/html")], b"old", b"", b"", 10**10)
    page_cache.purge({f"page:{article.pk}"})

    kept = page_cache.put(
        "k", "http://testserver/x", entry, {f"page:{article.pk}"}, started=0
    )

    assert not kept
    assert page_cache.get("k") is None
