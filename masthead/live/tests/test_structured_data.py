"""LiveBlogPosting and the channel's VideoObject, field by field."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masthead.live.actions import post_entry
from masthead.live.models import LiveBlogStatus
from masthead.live.tests.factories import live_channel, publish

pytestmark = pytest.mark.django_db


def json_ld(client, url) -> list[dict]:
    soup = BeautifulSoup(client.get(url).content, "html5lib")
    return [
        json.loads(s.string) for s in soup.select("script[type='application/ld+json']")
    ]


def of_type(data, schema_type):
    return next(item for item in data if item.get("@type") == schema_type)


def test_live_blog_posting(client, blog, author, image, settings):
    base = settings.MASTHEAD_BASE_URL
    blog.lead_image = image
    publish(blog)
    older = post_entry(blog, body="<p>Roads <b>closed</b> &amp; flooded.</p>",
                       posted_at=timezone.now() - timedelta(hours=1))  # fmt: skip
    newer = post_entry(blog, body="Evacuations begin.", headline="Evacuations",
                       author=author, image=image)  # fmt: skip

    posting = of_type(json_ld(client, blog.url), "LiveBlogPosting")

    url = base + blog.url
    assert posting["@context"] == "https://schema.org"
    assert posting["headline"] == blog.title
    assert posting["description"] == blog.summary
    assert posting["url"] == url
    assert posting["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert posting["coverageStartTime"] == blog.first_published_at.isoformat()
    assert "coverageEndTime" not in posting
    assert posting["dateModified"] == newer.posted_at.isoformat()
    assert posting["inLanguage"] == "en"
    assert posting["publisher"] == {"@type": "Organization", "name": "The Masthead"}
    assert len(posting["image"]) == 3 and posting["image"][0].startswith(base)
    first, second = posting["liveBlogUpdate"]
    assert first["@type"] == "BlogPosting"
    assert first["headline"] == "Evacuations"
    assert first["articleBody"] == "Evacuations begin."
    assert first["datePublished"] == newer.posted_at.isoformat()
    assert first["author"] == {"@type": "Person", "name": author.name}
    assert first["url"] == f"{url}#entry-{newer.pk}"
    assert first["image"].startswith(base)
    assert second["headline"] == "Roads closed & flooded."
    assert second["articleBody"] == "Roads closed & flooded."
    assert second["url"] == f"{url}#entry-{older.pk}"
    assert "author" not in second and "image" not in second


def test_an_ended_blog_has_a_coverage_end_time(client, blog):
    blog.status = LiveBlogStatus.ENDED
    blog.full_clean()
    publish(blog)

    posting = of_type(json_ld(client, blog.url), "LiveBlogPosting")

    assert posting["coverageEndTime"] == blog.ended_at.isoformat()


def test_at_most_fifty_updates(client, blog):
    for number in range(52):
        post_entry(blog, body=f"Update {number}.")

    posting = of_type(json_ld(client, blog.url), "LiveBlogPosting")

    assert len(posting["liveBlogUpdate"]) == 50
    assert posting["liveBlogUpdate"][0]["articleBody"] == "Update 51."


def test_the_channel_is_a_live_video_broadcast(client, home, image, settings):
    now = timezone.now()
    channel = live_channel(
        home,
        intro="Our news channel, live.",
        lead_image=image,
        programmes=[
            (now - timedelta(hours=1), now + timedelta(hours=1), "Newsroom live"),
            (now + timedelta(hours=1), now + timedelta(hours=2), "The interview"),
        ],
    )
    current = channel.programmes.get(title="Newsroom live")

    video = of_type(json_ld(client, channel.url), "VideoObject")

    base = settings.MASTHEAD_BASE_URL
    assert video["name"] == "Live"
    assert video["description"] == "Our news channel, live."
    assert video["url"] == base + channel.url
    assert video["contentUrl"] == base + "/media/live/en/stream.m3u8"
    assert video["encodingFormat"] == "application/vnd.apple.mpegurl"
    assert video["uploadDate"] == channel.first_published_at.isoformat()
    assert video["thumbnailUrl"][0].startswith(base)
    assert video["inLanguage"] == "en"
    assert video["publication"] == {
        "@type": "BroadcastEvent",
        "isLiveBroadcast": True,
        "name": "Newsroom live",
        "startDate": current.start_at.isoformat(),
        "endDate": current.end_at.isoformat(),
    }


def test_between_programmes_the_broadcast_is_still_live(client, home):
    channel = live_channel(home)

    video = of_type(json_ld(client, channel.url), "VideoObject")

    assert video["publication"] == {"@type": "BroadcastEvent", "isLiveBroadcast": True}
