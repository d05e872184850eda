"""Bulk loads: many stories published in one go (the demo newsroom, an import).

Publishing a story queues work derived from it: its pictures' renditions, its
Read Next list. A bulk load does that work itself, once for everything it
loaded, so while one is under way the per-story handlers queue nothing.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_under_way: ContextVar[bool] = ContextVar("bulk_load", default=False)


@contextmanager
def bulk_load() -> Iterator[None]:
    """The caller makes the renditions and the Read Next lists of what it loads."""
    token = _under_way.set(True)
    try:
        yield
    finally:
        _under_way.reset(token)


def bulk_load_under_way() -> bool:
    return _under_way.get()
