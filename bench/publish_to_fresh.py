"""Publish-to-fresh latency: from an editor's publish to the new story appearing on
the cached front page.

`masthead serve` answers the front page from its page cache while a reader polls
it continuously; another process publishes a new story (as the admin would, through
Wagtail's publish) and records the moment it started. The figure is the time from
that moment to the first front page that shows the new headline. Target: <= 1 s.

Usage: .venv/bin/python bench/publish_to_fresh.py [--rounds 5]
"""

import argparse
import statistics
import subprocess
import threading
import time
import urllib.request

from benchlib import PYTHON, ROOT, Scratch, fetch, masthead_server

PUBLISH = """
import time
from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.sections.models import SectionPage
section = SectionPage.objects.get(slug="politics", locale__language_code="en")
started = time.time()
ArticlePageFactory(parent=section, title={title!r}, authors=[])
print(started)
"""


def poll_until(url: str, text: bytes, stop_after: float) -> float | None:
    deadline = time.time() + stop_after
    while time.time() < deadline:
        with urllib.request.urlopen(url, timeout=10) as response:
            if text in response.read():
                return time.time()
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    scratch = Scratch(keep=options.keep)
    latencies = []
    try:
        print(f"Preparing a demo newsroom in {scratch.path}…")
        scratch.prepare()
        with masthead_server(scratch) as (app, _):
            for number in range(1, options.rounds + 1):
                fetch(app + "/")
                headers, _body = fetch(app + "/")
                assert headers.get("X-Cache") == "HIT"
                title = f"Freshly published story number {number} {time.time_ns()}"
                seen = {}
                watcher = threading.Thread(
                    target=lambda title=title, seen=seen: seen.setdefault(
                        "at", poll_until(app + "/", title.encode(), 30)
                    )
                )
                watcher.start()
                output = subprocess.run(
                    [
                        PYTHON,
                        "-m",
                        "masthead.cli",
                        "shell",
                        "-c",
                        PUBLISH.format(title=title),
                    ],
                    cwd=ROOT,
                    env=scratch.env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                started = float(output.strip().splitlines()[-1])
                watcher.join()
                if seen.get("at") is None:
                    print(f"  round {number}: not seen within 30 s")
                    continue
                latencies.append(seen["at"] - started)
                print(f"  round {number}: {latencies[-1] * 1000:.0f} ms")
        if latencies:
            print(
                f"\nPublish to fresh front page: median {statistics.median(latencies) * 1000:.0f} ms, "
                f"max {max(latencies) * 1000:.0f} ms over {len(latencies)} rounds (target <= 1000 ms)"
            )
    finally:
        scratch.cleanup()


if __name__ == "__main__":
    main()
