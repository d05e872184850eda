"""Fixtures shared by the browser tests and the quality gates: one headless Chromium.

Without Chromium (or, for the quality gates, Node's tools and Java) the tests are
skipped with a plain message; with MASTHEAD_REQUIRE_BROWSER=1 (set by CI) anything
missing fails the run instead.
"""

import os
import socket
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("MASTHEAD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls
# are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def free_port() -> int:
    """A TCP port on loopback that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def skip_or_fail(message: str) -> None:
    """Skip the test; fail it instead where CI requires every tool."""
    if os.environ.get("MASTHEAD_REQUIRE_BROWSER") == "1":
        pytest.fail(message.replace("skipped", "required"), pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_or_fail(
            f"Chromium not found at {CHROMIUM}: browser tests skipped "
            "(install the Debian package `chromium` to run them)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
