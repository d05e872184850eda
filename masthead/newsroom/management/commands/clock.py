import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from masthead.newsroom.clock import tick


class Command(BaseCommand):
    help = (
        "Publish and expire scheduled stories, queue wire polls and audio "
        "retries, every MASTHEAD_CLOCK_SECONDS (one clock per site)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run one tick and stop."
        )

    def handle(self, *args, **options):
        stopping = []
        signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        while not stopping:
            result = tick()
            if options["verbosity"] >= 2 or any(vars(result).values()):
                self.stdout.write(
                    ", ".join(f"{name} {count}" for name, count in vars(result).items())
                )
            if options["once"]:
                break
            deadline = time.monotonic() + settings.MASTHEAD_CLOCK_SECONDS
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.2)
            # A clock runs for months: a connection the database dropped in the
            # meantime is replaced before the next tick.
            close_old_connections()
