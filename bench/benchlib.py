"""Shared pieces of the benchmark scripts: a scratch newsroom, servers, wrk.

Benchmarks print figures; they assert nothing. Every figure is quoted next to a
baseline measured in the same run (nginx serving a file, a bare Django view),
because the machines are shared and absolute numbers drift.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
VCL = ROOT / "deploy" / "varnish" / "masthead.vcl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


class Scratch:
    """A throwaway MASTHEAD_VAR_DIR with its own SQLite database."""

    def __init__(self, keep: bool = False, var_dir: str | None = None):
        self.keep = keep
        self.path = Path(var_dir or tempfile.mkdtemp(prefix="masthead-bench-"))
        self.path.mkdir(parents=True, exist_ok=True)
        self.path.chmod(0o755)  # varnishd and nginx drop to their own users
        self.env = {
            **os.environ,
            "MASTHEAD_VAR_DIR": str(self.path),
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        }
        for name in ("DATABASE_URL", "REDIS_URL", "FRONT_CACHE_PURGE_URLS"):
            self.env.pop(name, None)

    def masthead(self, *args: str, quiet: bool = True) -> str:
        result = subprocess.run(
            [PYTHON, "-m", "masthead.cli", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=quiet,
            text=True,
            check=True,
        )
        return result.stdout if quiet else ""

    def prepare(self, synthetic: int = 0) -> None:
        """Migrate, load the English demo newsroom, optionally add synthetic
        stories, collect static files."""
        self.masthead("migrate", "--noinput")
        self.masthead("demo-data", "--editions", "en", "--skip-renditions")
        if synthetic:
            self.masthead("generate-articles", str(synthetic))
        self.masthead("collectstatic", "--noinput")

    def cleanup(self) -> None:
        if not self.keep:
            shutil.rmtree(self.path, ignore_errors=True)


@contextlib.contextmanager
def masthead_server(scratch: Scratch, workers: int = 2, **env):
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "masthead.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env={**scratch.env, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}", process
    finally:
        interrupt(process)


def interrupt(process: subprocess.Popen, grace: float = 30) -> None:
    """Ctrl-C to a process started in a session of its own, then kill it if it
    has not ended after `grace` seconds."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def _running(command: list[str], port: int, folder: Path):
    """Run a server until the block ends, then stop it and remove its folder."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def nginx_serving(body: bytes, workers: int = 2, content_encoding: str = ""):
    """nginx serving `body` as a static file: the ceiling for a cached page."""
    folder = Path(tempfile.mkdtemp(prefix="masthead-nginx-"))
    folder.chmod(0o755)
    (folder / "page.html").write_bytes(body)
    (folder / "page.html").chmod(0o644)
    port = free_port()
    (folder / "nginx.conf").write_text(f"""
worker_processes {workers};
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {folder};
    proxy_temp_path {folder};
    fastcgi_temp_path {folder};
    uwsgi_temp_path {folder};
    scgi_temp_path {folder};
    server {{
        listen 127.0.0.1:{port};
        root {folder};
        location / {{
            {f"add_header Content-Encoding {content_encoding};" if content_encoding else ""}
            try_files /page.html =404;
        }}
    }}
}}
""")
    with _running(
        ["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder)], port, folder
    ) as url:
        yield url


@contextlib.contextmanager
def varnish_in_front(backend_url: str, memory: str = "256m"):
    folder = Path(tempfile.mkdtemp(prefix="masthead-varnish-"))
    folder.chmod(0o755)
    backend_port = backend_url.rsplit(":", 1)[1]
    vcl = folder / "masthead.vcl"
    vcl.write_text(
        VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
    )
    vcl.chmod(0o644)
    port = free_port()
    (folder / "work").mkdir()
    (folder / "work").chmod(0o755)
    with _running(
        [
            "varnishd",
            "-F",
            "-f",
            str(vcl),
            "-a",
            f"127.0.0.1:{port}",
            "-n",
            str(folder / "work"),
            "-s",
            f"malloc,{memory}",
            "-T",
            "none",
            "-p",
            "thread_pools=2",
            "-p",
            "thread_pool_min=100",
        ],
        port,
        folder,
    ) as url:
        yield url


def fetch(url: str, **headers):
    """Headers (case-insensitive) and body of a GET."""
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read()


def wrk(
    url: str,
    seconds: int = 10,
    connections: int = 64,
    threads: int = 2,
    headers: dict | None = None,
) -> float:
    """Requests per second that wrk reaches against `url`."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    header_args = [
        arg
        for name, value in (headers or {}).items()
        for arg in ("-H", f"{name}: {value}")
    ]
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", *header_args, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        print(f"  warning: {errors.group(1)} error responses from {url}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def newest_article_url(scratch: Scratch) -> str:
    return (
        scratch.masthead(
            "shell",
            "-c",
            "from masthead.articles.models import ArticlePage;"
            "print(ArticlePage.objects.live().exclude(slug__startswith='synthetic-')"
            ".order_by('-first_published_at').first().url)",
        )
        .strip()
        .splitlines()[-1]
    )


def measure_in_newsroom(script: str, stories: int, *arguments: str) -> dict:
    """Build a scratch newsroom of `stories` stories and run `script --measure` in
    it (a fresh process, so Django starts on the scratch database); returns the
    JSON the script prints last."""
    import json

    scratch = Scratch()
    try:
        print(
            f"Building a newsroom of {stories:,} stories in {scratch.path}…", flush=True
        )
        scratch.prepare(synthetic=max(0, stories - 60))
        output = subprocess.run(
            [PYTHON, script, "--measure", *arguments],
            cwd=ROOT / "bench",
            env=scratch.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return json.loads(output.strip().splitlines()[-1])
    finally:
        scratch.cleanup()
