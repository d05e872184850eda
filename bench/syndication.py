"""Sitemaps and feeds at 1,000 and at 100,000 articles: time and peak memory.

Builds a scratch newsroom (the demo edition topped up with synthetic stories from
`masthead generate-articles`) in a temporary MASTHEAD_VAR_DIR, then measures, on a
cold feed cache, the sitemap index, the first article sitemap file (all its URLs),
and the largest feeds: the edition's latest stories with their full text, and the
busiest tag's. Time comes from one run, peak Python memory (tracemalloc) from a
second, so tracing does not slow the timed run. The last column is the ratio of
the large corpus to the small one: flat memory means the output is streamed.

Usage: .venv/bin/python bench/syndication.py [--small 1000] [--large 100000]
                                             [--var-dir DIR] [--keep]
"""

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Measurement:
    seconds: float
    peak_bytes: int
    body_bytes: int


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--var-dir", help="Scratch folder (default: a new temp one).")
    parser.add_argument("--keep", action="store_true", help="Keep the scratch folder.")
    return parser.parse_args()


def set_up_django(var_dir: str) -> None:
    os.environ["MASTHEAD_VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "masthead.settings"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    os.environ.pop("DATABASE_URL", None)  # always the scratch SQLite database
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build_newsroom() -> None:
    """A home page, 20 sections, 8 authors and regions, 20 pictures: the shape of
    the demo newsroom, made directly so that only what is measured runs."""
    import io

    from django.core.files.images import ImageFile
    from django.core.management import call_command
    from PIL import Image

    from masthead.authors.models import Author
    from masthead.front.setup import ensure_edition_home
    from masthead.media.models import CustomImage
    from masthead.regions.models import Region
    from masthead.sections.models import SectionPage
    from masthead.syndication.entries import FEED_IMAGE_SPEC

    call_command("migrate", verbosity=0)
    home = ensure_edition_home("en")
    for top in ("news", "articles", "videos", "infographs", "in-pictures"):
        section = home.add_child(instance=SectionPage(title=top.title(), slug=top))
        for sub in range(3):
            section.add_child(instance=SectionPage(title=f"{top} {sub}", slug=f"{sub}"))
    for number in range(8):
        Author.objects.create(
            locale_id=home.locale_id, name=f"Reporter {number}", slug=f"r-{number}"
        )
        Region.objects.create(
            locale_id=home.locale_id, name=f"Region {number}", slug=f"g-{number}"
        )
    for number in range(20):
        data = io.BytesIO()
        Image.new("RGB", (1600, 900), (number * 12, 90, 140)).save(data, "JPEG")
        image = CustomImage(title=f"Picture {number}", description="A street")
        image.file = ImageFile(data, name=f"picture-{number}.jpg")
        image.save()
        # Feeds use the large JPEG, made on publishing in production.
        image.get_rendition(FEED_IMAGE_SPEC)


def top_up(total: int) -> float:
    from masthead.articles.models import ArticlePage
    from masthead.demo.synthetic import generate_articles

    missing = total - ArticlePage.objects.count()
    started = time.perf_counter()
    if missing > 0:
        generate_articles(missing, seed=total, progress=lambda message: None)
    return time.perf_counter() - started


def fetch(client, path: str) -> int:
    from django.core.cache import cache

    cache.clear()
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(client, path: str) -> Measurement:
    fetch(client, path)  # warm the database's own caches, as a running site has
    gc.collect()
    started = time.perf_counter()
    size = fetch(client, path)
    seconds = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    fetch(client, path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Measurement(seconds, peak, size)


def busiest_tag_slug() -> str:
    from django.db.models import Count
    from taggit.models import Tag

    tag = (
        Tag.objects.annotate(stories=Count("articles_articlepagetag_items"))
        .order_by("-stories")
        .first()
    )
    return tag.slug


def targets() -> dict[str, str]:
    return {
        "sitemap index": "/sitemap.xml",
        "article sitemap, file 1": "/sitemaps/en/articles-1.xml",
        "latest feed, full text": "/feeds/en/latest.rss?full=1",
        "busiest tag's feed": f"/feeds/en/tags/{busiest_tag_slug()}.atom",
    }


def run_at(total: int) -> tuple[float, dict[str, Measurement]]:
    from django.test import Client

    generated_in = top_up(total)
    client = Client()
    return generated_in, {
        label: measure(client, path) for label, path in targets().items()
    }


def mib(value: int) -> str:
    return f"{value / 2**20:7.2f} MiB"


def report(small: int, large: int, results: dict[int, dict[str, Measurement]]) -> None:
    print(f"\n{'':26} {small:>10,} articles        {large:>10,} articles     ratio")
    for label in results[small]:
        a, b = results[small][label], results[large][label]
        print(
            f"{label:26} {a.seconds * 1000:8.1f} ms {mib(a.peak_bytes)}"
            f"   {b.seconds * 1000:8.1f} ms {mib(b.peak_bytes)}"
            f"   time ×{b.seconds / a.seconds:5.1f},"
            f" memory ×{b.peak_bytes / a.peak_bytes:4.1f}"
            f"   ({b.body_bytes / 2**20:.1f} MiB out)"
        )


def main() -> None:
    args = parse_args()
    var_dir = args.var_dir or tempfile.mkdtemp(prefix="masthead-bench-")
    Path(var_dir).mkdir(parents=True, exist_ok=True)
    print(f"Scratch newsroom in {var_dir}")
    set_up_django(var_dir)
    try:
        build_newsroom()
        results = {}
        for total in (args.small, args.large):
            generated_in, results[total] = run_at(total)
            print(f"{total:,} articles ready (synthetic ones in {generated_in:.1f} s)")
        report(args.small, args.large, results)
    finally:
        if not args.keep and not args.var_dir:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
