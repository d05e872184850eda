"""axe-core on every page type of every edition, in the light and the dark theme:
no serious or critical violation; the rest are written to a report."""

from collections import Counter

import pytest

from .browsing import DESKTOP, PHONE, blocking, browsing, describe, run_axe, visit
from .tools import summarise, write_report

pytestmark = pytest.mark.browser

REPORT: dict[str, dict[str, list[dict]]] = {}

BACKGROUND = """() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor
        .match(/\\d+(\\.\\d+)?/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


@pytest.mark.parametrize(
    ("scheme", "viewport"),
    [("light", DESKTOP), ("dark", PHONE)],
    ids=["light-1366", "dark-390"],
)
def test_no_serious_or_critical_violations(axe_script, browser, site, scheme, viewport):
    found: dict[str, list[dict]] = {}
    wrong_theme = []
    with browsing(browser, color_scheme=scheme, viewport=viewport) as page:
        for edition, page_type, url in site.page_urls():
            name = f"{edition}-{page_type}"
            visit(page, url)
            found[name] = run_axe(page, axe_script)
            brightness = page.evaluate(BACKGROUND)
            if (brightness < 0.5) != (scheme == "dark"):
                wrong_theme.append(f"{name}: background brightness {brightness:.2f}")

    REPORT[scheme] = found
    write_report("axe-report.json", REPORT)
    counts = Counter(
        (violation["impact"], violation["id"])
        for violations in found.values()
        for violation in violations
    )
    summarise(
        f"axe ({scheme}, {viewport['width']}px): {len(found)} pages, "
        + (
            ", ".join(f"{n}x {impact} {rule}" for (impact, rule), n in counts.items())
            or "no violations"
        )
        + " (test-results/axe-report.json)"
    )
    assert not wrong_theme, "\n".join(wrong_theme)
    serious = {name: blocking(v) for name, v in found.items() if blocking(v)}
    assert not serious, describe(serious)
