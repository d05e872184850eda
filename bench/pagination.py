"""Section pagination at 100,000 stories: first, middle and last pages.

Listings offer at most MAX_PAGES pages (masthead.common.listings), so the database
never skips more than MAX_PAGES × STORIES_PER_PAGE rows and the page count is
bounded too. This prints render times for pages 1, 50 and the last one of a
section holding most of a 100,000-story corpus, each against page 1 of the same
corpus, the same at 1,000 stories (where deep pages are 404s), and checks that
the page after the last is a 404.

Usage: .venv/bin/python bench/pagination.py [--large 100000] [--requests 30]
"""

import argparse
import json
import os
import statistics
import sys
import time

from benchlib import ROOT, measure_in_newsroom


def measure(requests: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    import django

    django.setup()
    from django.test import Client

    from masthead.common.listings import MAX_PAGES
    from masthead.sections.models import SectionPage

    section = SectionPage.objects.get(slug="news", locale__language_code="en")
    client = Client()
    results = {}
    for number in (1, 50, MAX_PAGES):
        url = f"{section.url}?page={number}"
        status = client.get(url).status_code
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        results[str(number)] = {"status": status, "p50": statistics.median(timings)}
    results["after_last"] = client.get(
        f"{section.url}?page={MAX_PAGES + 1}"
    ).status_code
    results["stories"] = section.get_descendants().count()
    return results


def run_for(total: int, requests: int) -> dict:
    return measure_in_newsroom(__file__, total, "--requests", str(requests))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(options.requests)))
        return
    small = run_for(options.small, options.requests)
    large = run_for(options.large, options.requests)
    print("\nNews section, page render p50 (ms), page cache off:")
    for total, results in ((options.small, small), (options.large, large)):
        first = results["1"]["p50"]
        print(f"  {total:,} stories ({results['stories']:,} below News):")
        for number, result in results.items():
            if number in ("after_last", "stories"):
                continue
            print(
                f"    page {number:>3}  {result['p50']:7.1f} ms  HTTP {result['status']}"
                f"  {result['p50'] / first:5.2f}x page 1"
            )
        print(f"    page after the last: HTTP {results['after_last']}")
    ratio = large["1"]["p50"] / small["1"]["p50"]
    print(f"  page 1, {options.large:,} vs {options.small:,} stories: {ratio:.2f}x")


if __name__ == "__main__":
    main()
