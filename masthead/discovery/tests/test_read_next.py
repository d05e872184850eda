"""Read Next: scored from shared links and recency, stored, shown after picks."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.discovery import read_next as read_next_module
from masthead.discovery.models import ReadNextPin, ReadNextRecommendation
from masthead.discovery.read_next import (
    HALF_LIFE,
    STORED_PER_ARTICLE,
    compute_read_next,
    read_next_stories,
    score,
    store_read_next,
)
from masthead.regions.tests.factories import RegionFactory
from masthead.sections.tests.factories import SectionPageFactory

from .conftest import make_story, publish

pytestmark = pytest.mark.django_db


def titles(stories):
    return [story.title for story in stories]


def computed(article):
    ids = compute_read_next(article, timezone.now())
    by_id = {page.pk: page.title for page in type(article).objects.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids]


@pytest.fixture
def sports(news):
    return SectionPageFactory(parent=news, title="Sports", slug="sports")


def test_a_shared_hub_beats_a_shared_tag_beats_the_same_section(
    politics, sports, make_hub
):
    gaza = make_hub("War on Gaza")
    story = make_story(politics, tags=["Ceasefire"], hubs=[gaza])
    make_story(politics, title="Same section")
    make_story(sports, title="Shared tag", tags=["Ceasefire"])
    make_story(sports, title="Shared hub", hubs=[gaza])
    make_story(sports, title="Unrelated", tags=["Football"])

    assert computed(story) == ["Shared hub", "Shared tag", "Same section"]


def test_more_shared_links_score_higher(politics, sports, region):
    other_region = RegionFactory()
    story = make_story(politics, tags=["Iran", "Russia"], regions=[region])
    make_story(sports, title="One tag", tags=["Iran"])
    make_story(sports, title="Two tags", tags=["Iran", "Russia"])
    make_story(sports, title="Tag and region", tags=["Russia"], regions=[region])
    make_story(sports, title="Other region", regions=[other_region])

    assert computed(story) == ["Two tags", "Tag and region", "One tag"]


def test_newer_beats_older_at_equal_score(politics, sports):
    story = make_story(politics, tags=["Elections"])
    make_story(sports, title="Last week", tags=["Elections"], age=timedelta(days=7))
    make_story(sports, title="This morning", tags=["Elections"], age=timedelta(hours=3))
    make_story(sports, title="Yesterday", tags=["Elections"], age=timedelta(days=1))

    assert computed(story) == ["This morning", "Yesterday", "Last week"]


def test_points_halve_every_half_life():
    now = timezone.now()

    assert score(8, now - HALF_LIFE, now) == pytest.approx(score(4, now, now))
    assert score(8, now - 2 * HALF_LIFE, now) == pytest.approx(score(2, now, now))
    assert score(8, now + timedelta(hours=1), now) == score(8, now, now)
    assert score(0, now, now) < score(1, now - 10 * HALF_LIFE, now)


def test_the_order_does_not_depend_on_when_it_is_computed():
    published = timezone.now() - timedelta(days=3)
    # An exact tie: twice the points, one half-life older.
    older, newer = (4, published - HALF_LIFE), (2, published)
    orders = {
        score(*older, now) < score(*newer, now)
        for now in (published + timedelta(seconds=s) for s in range(0, 86400, 997))
    }
    assert len(orders) == 1


def test_a_strong_old_link_loses_to_a_fresh_weak_one_in_time(
    politics, sports, make_hub
):
    hub = make_hub("Elections")
    story = make_story(politics, hubs=[hub])
    make_story(sports, title="Hub, two months ago", hubs=[hub], age=timedelta(days=60))
    make_story(politics, title="Same section, today")

    assert computed(story) == ["Same section, today", "Hub, two months ago"]


def test_never_the_story_its_related_links_other_editions_or_unpublished(
    politics, home, arabic_politics
):
    linked = make_story(politics, title="Linked in the body", tags=["Iran"])
    story = ArticlePageFactory(
        parent=politics,
        body=[("related", {"heading": "Related News", "stories": [linked]})],
    )
    story.tags.add("Iran")
    publish(story)
    make_story(arabic_politics, title="Arabic edition", tags=["Iran"])
    withdrawn = make_story(politics, title="Withdrawn", tags=["Iran"])
    withdrawn.unpublish()
    members = SectionPageFactory(parent=politics.get_parent(), title="Members")
    make_story(members, title="Private", tags=["Iran"])
    PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.LOGIN
    )
    make_story(politics, title="Eligible", tags=["Iran"])

    assert computed(story) == ["Eligible"]


def test_a_story_with_nothing_in_common_gets_no_recommendations(politics, news):
    story = make_story(politics, tags=["Iran"])
    make_story(news, title="Elsewhere", tags=["Football"])

    assert computed(story) == []


def test_storing_keeps_a_bounded_list_and_reports_changes(politics):
    story = make_story(politics)
    for n in range(STORED_PER_ARTICLE + 3):
        make_story(politics, title=f"Sibling {n}", age=timedelta(hours=n + 1))
    now = timezone.now()

    assert store_read_next(story, now)
    stored = ReadNextRecommendation.objects.filter(article=story).order_by("rank")
    assert [r.story.title for r in stored] == [
        f"Sibling {n}" for n in range(STORED_PER_ARTICLE)
    ]
    assert not store_read_next(story, now + timedelta(hours=5))  # unchanged


def test_a_concurrent_store_leaves_the_other_result(politics, monkeypatch):
    story = make_story(politics)
    make_story(politics, title="Sibling")

    def collide(*args, **kwargs):
        raise IntegrityError("duplicate key value")

    monkeypatch.setattr(ReadNextRecommendation.objects, "bulk_create", collide)

    assert store_read_next(story, timezone.now()) is False


def pin(article, *stories):
    for order, story in enumerate(stories):
        ReadNextPin.objects.create(article=article, story=story, sort_order=order)


def test_editors_picks_come_first_then_the_computed_ones(politics, sports):
    story = make_story(politics, tags=["Iran"])
    first = make_story(sports, title="Pick one")
    second = make_story(sports, title="Pick two")
    for n in range(4):
        make_story(politics, title=f"Computed {n}", age=timedelta(hours=n + 1))
    store_read_next(story, timezone.now())
    pin(story, second, first)

    assert titles(read_next_stories(story)) == [
        "Pick two",
        "Pick one",
        "Computed 0",
        "Computed 1",
    ]


def test_a_pick_that_is_also_computed_shows_once(politics):
    story = make_story(politics)
    siblings = [
        make_story(politics, title=f"Sibling {n}", age=timedelta(hours=n + 1))
        for n in range(5)
    ]
    store_read_next(story, timezone.now())
    pin(story, siblings[2])

    assert titles(read_next_stories(story)) == [
        "Sibling 2",
        "Sibling 0",
        "Sibling 1",
        "Sibling 3",
    ]


def test_picks_that_are_unpublished_or_from_another_edition_are_skipped(
    politics, arabic_politics
):
    story = make_story(politics)
    withdrawn = make_story(politics, title="Withdrawn pick")
    arabic = make_story(arabic_politics, title="Arabic pick")
    live = make_story(politics, title="Live pick")
    pin(story, withdrawn, arabic, live)
    withdrawn.unpublish()

    assert titles(read_next_stories(story)) == ["Live pick"]


def test_stories_made_private_after_the_computation_are_skipped(politics, news):
    story = make_story(politics)
    make_story(politics, title="Public sibling")
    members = SectionPageFactory(parent=news, title="Members")
    private_pick = make_story(members, title="Private pick")
    pin(story, private_pick)
    store_read_next(story, timezone.now())
    restricted_sibling = make_story(politics, title="Restricted later")
    store_read_next(story, timezone.now())
    PageViewRestriction.objects.create(
        page=restricted_sibling, restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.LOGIN
    )

    assert titles(read_next_stories(story)) == ["Public sibling"]


def test_showing_read_next_costs_three_queries_however_many(
    politics, image, django_assert_max_num_queries
):
    few = make_story(politics)
    many = make_story(politics)
    stories = [make_story(politics, lead_image=image) for _ in range(10)]
    store_read_next(few, timezone.now())
    store_read_next(many, timezone.now())
    pin(many, *stories[:4])
    ReadNextRecommendation.objects.filter(article=few).exclude(rank=0).delete()

    with django_assert_max_num_queries(3):
        assert len(read_next_stories(few)) == 1
    with django_assert_max_num_queries(3):
        shown = read_next_stories(many)
        assert all(story.section == politics for story in shown)
        assert len(shown) == 4


def test_publishing_a_story_computes_its_read_next(
    politics, django_capture_on_commit_callbacks
):
    earlier = make_story(politics, title="Earlier", tags=["Iran"])

    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(politics, title="New", tags=["Iran"])

    assert list(
        ReadNextRecommendation.objects.filter(article=story).values_list(
            "story_id", flat=True
        )
    ) == [earlier.pk]


def test_a_bulk_load_leaves_read_next_to_its_end(
    politics, django_capture_on_commit_callbacks
):
    from masthead.common.bulk import bulk_load

    make_story(politics, title="Earlier", tags=["Iran"])
    with bulk_load(), django_capture_on_commit_callbacks(execute=True):
        story = make_story(politics, title="New", tags=["Iran"])

    # The loader computes every list once its stories are all in.
    assert not ReadNextRecommendation.objects.filter(article=story).exists()


def test_the_refresh_command_recomputes_recent_stories(politics, capsys):
    recent = make_story(politics, title="Recent", age=timedelta(days=2))
    old = make_story(politics, title="Old", age=timedelta(days=30))
    store_read_next(recent, timezone.now())
    store_read_next(old, timezone.now())
    newcomer = make_story(politics, title="Newcomer")

    call_command("refresh_read_next")

    assert read_next_stories(recent)[0] == newcomer
    assert newcomer not in read_next_stories(old)
    assert "Read Next refreshed for 2 stories (2 changed)." in capsys.readouterr().out


def test_the_refresh_command_reaches_back_as_far_as_asked(politics):
    old = make_story(politics, title="Old", age=timedelta(days=30))
    newcomer = make_story(politics, title="Newcomer")

    call_command("refresh_read_next", days=31)

    assert read_next_stories(old) == [newcomer]
    with pytest.raises(CommandError):
        call_command("refresh_read_next", days=-1)


def test_related_links_are_read_without_loading_pages(
    politics, django_assert_num_queries
):
    linked = [make_story(politics) for _ in range(3)]
    story = ArticlePageFactory(
        parent=politics,
        body=[("related", {"heading": "More", "stories": linked})],
    )
    story = type(story).objects.get(pk=story.pk)

    with django_assert_num_queries(0):
        ids = read_next_module.related_block_story_ids(story)
    assert ids == {page.pk for page in linked}


def test_the_article_page_shows_read_next_after_most_read(client, article, politics):
    other = make_story(politics, title="Parliament votes on the budget")
    store_read_next(article, timezone.now())

    page = BeautifulSoup(client.get(article.url).content, "html5lib")

    box = page.select_one("section.read-next")
    assert box.select_one("h2").get_text(strip=True) == "Read Next"
    [card] = box.select("ul.read-next__list > li")
    assert card.select_one(".card__headline").get_text(strip=True) == other.title
    assert card.select_one(".card__section").get_text(strip=True) == "Politics"
    assert page.select_one("section.most-read").find_next("section") == box
