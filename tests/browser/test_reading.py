"""A reader opens the front page, follows a story and reads its headline."""

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_follows_a_story_from_the_home_page(page, live_server):
    home = ensure_edition_home("en")
    news = SectionPageFactory(parent=home, title="News", slug="news")
    story = ArticlePageFactory(
        parent=news, title="Harbour reopens after week-long storm closure"
    )

    page.goto(live_server.url + "/")
    page.get_by_role("link", name=story.title).first.click()

    page.wait_for_url(f"**{story.url}")
    assert page.locator("h1").inner_text() == story.title


def test_mobile_menu_opens_without_javascript(browser, live_server):
    home = ensure_edition_home("en")
    SectionPageFactory(parent=home, title="News", slug="news")
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()

    page.goto(live_server.url + "/")
    menu_link = page.locator(".menu--mobile").get_by_role("link", name="News")
    assert not menu_link.is_visible()
    page.get_by_text("Menu").click()

    assert menu_link.is_visible()
    assert not page.locator(".menu--desktop").is_visible()
    context.close()
