"""Uncached render time and SQL queries per page type, against the framework floor,
at 1,000 and at 100,000 articles.

For each corpus size, a scratch newsroom is built (the English demo plus synthetic
stories from `masthead generate-articles`), then, in one process and with the page
cache off, each page type is requested through Django's full stack many times:
p50 and p99 render times and the number of SQL queries are printed next to the
framework floor, a minimal Django view returning the same HTML from memory through
the same middleware. The last table compares the two corpus sizes.

Targets: article render <= 20x the floor; every page type within 1.3x between
1,000 and 100,000 articles.

Usage: .venv/bin/python bench/render.py [--small 1000] [--large 100000]
                                        [--requests 200]
"""

import argparse
import json
import os
import statistics
import sys
import time

from benchlib import ROOT, measure_in_newsroom

PAGE_TYPES = ("article", "home", "section", "tag", "search")


def measure(requests: int) -> dict:
    """Runs inside the scratch newsroom's process: time every page type."""
    sys.path.insert(0, str(ROOT))
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    import django

    django.setup()
    from django.db import connection
    from django.http import HttpResponse
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import clear_url_caches, path

    from masthead.articles.models import ArticlePage

    article = (
        ArticlePage.objects.live()
        .exclude(slug__startswith="synthetic-")
        .order_by("-first_published_at")
        .first()
    )
    tag = article.tags.first()
    urls = {
        "article": article.url,
        "home": "/",
        "section": article.get_parent().url,
        "tag": f"/tags/{tag.slug}/",
        "search": "/search/?q=ceasefire",
    }
    client = Client()
    results = {}
    # One client sends every request: lift the per-client search budget, or most
    # searches would time the "too many searches" page.
    unlimited_search = override_settings(SEARCH_RATE_LIMIT=(10**9, 60))
    unlimited_search.enable()
    for name, url in urls.items():
        body = client.get(url).content
        timings = _time(lambda url=url: client.get(url), requests)
        queries = _count_queries(connection, lambda url=url: client.get(url))
        floor = _floor_timings(
            body,
            requests,
            client,
            override_settings,
            clear_url_caches,
            path,
            HttpResponse,
        )
        results[name] = {
            "p50": statistics.median(timings),
            "p99": _percentile(timings, 99),
            "queries": queries,
            "floor_p50": statistics.median(floor),
            "floor_p99": _percentile(floor, 99),
            "bytes": len(body),
        }
    return results


def _count_queries(connection, call) -> int:
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        call()
    return len(executed)


def _floor_timings(
    body, requests, client, override_settings, clear_url_caches, path, HttpResponse
):
    """The same bytes from a view that does nothing, through the same middleware."""
    import types

    module = types.ModuleType("floor_urls")
    module.urlpatterns = [path("floor/", lambda request: HttpResponse(body))]
    sys.modules["floor_urls"] = module
    with override_settings(ROOT_URLCONF="floor_urls"):
        clear_url_caches()
        timings = _time(lambda: client.get("/floor/"), requests)
    clear_url_caches()
    return timings


def _time(call, requests: int) -> list[float]:
    for _ in range(max(5, requests // 10)):  # warm caches and code paths
        call()
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _percentile(values, percent):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def run_for(total: int, requests: int, *extra) -> dict:
    return measure_in_newsroom(__file__, total, "--requests", str(requests))


def print_table(total: int, results: dict) -> None:
    print(f"\n{total:,} articles (page cache off; times in ms):")
    print(
        f"  {'page':8} {'p50':>7} {'p99':>7} {'queries':>8} {'floor p50':>10} {'ratio':>7} {'bytes':>8}"
    )
    for name in PAGE_TYPES:
        r = results[name]
        print(
            f"  {name:8} {r['p50']:7.1f} {r['p99']:7.1f} {r['queries']:8d} "
            f"{r['floor_p50']:10.2f} {r['p50'] / r['floor_p50']:6.1f}x {r['bytes']:8,d}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(options.requests)))
        return
    small = run_for(options.small, options.requests)
    print_table(options.small, small)
    large = run_for(options.large, options.requests)
    print_table(options.large, large)
    print(f"\n{options.large:,} vs {options.small:,} articles (p50 render time):")
    for name in PAGE_TYPES:
        ratio = large[name]["p50"] / small[name]["p50"]
        print(
            f"  {name:8} {ratio:5.2f}x   queries {small[name]['queries']} -> {large[name]['queries']}"
        )


if __name__ == "__main__":
    main()
