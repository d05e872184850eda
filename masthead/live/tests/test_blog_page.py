"""The live blog page: entries newest first, key events, the ended notice, and
the same page in every edition."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from masthead.front.setup import ensure_edition_home
from masthead.live.actions import post_entry
from masthead.live.models import LiveBlogStatus
from masthead.live.tests.factories import publish

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def test_entries_are_newest_first_with_anchors(client, blog):
    now = timezone.now()
    older = post_entry(blog, body="Roads closed.", posted_at=now - timedelta(hours=1))
    newer = post_entry(blog, body="<p>Power <b>back</b>.</p>", headline="Relief")

    soup = soup_of(client, blog.url)

    entries = soup.select(".live-entry")
    assert [e["id"] for e in entries] == [f"entry-{newer.pk}", f"entry-{older.pk}"]
    assert entries[0].select_one(".live-entry__headline").get_text() == "Relief"
    assert entries[0].select_one(".live-entry__body b").get_text() == "back"
    assert entries[0].select_one("time")["datetime"].startswith(str(now.year))


def test_key_events_are_summarised_at_the_top_with_links(client, blog):
    key = post_entry(blog, body="Evacuation ordered.", headline="Evacuation",
                     is_key_event=True)  # fmt: skip
    post_entry(blog, body="An ordinary update.")

    soup = soup_of(client, blog.url)

    summary = soup.select_one(".key-events")
    assert summary.get("hidden") is None
    links = summary.select("a")
    assert [a["href"] for a in links] == [f"#entry-{key.pk}"]
    assert "Evacuation" in links[0].get_text()
    assert soup.select_one(f"#entry-{key.pk}.live-entry--key") is not None


def test_key_events_on_older_pages_link_to_their_page(client, blog, settings):
    key = post_entry(blog, body="The first alert.", is_key_event=True,
                     posted_at=timezone.now() - timedelta(days=1))  # fmt: skip
    for number in range(50):
        post_entry(blog, body=f"Update {number}.")

    soup = soup_of(client, blog.url)

    assert soup.select_one(".key-events a")["href"] == f"?page=2#entry-{key.pk}"
    assert len(soup.select(".live-entry")) == 50
    assert soup.select_one("a[rel=next]")["href"] == "?page=2"
    second = soup_of(client, blog.url + "?page=2")
    assert [e["id"] for e in second.select(".live-entry")] == [f"entry-{key.pk}"]
    assert second.select_one("[data-live-blog]").get("data-src") is None


def test_a_running_blog_polls_its_feed(client, blog):
    entry = post_entry(blog, body="Latest.")

    soup = soup_of(client, blog.url)

    root = soup.select_one("[data-live-blog]")
    assert root["data-src"] == f"/live/{blog.pk}/entries.json"
    assert root["data-latest"] == str(entry.pk)
    assert root["data-status"] == "live"
    assert soup.select_one(".live-blog__status--live").get_text() == "Live"
    assert any("live_blog.js" in s["src"] for s in soup.select("script[src]"))
    button = soup.select_one("[data-live-new]")
    assert button.name == "button" and button.has_attr("hidden")
    assert button.parent["aria-live"] == "polite"


def test_an_ended_blog_says_so_and_does_not_poll(client, blog):
    blog.status = LiveBlogStatus.ENDED
    blog.full_clean()
    publish(blog)

    soup = soup_of(client, blog.url)

    notice = soup.select_one(".live-blog__status--ended:not([hidden])")
    assert "This live blog has ended." in notice.get_text()
    assert notice.time["datetime"]
    assert not any("live_blog.js" in s["src"] for s in soup.select("script[src]"))


def test_ending_sets_the_end_time_and_resuming_clears_it(blog):
    blog.status = LiveBlogStatus.ENDED
    blog.clean()
    assert blog.ended_at is not None
    blog.status = LiveBlogStatus.LIVE
    blog.clean()
    assert blog.ended_at is None


def test_video_links_are_links_until_the_reader_asks(client, blog):
    post_entry(blog, body="Footage from the harbour.",
               embed_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")  # fmt: skip
    post_entry(blog, body="The minister's statement.",
               embed_url="https://x.com/example/status/1234567890")  # fmt: skip

    soup = soup_of(client, blog.url)

    post, video = soup.select("a.live-embed")  # newest first
    assert video["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert video["data-player"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert post["href"] == "https://x.com/example/status/1234567890"
    assert not post.has_attr("data-player")
    assert soup.select("iframe") == []


def test_entry_pictures_have_alt_text_and_credit(client, blog, image):
    post_entry(blog, body="Flooded streets.", image=image)

    soup = soup_of(client, blog.url)

    figure = soup.select_one(".live-entry__figure")
    assert figure.img["alt"] == image.description
    assert image.credit in figure.figcaption.get_text()


@pytest.mark.parametrize("language_code", ["en", "ar", "es"])
def test_the_blog_renders_in_every_edition(client, blog, language_code):
    home = ensure_edition_home(language_code)
    if language_code == "en":
        page = blog
    else:
        locale = Locale.objects.get(language_code=language_code)
        page = blog.copy_for_translation(locale, copy_parents=True)
        publish(page)
    post_entry(page, body="Una actualización." if language_code == "es" else "تحديث")

    soup = soup_of(client, page.url)

    assert page.url.startswith("/" if language_code == "en" else f"/{language_code}/")
    assert soup.html["lang"] == language_code
    assert soup.select_one("[data-live-blog]")["data-src"] == (
        f"{'' if language_code == 'en' else '/' + language_code}"
        f"/live/{page.pk}/entries.json"
    )
    assert len(soup.select(".live-entry")) == 1
    assert home.locale.language_code == language_code
