"""Varnish in front of the application, with the shipped VCL: a cached hit, a purge
by key on publish, and a fresh page right after."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[1]
VCL = ROOT / "deploy" / "varnish" / "masthead.vcl"
XKEY = Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def varnish(live_server, settings):
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists() or not any(
        Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")
    ):
        message = (
            "Varnish with the xkey module is not installed (varnish, varnish-modules)"
        )
        if os.environ.get("MASTHEAD_REQUIRE_VARNISH") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    backend_port = live_server.url.rsplit(":", 1)[1]
    # varnishd drops to its own user, which must be able to read these.
    tmp_path = Path(tempfile.mkdtemp(prefix="masthead-varnish-"))
    tmp_path.chmod(0o755)
    vcl = tmp_path / "masthead.vcl"
    vcl.write_text(
        VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
    )
    port = free_port()
    workdir = tmp_path / "varnish"
    workdir.mkdir()
    workdir.chmod(0o755)
    vcl.chmod(0o644)
    process = subprocess.Popen(
        [varnishd, "-F", "-f", str(vcl), "-a", f"127.0.0.1:{port}", "-n", str(workdir),
         "-s", "malloc,32m", "-T", "none"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"varnishd failed: {process.stdout.read().decode()}")
            time.sleep(0.2)
    settings.FRONT_CACHE_PURGE_URLS = [url + "/"]
    yield url
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(tmp_path, ignore_errors=True)


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers, response.read().decode()


def test_hit_purge_on_publish_and_fresh_after(
    varnish, django_capture_on_commit_callbacks
):
    home = ensure_edition_home("en")
    news = SectionPageFactory(parent=home, title="News", slug="news")
    story = ArticlePageFactory(parent=news, title="Harbour reopens")
    other = ArticlePageFactory(parent=news, title="Unrelated story")
    sports = SectionPageFactory(parent=home, title="Sports", slug="sports")

    assert get(varnish + story.url)[0]["X-Cache"] == "MISS"
    headers, body = get(varnish + story.url)
    assert headers["X-Cache"] == "HIT"
    assert "xkey" not in headers
    get(varnish + sports.url)
    assert get(varnish + sports.url)[0]["X-Cache"] == "HIT"

    story.refresh_from_db()
    story.title = "Harbour reopens after repairs"
    story.save_revision().publish(skip_permission_checks=True)

    headers, body = get(varnish + story.url)
    assert headers["X-Cache"] == "MISS"
    assert "Harbour reopens after repairs" in body
    assert get(varnish + story.url)[0]["X-Cache"] == "HIT"
    # Pages that do not show the story stay cached.
    assert get(varnish + sports.url)[0]["X-Cache"] == "HIT"
    assert get(varnish + other.url)[0]["X-Cache"] == "MISS"  # never fetched before
