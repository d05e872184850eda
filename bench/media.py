"""Uncached render time and SQL queries of the media page types against an article,
whether their query counts stay fixed as they grow, and what preparing an uploaded
video costs.

A scratch newsroom is built (migrated SQLite under a temporary MASTHEAD_VAR_DIR,
the English demo, which has one page of every media type, and collected static
files). Then, in one process, with the page cache off and through Django's test
Client:

  render    each page type is requested many times: p50 and p99 render times, the
            ratio of its p50 to the article's p50 (the baseline, measured in the
            same run) and the number of SQL queries of one warm request;
  queries   a gallery, a series and a live blog are built with 10 and with
            --items pictures, episodes or entries (every picture and poster reuses
            one image): the queries of one render of each (per-process caches
            warm, shared cache empty), and whether the two counts are equal;
  transcode a --video-seconds 1280x720 test pattern with a tone is uploaded to a
            video page, as a camera might deliver it (MPEG-4 Part 2 and MP2 in
            Matroska), then prepared by `masthead.video.processing.prepare_upload`,
            the function the `prepare_video` task runs, in a child process. The
            baseline is the bare ffmpeg transcode (`masthead.video.ffmpeg
            .transcode`) of the same file, also in a child process. Printed:
            seconds of video per CPU second (user + sys of the child and its ffmpeg
            children, from getrusage(RUSAGE_CHILDREN)) and the peak RSS (ru_maxrss)
            of the worker process and of its largest ffmpeg.

Targets: every media page's p50 <= 1.5x the article's; query counts equal at 10 and
at --items.

Usage: .venv/bin/python bench/media.py [--requests 100] [--items 1000]
                                       [--video-seconds 300]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchlib import PYTHON, ROOT, Scratch
from render import _count_queries, _percentile, _time
from ticker import process_tree

RENDER_TARGET = 1.5
FEW = 10
PATTERN = "testsrc2=size=1280x720:rate=25"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    import django

    django.setup()


# --- Runs inside the scratch newsroom's process ------------------------------------


def demo_pages() -> dict[str, str]:
    """The address of one demo page of every type, the article first."""
    from masthead.articles.models import ArticlePage
    from masthead.galleries.models import GalleryPage
    from masthead.infographics.models import InfographicPage
    from masthead.live.models import LiveBlogPage, LiveChannelPage
    from masthead.video.models import SeriesPage, VideoPage

    article = (
        ArticlePage.objects.live()
        .exclude(slug__startswith="synthetic-")
        .order_by("-first_published_at")
        .first()
    )
    video = (
        VideoPage.objects.live()
        .filter(kind="news")
        .exclude(source_file="")
        .order_by("pk")
        .first()
    )
    series = SeriesPage.objects.live().order_by("pk").first()
    episodes = VideoPage.objects.live().child_of(series).order_by("episode_number")
    gallery = GalleryPage.objects.live().order_by("pk").first()
    return {
        "article": article.url,
        "video": video.url,
        "series": series.url,
        "episode": episodes[len(episodes) // 2].url,
        "gallery": gallery.url,
        "gallery picture": gallery.picture_url(2),
        "infographic": InfographicPage.objects.live().first().url,
        "live blog": LiveBlogPage.objects.live().first().url,
        "live channel": LiveChannelPage.objects.live().first().url,
    }


def check(client, url: str) -> bytes:
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return response.content


def measure_renders(client, requests: int) -> dict:
    from django.db import connection

    results = {}
    for name, url in demo_pages().items():
        log(f"  rendering {name} ({url})")
        body = check(client, url)
        timings = _time(lambda url=url: client.get(url), requests)
        results[name] = {
            "url": url,
            "p50": statistics.median(timings),
            "p99": _percentile(timings, 99),
            "queries": _count_queries(connection, lambda url=url: client.get(url)),
            "bytes": len(body),
        }
    return results


def build_scaled(count: int, image, authors) -> dict[str, str]:
    """A gallery of `count` pictures, a series of `count` episodes and a live blog
    of `count` entries; every picture and poster is `image`."""
    from django.utils import timezone
    from wagtail.models import Page

    from masthead.galleries.models import GalleryPicture
    from masthead.galleries.tests.factories import GalleryPageFactory
    from masthead.live.actions import post_entry
    from masthead.live.tests.factories import live_blog
    from masthead.sections.models import SectionPage
    from masthead.video.tests.factories import (
        SeriesPageFactory,
        VideoPageFactory,
        publish,
    )

    sections = {
        s.slug: s for s in SectionPage.objects.filter(locale__language_code="en")
    }
    alt = "Fishing boats moored in the harbour"

    gallery = GalleryPageFactory(
        parent=sections["in-pictures"],
        title=f"Bench gallery of {count}",
        slug=f"bench-gallery-{count}",
        lead_image=image,
        lead_image_alt=alt,
    )
    GalleryPicture.objects.bulk_create(
        GalleryPicture(
            page=gallery,
            image=image,
            sort_order=number,
            caption=f"Caption of picture {number + 1}.",
            alt_text=alt,
        )
        for number in range(count)
    )
    for number, author in enumerate(authors):
        gallery.authors.create(author=author, sort_order=number)
    gallery = publish(Page.objects.get(pk=gallery.pk).specific)

    series = publish(
        SeriesPageFactory(
            parent=sections["videos"],
            title=f"Bench series of {count}",
            slug=f"bench-series-{count}",
            lead_image=image,
            lead_image_alt=alt,
        )
    )
    now = timezone.now()
    # Live without a revision each: publishing a thousand revisions would take
    # minutes and change nothing the series page reads.
    episodes = [
        VideoPageFactory(
            parent=series,
            slug=f"episode-{number + 1}",
            kind="tv_episode",
            lead_image=image,
            lead_image_alt=alt,
            season_number=1 + number // 10,
            episode_number=1 + number % 10,
            first_published_at=now,
            last_published_at=now,
        )
        for number in range(count)
    ]

    blog = live_blog(
        sections["news"],
        title=f"Bench live blog of {count}",
        slug=f"bench-live-{count}",
        lead_image=image,
        lead_image_alt=alt,
    )
    for number in range(count):
        post_entry(
            blog,
            body=f"<p>Update {number} with a <a href='https://example.org/'>link</a>.</p>",
            headline=f"Headline {number}" if number % 2 else "",
            author=authors[number % len(authors)],
            is_key_event=number % 5 == 0,
            image=image if number % 3 == 0 else None,
            image_alt=alt if number % 3 == 0 else "",
        )
    return {
        "gallery": gallery.url,
        "gallery picture (last)": gallery.picture_url(count),
        "series": series.url,
        "episode (middle)": episodes[count // 2].url,
        "live blog": blog.url,
    }


def counted_render(client, url: str) -> int:
    """Queries of one render with the per-process caches warm and the shared cache
    empty (formats, ticker and Most Read otherwise expire on their own clocks)."""
    from django.core.cache import cache
    from django.db import connection

    check(client, url)
    cache.clear()
    return _count_queries(connection, lambda: client.get(url))


def measure_scaling(client, items: int, requests: int) -> list[dict]:
    from masthead.authors.models import Author
    from masthead.galleries.tests.factories import SmallImageFactory

    image = SmallImageFactory(title="Bench picture")
    authors = list(Author.objects.order_by("pk")[:2])
    started = time.perf_counter()
    log(f"  building galleries, series and live blogs of {FEW} and {items:,} items")
    few = build_scaled(FEW, image, authors)
    many = build_scaled(items, image, authors)
    log(f"  built in {time.perf_counter() - started:.0f} s")
    samples = max(5, requests // 5)
    rows = []
    for name in few:
        row = {"page": name}
        for size, urls in (("few", few), ("many", many)):
            url = urls[name]
            log(f"  counting {name} ({url})")
            row[f"{size}_queries"] = counted_render(client, url)
            timings = _time(lambda url=url: client.get(url), samples)
            row[f"{size}_p50"] = statistics.median(timings)
        rows.append(row)
    return rows


def make_pattern(target, seconds: int) -> float:
    """A test card and a tone as a camera might deliver them; returns wall seconds."""
    from masthead.video.ffmpeg import FFMPEG

    started = time.perf_counter()
    subprocess.run(
        [
            FFMPEG, "-nostdin", "-y", "-v", "error",
            "-f", "lavfi", "-i", PATTERN, "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", str(seconds),
            "-c:v", "mpeg4", "-q:v", "5", "-c:a", "mp2",
            "-f", "matroska", str(target),
        ],
        check=True,
    )  # fmt: skip
    return time.perf_counter() - started


def peak_rss_kb(pid: int) -> int:
    """VmHWM: the peak resident set of the process since its exec. (ru_maxrss
    would also count the Python process it was forked from.)"""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def in_child(mode: str, source: str) -> dict:
    """Run `--transcode MODE SOURCE` in a child process: the CPU of the child and
    its children, and the peak RSS of each, sampled while they run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(
        [PYTHON, __file__, "--transcode", mode, source],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    ffmpeg_peak = 0
    while child.poll() is None:
        for pid in process_tree(child.pid)[1:]:
            ffmpeg_peak = max(ffmpeg_peak, peak_rss_kb(pid))
        time.sleep(0.1)
    output = child.stdout.read()
    if child.returncode:
        raise SystemExit(f"the {mode} child failed ({child.returncode})")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(output.strip().splitlines()[-1])
    report.update(
        wall=wall,
        cpu=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        ffmpeg_peak_kb=ffmpeg_peak,
    )
    return report


def measure_transcode(video_seconds: int) -> dict:
    from django.core.files.storage import default_storage

    from masthead.sections.models import SectionPage
    from masthead.video.ffmpeg import probe
    from masthead.video.models import VideoEncoding, VideoPage
    from masthead.video.tests.factories import publish

    name = default_storage.get_available_name(
        f"video/uploads/bench/pattern-{video_seconds}s.mkv"
    )
    path = default_storage.path(name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    log(f"  making a {video_seconds} s 1280x720 test pattern")
    pattern_wall = make_pattern(path, video_seconds)
    source = probe(path)
    videos = SectionPage.objects.get(slug="videos", locale__language_code="en")
    page = videos.add_child(
        instance=VideoPage(
            title="Bench test pattern",
            slug="bench-test-pattern",
            summary_text="A test card and a tone.",
            source_file=name,
        )
    )
    publish(page)  # as the admin does: queues the preparation (no worker runs here)
    log("  bare ffmpeg transcode (baseline)")
    bare = in_child("bare", path)
    log("  prepare_upload in a child process")
    prepared = in_child("prepare", name)
    encoding = VideoEncoding.objects.get(source=name)
    return {
        "seconds": source.duration,
        "size": f"{source.width}x{source.height}",
        "source_bytes": os.path.getsize(path),
        "pattern_wall": pattern_wall,
        "bare": bare,
        "prepared": prepared,
        "status": encoding.status,
        "error": encoding.error,
    }


def measure(requests: int, items: int, video_seconds: int) -> dict:
    setup_django()
    from django.test import Client

    client = Client()
    log("Rendering every page type…")
    renders = measure_renders(client, requests)
    log("Counting queries as pages grow…")
    scaling = measure_scaling(client, items, requests)
    log("Preparing an uploaded video…")
    transcode = measure_transcode(video_seconds)
    return {"renders": renders, "scaling": scaling, "transcode": transcode}


# --- Runs in the child process of the transcode -------------------------------------


def transcode_child(mode: str, source: str) -> dict:
    """`bare`: ffmpeg's transcode of the file at path `source`, without Django;
    `prepare`: what the prepare_video task does with the upload named `source`."""
    import tempfile

    sys.path.insert(0, str(ROOT))
    if mode == "bare":
        from masthead.video.ffmpeg import transcode

        with tempfile.TemporaryDirectory(dir=Path(source).parent) as work:
            transcode(source, Path(work) / "video.mp4")
        status = "done"
    else:
        setup_django()
        from masthead.video.processing import prepare_upload

        status = prepare_upload(source).status
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "status": status,
        "worker_cpu": own.ru_utime + own.ru_stime,
        "worker_peak_kb": peak_rss_kb(os.getpid()),
        "worker_maxrss_kb": own.ru_maxrss,
        "ffmpeg_cpu": children.ru_utime + children.ru_stime,
        "ffmpeg_maxrss_kb": children.ru_maxrss,
    }


# --- Report -------------------------------------------------------------------------


def print_renders(renders: dict, requests: int) -> None:
    base = renders["article"]["p50"]
    print(
        f"\nUncached render, {requests} requests a page (page cache off; times in ms;"
        f" target <= {RENDER_TARGET:g}x the article):"
    )
    print(
        f"  {'page':16} {'p50':>7} {'p99':>7} {'vs article':>11} {'queries':>8}"
        f" {'bytes':>8}  target"
    )
    for name, r in renders.items():
        ratio = r["p50"] / base
        verdict = (
            "baseline"
            if name == "article"
            else ("ok" if ratio <= RENDER_TARGET else "MISSED")
        )
        print(
            f"  {name:16} {r['p50']:7.1f} {r['p99']:7.1f} {ratio:10.2f}x"
            f" {r['queries']:8d} {r['bytes']:8,d}  {verdict}"
        )


def print_scaling(rows: list[dict], items: int) -> None:
    print(
        f"\nSQL queries of one render with {FEW} and with {items:,} items (pictures,"
        " episodes, entries), the shared cache emptied first (so a few more than"
        " above); p50 ms alongside:"
    )
    print(
        f"  {'page':24} {f'{FEW} items':>9} {f'{items:,} items':>12} {'equal':>6}"
        f" {'p50 ms':>8} {'p50 ms':>8} {'ratio':>7}"
    )
    for row in rows:
        equal = "yes" if row["few_queries"] == row["many_queries"] else "NO"
        print(
            f"  {row['page']:24} {row['few_queries']:9d} {row['many_queries']:12d}"
            f" {equal:>6} {row['few_p50']:8.1f} {row['many_p50']:8.1f}"
            f" {row['many_p50'] / row['few_p50']:6.1f}x"
        )


def print_transcode(t: dict) -> None:
    print(
        f"\nPreparing a {t['seconds']:.0f} s {t['size']} upload "
        f"({t['source_bytes'] / 1e6:.0f} MB of MPEG-4 and MP2 in Matroska, made in "
        f"{t['pattern_wall']:.0f} s), each run in a child process:"
    )
    print(
        f"  {'run':33} {'wall s':>7} {'CPU s':>7} {'video s/CPU s':>14}"
        f" {'x realtime':>11} {'vs bare':>8} {'worker MB':>10} {'ffmpeg MB':>10}"
        f" {'ru_maxrss MB':>13}"
    )
    bare_rate = t["seconds"] / t["bare"]["cpu"]
    for label, run in (
        ("bare ffmpeg transcode (baseline)", t["bare"]),
        ("prepare_upload (the task)", t["prepared"]),
    ):
        rate = t["seconds"] / run["cpu"]
        maxrss = (
            f"{run['worker_maxrss_kb'] / 1024:.0f}/{run['ffmpeg_maxrss_kb'] / 1024:.0f}"
        )
        print(
            f"  {label:33} {run['wall']:7.1f} {run['cpu']:7.1f} {rate:14.2f}"
            f" {t['seconds'] / run['wall']:10.2f}x {rate / bare_rate:7.2f}x"
            f" {run['worker_peak_kb'] / 1024:10.0f} {run['ffmpeg_peak_kb'] / 1024:10.0f}"
            f" {maxrss:>13}"
        )
    prepared = t["prepared"]
    print(
        f"  prepare_upload: worker {prepared['worker_cpu']:.1f} CPU s (Django start"
        f" included), ffmpeg and ffprobe {prepared['ffmpeg_cpu']:.1f} CPU s;"
        f" encoding {t['status']}" + (f" ({t['error']})" if t["error"] else "")
    )
    for line in (
        "CPU s: user + sys of the child and its ffmpeg children, from",
        "  getrusage(RUSAGE_CHILDREN) before and after the child;",
        "worker MB: peak RSS of the child process (VmHWM at its end);",
        "ffmpeg MB: the largest peak RSS of an ffmpeg or ffprobe it ran (VmHWM,",
        "  sampled every 0.1 s while it ran);",
        "ru_maxrss MB: the kernel's figures for the child / its largest child;",
        "  they also count the RSS of the process each was forked from (this",
        "  bench process; the worker), so they can overstate.",
    ):
        print(f"  {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--items", type=int, default=1_000)
    parser.add_argument("--video-seconds", type=int, default=300)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--transcode", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.transcode:
        print(json.dumps(transcode_child(*options.transcode)))
        return
    arguments = [
        "--requests", str(options.requests),
        "--items", str(options.items),
        "--video-seconds", str(options.video_seconds),
    ]  # fmt: skip
    if options.measure:
        print(
            json.dumps(measure(options.requests, options.items, options.video_seconds))
        )
        return
    scratch = Scratch()
    try:
        print(f"Building the demo newsroom in {scratch.path}…", flush=True)
        scratch.prepare()
        output = subprocess.run(
            [PYTHON, __file__, "--measure", *arguments],
            cwd=ROOT,
            env=scratch.env,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        ).stdout
        results = json.loads(output.strip().splitlines()[-1])
    finally:
        scratch.cleanup()
    print_renders(results["renders"], options.requests)
    print_scaling(results["scaling"], options.items)
    print_transcode(results["transcode"])


if __name__ == "__main__":
    main()
