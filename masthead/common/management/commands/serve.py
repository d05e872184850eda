import os
import shutil
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

# How long each child gets to finish its work after being asked to stop.
GRACE_SECONDS = 20


class Command(BaseCommand):
    help = "Serve the site with granian, the production-grade server."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", "8000"))
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1)),
            help="Server processes (WEB_CONCURRENCY; default: one per CPU).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("SERVER_THREADS", "4")),
            help=(
                "Threads per server process answering requests (SERVER_THREADS; "
                "default 4: pages from the cache are answered while others render)."
            ),
        )
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help=(
                "Also run the background task worker and the newsroom clock "
                "(scheduled publishing, wire polls): one command for small sites."
            ),
        )

    def handle(self, *args, **options):
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        commands = [self.server_command(options)]
        if options["with_worker"]:
            commands.append([sys.executable, "-m", "masthead.cli", "worker"])
            commands.append([sys.executable, "-m", "masthead.cli", "clock"])
        self.stdout.write(
            f"Serving on http://{options['host']}:{options['port']}/ with "
            f"{options['workers']} server processes"
            f"{', a task worker and the clock' if options['with_worker'] else ''}"
            " (Ctrl-C stops)."
        )
        sys.stdout.flush()
        raise SystemExit(supervise(commands))

    def server_command(self, options) -> list[str]:
        granian = shutil.which("granian") or os.path.join(
            os.path.dirname(sys.executable), "granian"
        )
        return [
            granian,
            "--interface", "wsgi",
            "--host", options["host"],
            "--port", str(options["port"]),
            "--workers", str(options["workers"]),
            "--blocking-threads", str(options["threads"]),
            "--respawn-failed-workers",
            # Uploaded pictures and their renditions are plain files: the server
            # sends them without entering Django. /static goes through whitenoise
            # for its compressed variants and far-future headers.
            "--static-path-route", settings.MEDIA_URL.rstrip("/"),
            "--static-path-mount", str(settings.MEDIA_ROOT),
            "masthead.wsgi:application",
        ]  # fmt: skip


def supervise(commands: list[list[str]]) -> int:
    """Run the processes until one ends or we are told to stop; then stop them all.

    Each child runs in its own process group, so Ctrl-C reaches only this process,
    which asks each child once to stop. (Granian stops its own workers in order;
    a Ctrl-C reaching its workers directly can leave it waiting for them.)
    """
    processes = [
        subprocess.Popen(command, start_new_session=True)  # noqa: S603
        for command in commands
    ]
    stopping = []
    signal.signal(signal.SIGINT, lambda signum, frame: stopping.append(signum))
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
    while not stopping and all(process.poll() is None for process in processes):
        time.sleep(0.2)
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    codes = []
    for process in processes:
        try:
            codes.append(process.wait(timeout=GRACE_SECONDS))
        except subprocess.TimeoutExpired:
            process.kill()
            codes.append(process.wait())
    # Ended by Ctrl-C or a stop signal counts as a clean stop.
    clean = (0, -signal.SIGINT, -signal.SIGTERM)
    return 0 if stopping and all(code in clean for code in codes) else 1
