"""What readers ask of the display: less motion, a dark theme, and a focus ring that
can be seen on every control in either theme."""

import pytest

from .browsing import browsing, visit

pytestmark = pytest.mark.browser

ANIMATED = """() => [...document.querySelectorAll("*")].flatMap((element) => {
    const style = getComputedStyle(element);
    const moving = [];
    if (style.animationName !== "none"
        && style.animationDuration.split(",").some((d) => parseFloat(d) > 0)) {
        moving.push("animation " + style.animationName);
    }
    if (style.transitionDuration.split(",").some((d) => parseFloat(d) > 0)) {
        moving.push("transition " + style.transitionProperty);
    }
    if (style.scrollBehavior === "smooth") moving.push("smooth scrolling");
    return moving.map((what) => element.tagName.toLowerCase() + "."
        + [...element.classList].join(".") + ": " + what);
})"""

NEW_TICKER_LINE = """() => {
    const line = document.querySelector(".ticker__item");
    line.classList.add("ticker__item--new");
    return getComputedStyle(line).animationName;
}"""


@pytest.mark.parametrize("edition", ["en", "ar"])
def test_reduced_motion_stops_every_animation(browser, site, edition):
    url = site.url + site.pages[edition]["article-news"]
    with browsing(browser, reduced_motion="no-preference") as page:
        visit(page, url)
        # Without the preference a new ticker line is animated…
        assert page.evaluate(NEW_TICKER_LINE) == "ticker-arrival"

    with browsing(browser, reduced_motion="reduce") as page:
        visit(page, url)
        # …with it, nothing on the page moves, the new line included.
        assert page.evaluate(NEW_TICKER_LINE) == "none"
        assert page.evaluate(ANIMATED) == []


FOCUS_RING = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
        element: element.tagName.toLowerCase() + "." + [...element.classList].join("."),
        width: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
        colour: style.outlineColor,
        background: getComputedStyle(document.body).backgroundColor,
    };
}"""


def luminance(colour: str) -> float:
    red, green, blue = (
        float(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]
    )

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    ("edition", "page_type"), [("en", "article-news"), ("ar", "search")]
)
def test_every_control_shows_a_clear_focus_ring(
    browser, site, scheme, edition, page_type
):
    with browsing(browser, color_scheme=scheme) as page:
        visit(page, site.url + site.pages[edition][page_type])
        rings = []
        for _ in range(150):
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            if ring is None or (rings and ring == rings[0]):
                break  # back at the start of the page
            rings.append(ring)

    assert len(rings) > 20, "Tab went through the whole page"
    faint = [
        f"{ring['element']}: {ring['width']}px, "
        f"{contrast(ring['colour'], ring['background']):.1f}:1"
        for ring in rings
        if ring["width"] < 2 or contrast(ring["colour"], ring["background"]) < 3
    ]
    assert not faint, "focus rings too thin or too faint:\n" + "\n".join(faint)


FONTS = """() => ({
    naskh: [...document.fonts]
        .filter((face) => face.family.includes("Naskh"))
        .map((face) => face.display),
    preloaded: [...document.querySelectorAll("link[rel=preload][as=font]")]
        .map((link) => link.href),
    fetched: performance.getEntriesByType("resource")
        .filter((entry) => entry.name.endsWith(".woff2"))
        .map((entry) => entry.name),
})"""


def test_the_arabic_font_comes_early_and_never_moves_the_text(browser, site):
    # Naskh sets every Arabic line: swapped in after the first paint it would
    # reflow them all and make the page jump (Cumulative Layout Shift). Arabic
    # pages fetch it with the stylesheet, and a page it reaches late keeps the
    # fallback face.
    found = {}
    for edition in ("ar", "en"):
        with browsing(browser, viewport={"width": 412, "height": 823}) as page:
            visit(page, site.url + site.pages[edition]["article-news"])
            found[edition] = page.evaluate(FONTS)
    arabic, english = found["ar"], found["en"]

    assert arabic["naskh"] == ["optional", "optional"]
    naskh = [url for url in arabic["fetched"] if "naskh" in url]
    assert len(naskh) == 2
    assert sorted(naskh) == sorted(arabic["preloaded"])
    assert english["preloaded"] == []
    assert not [url for url in english["fetched"] if "naskh" in url]
