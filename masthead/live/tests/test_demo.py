"""The demo's live coverage in each edition."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from masthead.front.setup import ensure_edition_home
from masthead.live.demo import build_demo_live_blog, build_demo_live_channel
from masthead.live.models import LiveBlogEntry, LiveChannelPage
from masthead.media.tests.factories import ImageFactory
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language_code", ["en", "ar", "es"])
def test_a_running_live_blog_in_each_edition(client, home, language_code):
    edition = ensure_edition_home(language_code)
    section = SectionPageFactory(parent=edition, slug=f"news-{language_code}",
                                 locale=edition.locale)  # fmt: skip
    pictures = [ImageFactory(), ImageFactory(), ImageFactory()]

    blog = build_demo_live_blog(edition, section, language_code, pictures)
    again = build_demo_live_blog(edition, section, language_code, pictures)

    assert again == blog
    entries = LiveBlogEntry.objects.filter(blog=blog)
    assert entries.count() == 8
    assert entries.filter(is_key_event=True).count() == 2
    assert entries.exclude(image=None).count() == 2
    assert blog.is_live and blog.live and blog.locale.language_code == language_code
    soup = BeautifulSoup(client.get(blog.url).content, "html5lib")
    assert len(soup.select(".live-entry")) == 8
    assert len(soup.select(".key-events a")) == 2
    if language_code == "ar":
        assert "العاصفة" in soup.h1.get_text()


def test_the_live_channel_with_a_local_stream(client, home, settings):
    channel = build_demo_live_channel(home, "en", seconds=1)

    playlist = Path(settings.MEDIA_ROOT) / "live" / "en" / "stream.m3u8"
    assert playlist.exists()
    assert "#EXT-X-ENDLIST" in playlist.read_text()
    assert channel.stream_url == "/media/live/en/stream.m3u8"
    assert channel.programmes.count() == 8
    soup = BeautifulSoup(client.get(channel.url).content, "html5lib")
    assert len(soup.select(".schedule__item")) == 8
    assert len(soup.select(".schedule__item--now")) == 1
    modified = playlist.stat().st_mtime

    assert build_demo_live_channel(home, "en", seconds=1) == channel
    assert playlist.stat().st_mtime == modified
    assert LiveChannelPage.objects.count() == 1
    assert Locale.objects.filter(language_code="en").exists()
