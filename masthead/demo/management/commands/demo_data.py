from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from masthead.demo.loader import load_demo_newsroom

# Loading runs search indexing and rendition work inline, so the demo is complete
# when the command returns, whether or not a task worker is running.
INLINE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
}


class Command(BaseCommand):
    help = "Load the demo newsroom. Safe to run again: it adds nothing twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-renditions",
            action="store_true",
            help="Do not pre-make image renditions (they are made on first view).",
        )

    def handle(self, *args, **options):
        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {message}")
                self.stdout.flush()

        self.stdout.write("Loading the demo newsroom…")
        with override_settings(TASKS=INLINE_TASKS):
            report = load_demo_newsroom(
                "en", progress=progress, render_images=not options["skip_renditions"]
            )
        self.stdout.write(self.style.SUCCESS(f"Demo newsroom: {report}."))
