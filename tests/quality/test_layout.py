"""Layout that only a browser shows: the breadcrumb trail wraps without leaving a
separator at the start of a line, and the header's search form is on every page."""

import pytest

from .browsing import DESKTOP, PHONE, browsing, visit

pytestmark = pytest.mark.browser

# A separator (the list item's ::before or ::after) that begins a line of the trail:
# an item whose leading separator sits at the list's inline start, or a trailing
# separator that wrapped below the last letter of its item.
SEPARATORS_STARTING_A_LINE = """(selector) => {
    const list = document.querySelector(selector);
    if (!list) return null;
    const rtl = getComputedStyle(list).direction === "rtl";
    const start = (rect) => rtl ? rect.right : rect.left;
    const listStart = start(list.getBoundingClientRect());
    const generated = (item, which) => {
        const content = getComputedStyle(item, which).content;
        return content !== "none" && content !== "normal" && content !== '""';
    };
    const lastLetter = (item) => {
        const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
        let last = null;
        while (walker.nextNode()) {
            if (walker.currentNode.textContent.trim()) last = walker.currentNode;
        }
        const text = last.textContent.trimEnd();
        const range = document.createRange();
        range.setStart(last, text.length - 1);
        range.setEnd(last, text.length);
        return range.getBoundingClientRect();
    };
    const found = [];
    [...list.children].forEach((item, index) => {
        const rects = [...item.getClientRects()];
        const label = item.textContent.trim().slice(0, 40);
        if (index > 0 && generated(item, "::before")
                && Math.abs(start(rects[0]) - listStart) < 2) {
            found.push("before " + label);
        }
        if (generated(item, "::after")
                && rects[rects.length - 1].top - lastLetter(item).top > 2) {
            found.push("after " + label);
        }
    });
    return found;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
@pytest.mark.parametrize("edition", ["en", "ar", "es"])
def test_no_line_of_the_breadcrumb_trail_starts_with_a_separator(
    browser, site, edition, viewport
):
    # The article's own headline ends the trail: long enough to wrap on a phone.
    url = site.url + site.pages[edition]["article-feature"]
    with browsing(browser, viewport=viewport) as page:
        visit(page, url)
        trail = page.evaluate(SEPARATORS_STARTING_A_LINE, ".breadcrumbs__list")

    assert trail is not None, "the article shows its breadcrumb trail"
    assert trail == [], f"{edition} at {viewport['width']}px: {trail}"


def test_the_trail_wraps_inside_its_last_item_on_a_phone(browser, site):
    # The test above means something only if the trail does wrap somewhere.
    with browsing(browser, viewport=PHONE) as page:
        visit(page, site.url + site.pages["en"]["article-feature"])
        current = page.locator(".breadcrumbs [aria-current=page]")
        fragments = current.evaluate("element => element.getClientRects().length")
    assert fragments >= 2, "the headline wraps within the trail"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
@pytest.mark.parametrize("edition", ["en", "ar"])
def test_the_header_search_form_is_visible_and_fits(browser, site, edition, viewport):
    with browsing(browser, viewport=viewport) as page:
        visit(page, site.url + site.pages[edition]["article-news"])
        field = page.locator(".site-header input[type=search]")
        button = page.locator(".site-header .site-search__button")
        assert field.is_visible() and button.is_visible()
        for box in (field.bounding_box(), button.bounding_box()):
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            assert box["height"] >= 24  # WCAG 2.2 target size
