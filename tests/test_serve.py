"""`masthead serve`: the production server, started the way `make demo` starts it."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[1]


def fetch(url: str, **headers):
    """Status, headers (case-insensitive) and body of a GET."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    env = {
        **os.environ,
        "MASTHEAD_VAR_DIR": str(var),
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "WEB_CONCURRENCY": "2",
        "MASTHEAD_CLOCK_SECONDS": "1",
    }
    env.pop("DATABASE_URL", None)
    masthead = [sys.executable, "-m", "masthead.cli"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [*masthead, *command, "-v0"], cwd=ROOT, env=env, check=True, timeout=300
        )
    port = free_port()
    log = (var / "server.log").open("w")
    process = subprocess.Popen(
        [*masthead, "serve", "--port", str(port), "--with-worker"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log_path = var / "server.log"
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            fetch(base + "/")
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(f"server did not start: {process.log_path.read_text()}")
    process.env = env
    yield base, process
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)


def test_serves_the_home_page_and_admin_login(server):
    base, _ = server

    status, _, body = fetch(base + "/")
    assert status == 200
    assert b"<h1" in body
    assert fetch(base + "/admin/login/")[0] == 200


def test_debug_is_off_so_errors_show_the_sites_own_page(server):
    base, _ = server

    status, _, body = fetch(base + "/no-such-page/")

    assert status == 404
    assert b"Page not found" in body
    assert b"Traceback" not in body
    assert b"URLconf" not in body  # Django's technical 404 page


def test_static_files_come_compressed_and_hashed_names_cache_forever(server):
    base, _ = server
    _, _, home = fetch(base + "/")
    hashed = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home)
    assert hashed, "the page links the stylesheet by its hashed name"

    status, headers, _ = fetch(
        base + hashed.group(1).decode(), **{"Accept-Encoding": "br, gzip"}
    )

    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]


def run_beside(process, script: str) -> subprocess.CompletedProcess:
    """Run a Python script against the served site's database."""
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=process.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


ENQUEUE_AND_WAIT = """
import time
import django
django.setup()
from django_tasks_db.models import DBTaskResult
from masthead.articles.tasks import prerender_article_images
result = prerender_article_images.enqueue(0)
for _ in range(100):
    status = DBTaskResult.objects.get(id=result.id).status
    if status not in ("READY", "RUNNING"):
        break
    time.sleep(0.2)
print(status)
"""


def test_with_worker_background_tasks_run(server):
    _, process = server

    assert run_beside(process, ENQUEUE_AND_WAIT).stdout.strip() == "SUCCESSFUL"


SCHEDULE_AND_WAIT = """
import time
from datetime import timedelta
import django
django.setup()
from django.utils import timezone
from masthead.front.setup import ensure_edition_home
from masthead.pages.models import StandardPage
home = ensure_edition_home("en")
page = StandardPage(title="Opening hours", slug="opening-hours", live=False)
home.add_child(instance=page)
page.go_live_at = timezone.now() + timedelta(seconds=2)
page.save_revision().publish(skip_permission_checks=True)
started = time.monotonic()
while time.monotonic() - started < 30:
    if StandardPage.objects.get(pk=page.pk).live:
        break
    time.sleep(0.2)
print(StandardPage.objects.get(pk=page.pk).live)
"""


def test_with_worker_the_clock_publishes_scheduled_pages(server):
    """The embedded setup needs no cron: the clock runs beside the server."""
    _, process = server

    result = run_beside(process, SCHEDULE_AND_WAIT)

    assert result.stdout.strip() == "True", result.stderr


def test_ctrl_c_stops_the_server_cleanly(server):
    _, process = server

    os.killpg(process.pid, signal.SIGINT)

    try:
        assert process.wait(timeout=20) == 0
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after Ctrl-C: {process.log_path.read_text()}")
