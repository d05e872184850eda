"""Purging the front cache (Varnish with xkey) by surrogate key, with retries."""

import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6


@task()
def purge_front_cache(keys: list[str], attempt: int = 1) -> None:
    """Ask every front cache to drop the responses carrying `keys`.

    A failure is logged and the purge retried later with a growing delay; the
    publish that caused it has already completed.
    """
    failed = []
    for url in settings.FRONT_CACHE_PURGE_URLS:
        try:
            send_purge(url, keys)
        except (OSError, urllib.error.URLError) as error:
            logger.warning("Front cache purge of %s at %s failed: %s", keys, url, error)
            failed.append(url)
    if failed and attempt < MAX_ATTEMPTS:
        delay = timedelta(seconds=2**attempt)
        purge_front_cache.using(run_after=timezone.now() + delay).enqueue(
            keys, attempt + 1
        )
    elif failed:
        logger.error(
            "Giving up purging %s at %s after %s attempts", keys, failed, attempt
        )


def send_purge(url: str, keys: list[str]) -> None:
    request = urllib.request.Request(  # noqa: S310 (an operator-configured URL)
        url, method="PURGE", headers={"xkey-purge": " ".join(keys)}
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        response.read()
