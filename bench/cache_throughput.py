"""Cached article requests per second, against nginx serving the same bytes.

Three figures, measured in one run on the same machine:
- nginx serving the article's HTML as a static file (the ceiling);
- `masthead serve` answering from its page cache (the WSGI fast path);
- Varnish, with the shipped VCL, in front of `masthead serve`.
Each is printed with its ratio to nginx. Targets: embedded >= 0.5x, Varnish >= 0.9x.

Usage: .venv/bin/python bench/cache_throughput.py [--seconds 10] [--connections 64]
"""

import argparse

from benchlib import (
    Scratch,
    fetch,
    masthead_server,
    newest_article_url,
    nginx_serving,
    varnish_in_front,
    wrk,
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()

    scratch = Scratch(keep=options.keep)
    try:
        print(f"Preparing a demo newsroom in {scratch.path}…")
        scratch.prepare()
        path = newest_article_url(scratch)
        gzip_only = {"Accept-Encoding": "gzip"}
        with masthead_server(scratch, workers=options.workers) as (app, _):
            fetch(app + path)  # render once: the page cache keeps it
            headers, body = fetch(app + path, **gzip_only)
            assert headers.get("X-Cache") == "HIT", "the second request should hit"
            assert headers.get("Content-Encoding") == "gzip"
            with nginx_serving(body, options.workers, content_encoding="gzip") as nginx:

                def run(url):
                    return wrk(
                        url, options.seconds, options.connections, headers=gzip_only
                    )

                ceiling = run(nginx + "/")
                embedded = run(app + path)
                with varnish_in_front(app) as varnish:
                    fetch(varnish + path, **gzip_only)
                    headers, _ = fetch(varnish + path, **gzip_only)
                    assert headers.get("X-Cache") == "HIT", "Varnish should hit"
                    front = run(varnish + path)
        print(
            f"\nCached article ({len(body):,} bytes gzipped), {options.connections} connections, "
            f"{options.seconds} s each, {options.workers} server processes:"
        )
        print(f"  nginx static file     {ceiling:10,.0f} req/s   1.00x")
        print(
            f"  masthead page cache   {embedded:10,.0f} req/s   {embedded / ceiling:.2f}x"
        )
        print(f"  Varnish + masthead    {front:10,.0f} req/s   {front / ceiling:.2f}x")
    finally:
        scratch.cleanup()


if __name__ == "__main__":
    main()
