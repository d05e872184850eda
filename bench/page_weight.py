"""The article page's weight on the wire and its render-blocking requests.

Serves the demo newsroom, fetches an article as a browser would (Brotli accepted),
then every same-origin stylesheet and script it references, and prints the bytes
transferred for HTML, CSS and JS, and which requests block rendering (stylesheets,
and scripts without defer/async/module). Pictures and fonts load after first paint
and are listed apart. Budget: HTML + CSS + JS <= 60 KB transferred, <= 3 blocking.

Usage: .venv/bin/python bench/page_weight.py
"""

from html.parser import HTMLParser

from benchlib import Scratch, fetch, masthead_server, newest_article_url

BUDGET_BYTES = 60 * 1024
BUDGET_BLOCKING = 3


class Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.blocking, self.images = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.styles.append(attrs["href"])
            self.blocking.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
            if not ({"defer", "async"} & attrs.keys() or attrs.get("type") == "module"):
                self.blocking.append(attrs["src"])
        elif tag in ("img", "source"):
            self.images.append(attrs.get("src") or attrs.get("srcset", ""))


def main():
    scratch = Scratch()
    try:
        print(f"Preparing a demo newsroom in {scratch.path}…")
        scratch.prepare()
        path = newest_article_url(scratch)
        with masthead_server(scratch) as (app, _):
            fetch(app + path)
            headers, body = fetch(app + path, **{"Accept-Encoding": "br"})
            html, plain = len(body), fetch(app + path)[1]
            parser = Resources()
            parser.feed(plain.decode())
            sizes = {}
            for url in parser.styles + parser.scripts:
                if url.startswith("/"):
                    response_headers, content = fetch(
                        app + url, **{"Accept-Encoding": "br"}
                    )
                    sizes[url] = (
                        len(content),
                        response_headers.get("Content-Encoding", "none"),
                    )
        total = html + sum(size for size, _ in sizes.values())
        print(f"\nArticle {path}")
        print(
            f"  HTML     {html:7,d} bytes ({headers.get('Content-Encoding', 'none')}; {len(plain):,d} uncompressed)"
        )
        for url, (size, encoding) in sizes.items():
            print(
                f"  {'CSS' if url in parser.styles else 'JS ':3}      {size:7,d} bytes ({encoding}) {url}"
            )
        print(
            f"  total    {total:7,d} bytes = {total / 1024:.1f} KB (budget {BUDGET_BYTES // 1024} KB)"
        )
        print(
            f"  render-blocking requests: {len(parser.blocking)} (budget {BUDGET_BLOCKING}): {parser.blocking}"
        )
        print(
            f"  pictures referenced (loaded lazily except the lead): {len(parser.images)}"
        )
    finally:
        scratch.cleanup()


if __name__ == "__main__":
    main()
