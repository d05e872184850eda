"""One breaking action: the ticker line and, when chosen, a live blog's key event."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from masthead.breaking.models import BreakingItem
from masthead.breaking.tests.test_dashboard import PUBLISH, form_data
from masthead.front.setup import ensure_edition_home
from masthead.live.models import LiveBlogEntry, LiveBlogStatus
from masthead.live.tests.factories import live_blog

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(news):
    return live_blog(news, title="Ceasefire talks: live")


def test_the_form_offers_the_running_live_blogs(desk_client, blog, news):
    ended = live_blog(news, title="Election night: live", slug="election-night")
    ended.status = LiveBlogStatus.ENDED
    ended.save_revision().publish(skip_permission_checks=True)

    soup = BeautifulSoup(desk_client.get(PUBLISH).content, "html5lib")

    choices = [o.get_text() for o in soup.select("select[name=live_blog] option")]
    assert any("Ceasefire talks: live" in choice for choice in choices)
    assert not any("Election night" in choice for choice in choices)


def test_one_submit_puts_the_line_on_the_ticker_and_the_live_blog(
    desk_client, desk_editor, blog
):
    response = desk_client.post(PUBLISH, form_data(live_blog=blog.pk))

    assert response.status_code == 302
    item = BreakingItem.objects.get()
    entry = LiveBlogEntry.objects.get(blog=blog)
    assert entry.is_key_event
    assert item.text in entry.body
    assert entry.posted_at == item.published_at


def test_without_a_live_blog_only_the_ticker_gets_the_line(desk_client, blog):
    desk_client.post(PUBLISH, form_data())

    assert BreakingItem.objects.count() == 1
    assert not LiveBlogEntry.objects.exists()


@pytest.mark.parametrize("value", ["999999", "not-a-number", "1 OR 1=1"])
def test_an_unknown_live_blog_is_a_form_error_and_nothing_is_published(
    desk_client, blog, value
):
    response = desk_client.post(PUBLISH, form_data(live_blog=value))

    assert response.status_code == 200
    assert "live_blog" in response.context["form"].errors
    assert not BreakingItem.objects.exists()
    assert not LiveBlogEntry.objects.exists()


def test_a_live_blog_of_another_edition_is_refused(desk_client, blog):
    ensure_edition_home("ar")
    arabic = Locale.objects.get(language_code="ar")

    response = desk_client.post(PUBLISH, form_data(locale=arabic.pk, live_blog=blog.pk))

    assert response.status_code == 200
    assert "live_blog" in response.context["form"].errors
    assert not BreakingItem.objects.exists()
    assert not LiveBlogEntry.objects.exists()
