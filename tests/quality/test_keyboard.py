"""Readers who use a keyboard: the Tab key reaches every control in order, each
shows where the focus is, and Enter does what a click does."""

from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from .browsing import PHONE, browsing, visit

pytestmark = pytest.mark.browser

MAX_TABS = 120

FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        text: (element.value || element.textContent || "")
            .replace(/\\s+/g, " ").trim().slice(0, 80),
        selector: element.className ? "." + [...element.classList].join(".") : "",
        outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
        shadow: style.boxShadow !== "none",
    };
}"""


def tab_to(page, locator, max_tabs: int = MAX_TABS) -> list[dict]:
    """Press Tab until `locator` has the focus; every element passed on the way
    must show a focus indicator. Returns what was focused, in order."""
    handle = locator.element_handle()
    passed = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        passed.append(focused)
        if handle.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached {locator}; focused: {passed[-10:]}")
    invisible = [f for f in passed if f["outline"] < 2 and not f["shadow"]]
    assert not invisible, f"focused without a visible indicator: {invisible}"
    return passed


@pytest.mark.parametrize("edition", ["en", "ar"])
def test_the_skip_link_comes_first_and_moves_the_focus_to_the_content(
    browser, site, edition
):
    with browsing(browser) as page:
        visit(page, site.url + site.pages[edition]["article-news"])

        page.keyboard.press("Tab")
        skip = page.locator(".skip-link")
        expect(skip).to_be_focused()
        box = skip.bounding_box()
        assert box is not None and box["y"] >= 0, "the focused skip link is visible"
        page.keyboard.press("Enter")

        expect(page.locator("main")).to_be_focused()
        assert page.url.endswith("#main")
        # The next Tab continues inside the content, not back in the header.
        page.keyboard.press("Tab")
        assert page.evaluate(
            "document.querySelector('main').contains(document.activeElement)"
        )


def test_the_desktop_menu_and_its_submenu_are_reached_and_followed(browser, site):
    with browsing(browser) as page:
        visit(page, site.url + site.pages["en"]["home"])
        menu = page.locator(".menu--desktop")
        sublink = menu.get_by_role("link", name="Politics")
        expect(sublink).to_be_hidden()

        tab_to(page, menu.get_by_role("link", name="News", exact=True))
        page.keyboard.press("Tab")  # the submenu opens while its item has focus

        expect(sublink).to_be_focused()
        expect(sublink).to_be_visible()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{site.pages['en']['section']}")


@pytest.mark.parametrize("edition", ["en", "ar"])
def test_the_mobile_menu_opens_and_is_followed_with_the_keyboard(
    browser, site, edition
):
    pages = site.pages[edition]
    with browsing(browser, viewport=PHONE) as page:
        visit(page, site.url + pages["home"])
        toggle = page.locator(".menu-toggle__button")
        mobile_menu = page.locator(".menu--mobile")
        expect(mobile_menu).to_be_hidden()
        expect(page.locator(".menu--desktop")).to_be_hidden()

        tab_to(page, toggle)
        page.keyboard.press("Enter")

        expect(mobile_menu).to_be_visible()
        first_link = mobile_menu.locator("a").first
        page.keyboard.press("Tab")
        expect(first_link).to_be_focused()
        page.keyboard.press("Enter")
        # The first entry is the News section, the politics section's parent.
        news = pages["section"].rstrip("/").rsplit("/", 1)[0] + "/"
        page.wait_for_url(site.url + news)


@pytest.mark.parametrize("start", ["home", "article-news"])
@pytest.mark.parametrize("edition", ["en", "ar"])
def test_search_is_reached_filled_in_and_sent_with_the_keyboard(
    browser, site, edition, start
):
    pages = site.pages[edition]
    word = unquote(pages["search"].split("q=", 1)[1])
    with browsing(browser) as page:
        visit(page, site.url + pages[start])

        # The header's own form: no detour through the search page.
        tab_to(page, page.locator(".site-header input[type=search]"))
        page.keyboard.type(word)
        page.keyboard.press("Enter")

        page.wait_for_url("**/search/?q=*")
        results = page.locator(".search-result__headline a")
        expect(results.first).to_be_visible()
        headline = results.first.inner_text()
        tab_to(page, results.first)
        page.keyboard.press("Enter")
        expect(page.locator("h1")).to_have_text(headline)


def test_share_copy_link_works_with_the_keyboard(browser, site):
    article = site.url + site.pages["en"]["article-news"]
    with browsing(browser, permissions=["clipboard-read", "clipboard-write"]) as page:
        visit(page, article)
        button = page.locator(".share__copy-button")
        expect(button).to_be_visible()  # shown only where copying works

        passed = tab_to(page, button)
        page.keyboard.press("Enter")

        expect(page.locator(".share__copy-status")).to_have_text("Link copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#share-url").input_value()
        assert copied.endswith(site.pages["en"]["article-news"])
        share_links = [f for f in passed if f["selector"] == ".share__link"]
        assert [f["text"] for f in share_links][:5] == [
            "X (opens in a new tab)",
            "Facebook (opens in a new tab)",
            "WhatsApp (opens in a new tab)",
            "Telegram (opens in a new tab)",
            "Email",
        ]


def test_the_ticker_is_scrolled_and_followed_with_the_keyboard(browser, site):
    with browsing(browser) as page:
        visit(page, site.url + site.pages["en"]["page"])
        strip = page.locator(".ticker__list")
        line = page.locator("a.ticker__text").first
        expect(line).to_be_visible()

        tab_to(page, strip)  # a scrolling region is itself focusable
        page.keyboard.press("Tab")
        expect(line).to_be_focused()
        page.keyboard.press("Enter")

        page.wait_for_url(f"**{site.pages['en']['article-news']}")


def test_pagination_is_reached_and_followed_with_the_keyboard(browser, site):
    section = site.pages["en"]["section"]
    with browsing(browser) as page:
        visit(page, site.url + section)

        tab_to(page, page.get_by_role("link", name="Older stories"))
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{section}?page=2")

        tab_to(page, page.get_by_role("link", name="Newer stories"))
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{section}?page=1")
