import os
import shutil
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


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

    def handle(self, *args, **options):
        granian = shutil.which("granian") or os.path.join(
            os.path.dirname(sys.executable), "granian"
        )
        command = [
            granian,
            "--interface", "wsgi",
            "--host", options["host"],
            "--port", str(options["port"]),
            "--workers", str(options["workers"]),
            "--respawn-failed-workers",
            # Uploaded pictures and their renditions are plain files: the server
            # sends them without entering Django. /static goes through whitenoise
            # for its compressed variants and far-future headers.
            "--static-path-route", settings.MEDIA_URL.rstrip("/"),
            "--static-path-mount", str(settings.MEDIA_ROOT),
            "masthead.wsgi:application",
        ]  # fmt: skip
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        self.stdout.write(
            f"Serving on http://{options['host']}:{options['port']}/ "
            f"with {options['workers']} workers (Ctrl-C stops)."
        )
        sys.stdout.flush()
        # Replace this process so Ctrl-C reaches the server directly.
        os.execv(granian, command)  # noqa: S606 (fixed argument list, no shell)
