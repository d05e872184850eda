"""Screenshots of every page type on a phone and a laptop, in every edition,
for people to look at (test-results/screenshots/); and no page is wider than the
screen, the usual sign of a layout that broke."""

import pytest

from .browsing import DESKTOP, PHONE, browsing, visit
from .newsroom import EDITIONS
from .tools import RESULTS, summarise

pytestmark = pytest.mark.browser

SCREENSHOTS = RESULTS / "screenshots"

READY = """async () => {
    for (const image of document.querySelectorAll("img[loading=lazy]")) {
        image.loading = "eager";
    }
    await Promise.all([...document.images].map((image) => image.complete
        ? null
        : new Promise((done) => { image.onload = image.onerror = done; })));
    await document.fonts.ready;
    return document.documentElement.scrollWidth - window.innerWidth;
}"""


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_screenshots_of_every_page_type(browser, site, edition, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    too_wide = []
    width = viewport["width"]
    with browsing(browser, viewport=viewport, reduced_motion="reduce") as page:
        for _, page_type, url in site.page_urls([edition]):
            visit(page, url)
            overflow = page.evaluate(READY)
            if overflow > 0:
                too_wide.append(f"{page_type}: {overflow}px wider than the screen")
            path = SCREENSHOTS / f"{edition}-{page_type}-{width}.png"
            page.screenshot(path=path, full_page=True, animations="disabled")
    summarise(
        f"screenshots: {len(site.pages[edition])} pages, {edition}, {width}px "
        f"({SCREENSHOTS.relative_to(RESULTS.parent)}/)"
    )
    assert not too_wide, "\n".join(too_wide)
