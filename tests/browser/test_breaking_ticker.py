"""Open pages follow the breaking news ticker without reloading."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from masthead.breaking.actions import publish_breaking_item, withdraw_breaking_item
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db(transaction=True)

# The requirement: a reader sees a change within five seconds of the newsroom's.
DELIVERY_MS = 5000


@pytest.fixture
def newsroom(settings):
    # Poll fast so the tests are quick; delivery is still measured against 5 s.
    settings.MASTHEAD_TICKER_POLL_SECONDS = 0.5
    ensure_edition_home("en")
    return Locale.get_default()


def publish(locale, text, **fields):
    return publish_breaking_item(locale=locale, text=text, **fields)


def open_page(page, url):
    page.goto(url)
    # Set on the page's window: gone if the page ever reloads.
    page.evaluate("window.loadedOnce = true")


def assert_not_reloaded(page):
    assert page.evaluate("window.loadedOnce") is True


def test_a_published_line_appears_without_a_reload(page, live_server, newsroom):
    publish(newsroom, "Airport closed after power cut")
    open_page(page, live_server.url + "/")

    publish(
        newsroom, "Three drones launched toward the north", attribution="Israeli media"
    )

    first = page.locator(".ticker__item").first
    expect(first).to_contain_text(
        "Israeli media: Three drones launched toward the north", timeout=DELIVERY_MS
    )
    expect(first.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-"))
    expect(page.locator(".ticker__item")).to_have_count(2)
    assert_not_reloaded(page)


def test_the_first_line_shows_the_hidden_ticker(page, live_server, newsroom):
    open_page(page, live_server.url + "/")
    expect(page.locator(".ticker")).to_be_hidden()

    publish(newsroom, "Polls close in the capital")

    expect(page.locator(".ticker")).to_be_visible(timeout=DELIVERY_MS)
    expect(page.locator(".ticker__item")).to_have_text(
        [re.compile("Polls close in the capital")]
    )
    assert_not_reloaded(page)


def test_a_withdrawn_line_disappears_without_a_reload(page, live_server, newsroom):
    keep = publish(newsroom, "Confirmed: talks resume on Monday")
    mistake = publish(newsroom, "Unconfirmed report of a resignation")
    open_page(page, live_server.url + "/")
    expect(page.locator(".ticker__item")).to_have_count(2)

    withdraw_breaking_item(mistake)

    expect(page.locator(".ticker__item")).to_have_count(1, timeout=DELIVERY_MS)
    expect(page.locator(".ticker__item")).to_contain_text([keep.text])
    assert_not_reloaded(page)


def test_only_the_newest_line_is_announced(page, live_server, newsroom):
    publish(newsroom, "Airport closed after power cut")
    open_page(page, live_server.url + "/")
    announcer = page.locator("[data-ticker-announcer]")
    expect(announcer).to_have_attribute("aria-live", "polite")
    page.wait_for_timeout(1200)  # a few polls of an unchanged list
    expect(announcer).to_have_text("")

    publish(newsroom, "First new line")
    publish(newsroom, "Second new line", attribution="Agencies")

    expect(page.locator(".ticker__item")).to_have_count(3, timeout=DELIVERY_MS)
    expect(announcer).to_have_text("Breaking news: Agencies: Second new line")


def test_new_lines_are_highlighted_unless_motion_is_reduced(
    browser, live_server, newsroom
):
    def arrival_classes(reduced_motion):
        context = browser.new_context(reduced_motion=reduced_motion)
        page = context.new_page()
        page.goto(live_server.url + "/")
        publish(newsroom, f"Line for {reduced_motion} motion")
        item = page.locator(".ticker__item").first
        expect(item).to_contain_text(reduced_motion, timeout=DELIVERY_MS)
        classes = item.get_attribute("class")
        context.close()
        return classes

    assert "ticker__item--new" in arrival_classes("no-preference")
    assert "ticker__item--new" not in arrival_classes("reduce")


def set_hidden(page, hidden):
    # Headless Chromium keeps its tabs visible; the page is told otherwise.
    page.evaluate(
        """(hidden) => {
        const hiddenFlag = {configurable: true, get: () => hidden};
        Object.defineProperty(document, "hidden", hiddenFlag);
        document.dispatchEvent(new Event("visibilitychange"));
    }""",
        hidden,
    )


def test_a_hidden_tab_stops_polling(page, live_server, newsroom):
    polls = []
    page.on("request", lambda r: polls.append(r) if "live.json" in r.url else None)
    open_page(page, live_server.url + "/")
    page.wait_for_timeout(1200)
    assert polls, "an open page polls"

    set_hidden(page, True)
    page.wait_for_timeout(300)  # a request already in flight may finish
    polls.clear()
    page.wait_for_timeout(1500)
    assert polls == []

    set_hidden(page, False)
    page.wait_for_timeout(300)
    assert polls, "polling resumes when the tab is shown again"


def boxes(page, selector):
    return [page.locator(selector).nth(n).bounding_box() for n in range(2)]


def test_the_ticker_fits_a_phone_and_reads_right_to_left(
    browser, live_server, newsroom
):
    ensure_edition_home("ar")
    arabic = Locale.objects.get(language_code="ar")
    for number in range(10):
        publish(arabic, f"خبر عاجل رقم {number} عن انقطاع الكهرباء في بيروت وضواحيها")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    csp_errors = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security" in m.text else None,
    )

    page.goto(live_server.url + "/ar/")

    expect(page.locator(".ticker")).to_be_visible()
    # The strip scrolls inside itself; the page never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    newest, older = boxes(page, ".ticker__item")
    strip = page.locator(".ticker__list").bounding_box()
    # Side by side, newest at the right edge, the next one to its left.
    assert newest["y"] == older["y"]
    assert abs((newest["x"] + newest["width"]) - (strip["x"] + strip["width"])) < 8
    assert older["x"] + older["width"] <= newest["x"]
    assert newest["width"] <= 390
    assert csp_errors == []
    context.close()


def test_on_a_wide_screen_the_label_and_lines_share_one_row(
    page, live_server, newsroom
):
    for number in range(3):
        publish(newsroom, f"Line number {number} of the afternoon")

    page.goto(live_server.url + "/")

    label = page.locator(".ticker__label").bounding_box()
    newest, older = boxes(page, ".ticker__item")
    assert label["x"] + label["width"] <= newest["x"]
    assert newest["x"] + newest["width"] <= older["x"]
    assert label["y"] < newest["y"] + newest["height"]
    assert newest["y"] < label["y"] + label["height"]
