"""The demo's renditions are made on a second thread while stories load."""

import threading

import pytest
from wagtail.images.exceptions import InvalidFilterSpecError

from masthead.demo.renditions import BackgroundRenditions
from masthead.media.tests.factories import ImageFactory

# The thread has its own database connection: it sees committed rows only.
pytestmark = pytest.mark.django_db(transaction=True)

SPECS = ["fill-160x90|format-jpeg", "fill-80x80|format-webp"]


def test_queued_pictures_are_rendered_on_another_thread():
    pictures = [ImageFactory(), ImageFactory()]
    threads = set()
    renditions = BackgroundRenditions()
    original = renditions._render

    def render(image_id, specs):
        threads.add(threading.current_thread().name)
        original(image_id, specs)

    renditions._render = render
    for picture in pictures:
        renditions(picture, SPECS)
    done = []
    renditions.wait(progress=lambda: done.append(1))

    for picture in pictures:
        assert sorted(picture.renditions.values_list("filter_spec", flat=True)) == (
            sorted(SPECS)
        )
    assert threads and threading.current_thread().name not in threads
    assert len(done) <= len(pictures)


def test_a_failure_on_the_thread_is_raised_by_wait():
    renditions = BackgroundRenditions()
    renditions(ImageFactory(), ["no-such-operation-10x10"])

    with pytest.raises(InvalidFilterSpecError):
        renditions.wait()
