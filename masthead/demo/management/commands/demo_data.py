from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from masthead.demo.loader import EDITIONS, load_demo_newsroom
from masthead.editions.permissions import ensure_edition_groups

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
        parser.add_argument(
            "--editions",
            nargs="+",
            choices=EDITIONS,
            default=list(EDITIONS),
            help="Editions to load (English first: the others translate it).",
        )

    def handle(self, *args, **options):
        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {message}")
                self.stdout.flush()

        for language in options["editions"]:
            self.stdout.write(f"Loading the demo newsroom's {language} edition…")
            with override_settings(TASKS=INLINE_TASKS):
                report = load_demo_newsroom(
                    language,
                    progress=progress,
                    render_images=not options["skip_renditions"],
                )
            self.stdout.write(self.style.SUCCESS(f"Demo {language} edition: {report}."))
        groups = ensure_edition_groups()
        self.stdout.write(f"Editors' groups: {', '.join(g.name for g in groups)}.")
