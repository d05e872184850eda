"""The demo pictures' renditions, made on a second thread while stories load.

Pillow decodes, resizes and encodes in C with the interpreter lock released, so
one thread can publish stories while another makes the renditions of the
pictures already stored: loading takes about as long as the longer of the two
rather than their sum.
"""

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import DatabaseError, connection

from masthead.media.models import CustomImage
from masthead.media.renditions import prerender


class BackgroundRenditions:
    def __init__(self):
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="demo-renditions"
        )
        self._jobs: list[Future] = []

    def __call__(self, image: CustomImage, specs: list[str]) -> None:
        """Queue `image`'s renditions for `specs` (the image is already saved)."""
        self._jobs.append(self._executor.submit(self._render, image.pk, list(specs)))

    @staticmethod
    def _render(image_id: int, specs: list[str]) -> None:
        prerender(CustomImage.objects.get(pk=image_id), specs)

    def pending(self) -> int:
        return sum(not job.done() for job in self._jobs)

    def wait(self, progress: Callable[[], None] = lambda: None) -> None:
        """Block until every queued rendition exists; re-raise the first failure.
        `progress` is called as each picture still pending is done."""
        try:
            for job in self._jobs:
                if not job.done():
                    job.result()
                    progress()
                job.result()
        finally:
            self._executor.submit(_close_thread_connection).result()
            self._executor.shutdown()


def _close_thread_connection() -> None:
    """The thread's own database connection goes with the thread."""
    try:
        connection.validate_thread_sharing()
    except DatabaseError:
        return  # another thread's, lent to this one (an in-memory test database)
    connection.close()
