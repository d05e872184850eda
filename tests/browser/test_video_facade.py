"""In Chromium: an embedded video makes no request to another host until the
reader presses play, and then loads the provider's no-cookie player."""

from urllib.parse import urlsplit

import pytest

from masthead.front.setup import ensure_edition_home
from masthead.media.tests.factories import ImageFactory
from masthead.sections.tests.factories import SectionPageFactory
from masthead.video.tests.factories import YOUTUBE_ID, VideoPageFactory, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMBED = f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1"


def test_the_player_loads_only_after_the_reader_presses_play(browser, live_server):
    news = SectionPageFactory(parent=ensure_edition_home("en"), title="News")
    page = publish(
        VideoPageFactory(
            parent=news, title="Floods close the coastal road",
            lead_image=ImageFactory(), lead_image_alt="Water covers the road",
        )
    )  # fmt: skip
    context = browser.new_context()
    tab = context.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    # The test needs no network: the provider's answer is a blank page.
    tab.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=""),
    )
    local = urlsplit(live_server.url).netloc

    tab.goto(live_server.url + page.url)
    tab.wait_for_load_state("networkidle")

    assert requested
    assert {urlsplit(url).netloc for url in requested} == {local}
    assert tab.locator("iframe").count() == 0
    play = tab.get_by_role("button", name="Play video: Floods close the coastal road")
    play.focus()
    tab.keyboard.press("Enter")

    frame = tab.locator("iframe.video-player__frame")
    frame.wait_for()
    assert frame.get_attribute("src") == EMBED
    assert frame.get_attribute("title") == "Floods close the coastal road"
    tab.wait_for_load_state("networkidle")
    outside = {urlsplit(url).netloc for url in requested} - {local}
    assert outside == {"www.youtube-nocookie.com"}
    context.close()
