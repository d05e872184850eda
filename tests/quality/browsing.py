"""Opening the newsroom's pages in Chromium: contexts, pages and axe-core."""

from contextlib import contextmanager

BLOCKING_IMPACTS = ("serious", "critical")
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@contextmanager
def browsing(browser, **options):
    """A page in a fresh browser context (viewport, colour scheme, motion…)."""
    options.setdefault("viewport", DESKTOP)
    options.setdefault("locale", "en-GB")
    context = browser.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()


def visit(page, url: str):
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status < 500, url
    return response


def run_axe(page, axe_script: str) -> list[dict]:
    """axe-core's violations on the page, in a compact form.

    axe-core goes in through the DevTools protocol, so the site's
    Content-Security-Policy (no inline script) stays as it is.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_script + "\n;true")
    results = page.evaluate(
        """async () => {
            const results = await axe.run(document, {
                resultTypes: ["violations"],
                // WCAG 2.2's 24-pixel touch targets, off in axe by default.
                rules: {"target-size": {enabled: true}},
            });
            return results.violations;
        }"""
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "helpUrl": violation["helpUrl"],
            "nodes": [
                {
                    "target": node["target"],
                    "html": node["html"][:300],
                    "summary": node.get("failureSummary", ""),
                }
                for node in violation["nodes"]
            ],
        }
        for violation in results
    ]


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(found: dict[str, list[dict]]) -> str:
    """{page: violations} as lines a person can act on."""
    lines = []
    for page, violations in found.items():
        for violation in violations:
            node = violation["nodes"][0]
            lines.append(
                f"{page}: [{violation['impact']}] {violation['id']}: "
                f"{violation['help']} ({len(violation['nodes'])} nodes; first "
                f"{node['target']}: {node['html'][:160]})"
            )
    return "\n".join(lines)
