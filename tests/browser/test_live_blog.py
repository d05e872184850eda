"""An open live blog offers a new entry without a reload and shows it on request."""

import pytest
from playwright.sync_api import expect

from masthead.front.setup import ensure_edition_home
from masthead.live.actions import post_entry
from masthead.live.tests.factories import live_blog
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The requirement: readers are offered an entry within five seconds of posting.
DELIVERY_MS = 5000


def test_a_posted_entry_is_offered_then_inserted_at_the_top(browser, live_server):
    home = ensure_edition_home("en")
    blog = live_blog(SectionPageFactory(parent=home, slug="news"))
    post_entry(blog, body="Forecasters issue a red warning.")
    context = browser.new_context()
    page = context.new_page()
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text)
            if "Content Security" in m.text else None)  # fmt: skip
    page.goto(live_server.url + blog.url)
    page.evaluate("window.loadedOnce = true")
    button = page.locator("[data-live-new]")
    expect(button).to_be_hidden()

    entry = post_entry(blog, body="The river has burst its banks.", headline="Flood")

    expect(button).to_be_visible(timeout=DELIVERY_MS)
    expect(button).to_have_text("1 new update")
    expect(page.locator(".live-entry")).to_have_count(1)  # offered, not inserted
    button.click()
    first = page.locator(".live-entry").first
    expect(first).to_have_attribute("id", f"entry-{entry.pk}")
    expect(first).to_contain_text("The river has burst its banks.")
    expect(first).to_be_focused()
    expect(button).to_be_hidden()
    expect(page.locator(".live-entry")).to_have_count(2)
    assert page.evaluate("window.loadedOnce") is True
    assert csp_errors == []
    context.close()
