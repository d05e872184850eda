"""Surrogate keys: names for what a response shows, so that a change purges exactly
the responses that show it.

While a page renders, the code that puts something on it adds its keys:

- ``page:<id>`` for every page shown, as the page itself or as a card, link or box;
- ``listing:<id>`` on a listing that would show any new story published below page
  <id> (sections, the edition's front page);
- ``tag:<id>``, ``region:<id>``, ``author:<id>``, ``hub:<id>`` on listings and
  feeds of those, and on articles showing them;
- ``menu:<language>`` on every page of an edition (its menu and footer);
- ``audio:<id>`` on a story's page, whose player shows the story's audio;
- ``podcast:<language>`` on an edition's podcast feeds;
- ``sitemap`` on sitemaps.
"""

from contextvars import ContextVar

_collected: ContextVar[set[str] | None] = ContextVar("surrogate_keys", default=None)


def start_collecting() -> object:
    return _collected.set(set())


def stop_collecting(token) -> set[str]:
    keys = _collected.get() or set()
    _collected.reset(token)
    return keys


def add(*keys: str) -> None:
    """Record that the response being rendered shows these things."""
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)


def page(page_id) -> str:
    return f"page:{page_id}"


def listing(page_id) -> str:
    return f"listing:{page_id}"


def tag(tag_id) -> str:
    return f"tag:{tag_id}"


def region(region_id) -> str:
    return f"region:{region_id}"


def author(author_id) -> str:
    return f"author:{author_id}"


def authors(language_code: str) -> str:
    """The edition's Authors directory."""
    return f"authors:{language_code}"


def hub(hub_id) -> str:
    return f"hub:{hub_id}"


def menu(language_code: str) -> str:
    return f"menu:{language_code}"


def audio(page_id) -> str:
    """A story's audio, in its player."""
    return f"audio:{page_id}"


def podcast(language_code: str) -> str:
    """The edition's podcast feeds: any story's new audio may enter them."""
    return f"podcast:{language_code}"


SITEMAP = "sitemap"
