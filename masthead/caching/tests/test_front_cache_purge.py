"""Front-cache purges by key: sent after the publish, retried when they fail."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from masthead.caching import tasks

pytestmark = pytest.mark.django_db


class RecordingHandler(BaseHTTPRequestHandler):
    received: list = []

    def do_PURGE(self):
        RecordingHandler.received.append(self.headers["xkey-purge"])
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish_stand_in():
    RecordingHandler.received = []
    server = HTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_publishing_purges_the_front_cache_by_key(
    settings, varnish_stand_in, article, django_capture_on_commit_callbacks
):
    settings.FRONT_CACHE_PURGE_URLS = [varnish_stand_in]

    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish(skip_permission_checks=True)

    assert len(RecordingHandler.received) == 1
    assert f"page:{article.pk}" in RecordingHandler.received[0].split()


def test_an_unreachable_front_cache_is_logged_and_retried(settings, caplog):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.FRONT_CACHE_PURGE_URLS = ["http://127.0.0.1:9/"]  # nothing listens there
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    tasks.purge_front_cache.call(["page:1"])

    assert "Front cache purge" in caplog.text
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["args"] == [["page:1"], 2]
    assert retry.run_after > timezone.now()


def test_purges_give_up_after_the_last_attempt(settings, caplog):
    settings.FRONT_CACHE_PURGE_URLS = ["http://127.0.0.1:9/"]

    tasks.purge_front_cache.call(["page:1"], tasks.MAX_ATTEMPTS)

    assert "Giving up" in caplog.text
