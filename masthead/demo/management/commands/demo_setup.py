"""What `make demo` does before it serves, in one process: migrate, load the demo
newsroom, and make sure of the admin account (one start of Django, not three)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from masthead.demo.loader import EDITIONS


class Command(BaseCommand):
    help = (
        "Migrate, load the demo newsroom and create the admin account. Safe to run "
        "again: on a ready database it only checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skip-renditions", action="store_true")
        parser.add_argument(
            "--editions", nargs="+", choices=EDITIONS, default=list(EDITIONS)
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        # Each writes to the terminal itself, so its progress bar redraws in place.
        call_command("migrate", interactive=False, verbosity=verbosity)
        demo_options = ["--editions", *options["editions"]]
        if options["skip_renditions"]:
            demo_options.append("--skip-renditions")
        call_command("demo_data", *demo_options, verbosity=verbosity)
        call_command("ensure_admin", verbosity=verbosity)
