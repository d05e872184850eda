"""Opening an article sends one view beacon, and the view is counted."""

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.discovery.models import ArticleViewCount
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEACON_PATH = "/discovery/views/"
# Headless Chromium names itself "HeadlessChrome", which the beacon ignores as a
# bot; the reader here presents as the desktop browser it is.
DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.fixture
def reader(browser):
    context = browser.new_context(
        user_agent=DESKTOP_CHROME, viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def test_opening_an_article_sends_one_beacon_and_counts_the_view(reader, live_server):
    home = ensure_edition_home("en")
    news = SectionPageFactory(parent=home, title="News", slug="news")
    story = ArticlePageFactory(parent=news, title="Harbour reopens after the storm")
    beacons, errors = [], []
    reader.on("request", lambda r: beacons.append(r) if BEACON_PATH in r.url else None)
    reader.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    with reader.expect_response(lambda r: BEACON_PATH in r.url) as answer:
        reader.goto(live_server.url + story.url)
    # Give a second beacon, if the script ever sent one, time to go out.
    reader.wait_for_timeout(750)

    assert answer.value.status == 204
    assert len(beacons) == 1
    assert beacons[0].method == "POST"
    assert ArticleViewCount.objects.get(article=story).views == 1
    assert not reader.context.cookies()
    assert errors == []
