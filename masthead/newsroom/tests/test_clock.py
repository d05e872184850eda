"""The clock publishes and expires on time; one story that cannot be published
does not hold up the others."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.newsroom import clock as newsroom_clock
from masthead.newsroom.clock import tick

pytestmark = pytest.mark.django_db


def schedule(page, at):
    page = ArticlePage.objects.get(pk=page.pk)
    page.go_live_at = at
    page.save_revision().publish(skip_permission_checks=True)


def is_live(page) -> bool:
    return ArticlePage.objects.get(pk=page.pk).live


def test_a_scheduled_story_goes_live_at_its_time_not_before(draft, clock):
    schedule(draft, clock.moment + timedelta(minutes=30))

    clock.move(minutes=29)
    assert tick().published == 0
    assert not is_live(draft)

    clock.move(minutes=1)
    assert tick().published == 1
    assert is_live(draft)
    assert tick().published == 0  # once


def test_an_expired_story_comes_down(politics, clock):
    story = ArticlePageFactory(parent=politics)
    story.expire_at = clock.moment + timedelta(hours=1)
    story.save_revision().publish(skip_permission_checks=True)

    clock.move(hours=1, seconds=1)
    assert tick().expired == 1

    story = ArticlePage.objects.get(pk=story.pk)
    assert (story.live, story.expired) == (False, True)


def test_one_failure_does_not_stop_the_others(politics, draft, clock, monkeypatch):
    other = ArticlePageFactory.build(title="Markets open higher", slug="markets")
    politics.add_child(instance=other)
    other.save_revision()
    for page in (draft, other):
        schedule(page, clock.moment + timedelta(minutes=5))
    original = ArticlePage.publish

    def publish_or_fail(self, revision, **kwargs):
        if self.pk == draft.pk:
            raise RuntimeError("disk full")
        return original(self, revision, **kwargs)

    monkeypatch.setattr(ArticlePage, "publish", publish_or_fail)
    clock.move(minutes=6)
    result = tick()

    assert (result.published, result.failed) == (1, 1)
    assert is_live(other)
    assert not is_live(draft)


def test_the_clock_queues_the_wire_polls(clock, monkeypatch):
    asked = []
    monkeypatch.setattr(
        newsroom_clock, "enqueue_due_polls", lambda now: asked.append(now) or 2
    )
    assert tick().polls == 2
    assert asked == [clock.moment]


def test_the_command_runs_one_tick(draft, clock, capsys):
    schedule(draft, clock.moment + timedelta(minutes=1))
    clock.move(minutes=2)
    call_command("clock", "--once")
    assert "published 1" in capsys.readouterr().out
    assert is_live(draft)
