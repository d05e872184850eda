import io

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from masthead.common.bulk import bulk_load
from masthead.common.progress import ProgressBar
from masthead.demo.loader import EDITIONS, demo_stories, load_demo_newsroom
from masthead.demo.newsroom_users import demo_password, ensure_demo_users
from masthead.demo.renditions import BackgroundRenditions
from masthead.listen.actions import request_missing_audio
from masthead.newsroom.setup import ensure_newsroom
from masthead.wires.demo import load_wire_demo

# Loading runs search indexing and the other tasks inline, and waits for the
# pictures' renditions, so the demo is complete when the command returns, whether
# or not a task worker is running.
INLINE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
}


def search_index_built_later() -> dict:
    """Settings that stop the search index following every save."""
    return {
        "WAGTAILSEARCH_BACKENDS": {
            name: {**config, "AUTO_UPDATE": False}
            for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
        }
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
        editions = options["editions"]
        # Stories are most of the work: the bar counts them across all editions.
        bar = ProgressBar(
            self.stdout,
            sum(len(demo_stories(language)) for language in editions),
            "Loading the demo stories",
        )

        def progress(headline: str) -> None:
            if options["verbosity"] >= 1:
                bar.advance(headline)

        render_images = not options["skip_renditions"]
        # Pictures are rendered on a second thread while the stories load.
        renditions = BackgroundRenditions()
        reports = []
        try:
            # The search and reference indexes are built once when the load ends,
            # not at every save of every page (a story is saved four times).
            with (
                override_settings(TASKS=INLINE_TASKS, **search_index_built_later()),
                disable_reference_index_auto_update(),
                bulk_load(),
            ):
                for language in editions:
                    report = load_demo_newsroom(
                        language,
                        progress=progress,
                        render_images=render_images,
                        render=renditions,
                    )
                    reports.append(report)
            if any(report.created for report in reports):
                call_command("rebuild_references_index", stdout=io.StringIO())
                call_command("update_index", stdout=io.StringIO())
        finally:
            pending = renditions.pending()
            if pending and options["verbosity"] >= 1:
                pictures = ProgressBar(self.stdout, pending, "Rendering the pictures")
                renditions.wait(progress=pictures.advance)
            else:
                renditions.wait()
        for language, report in zip(editions, reports, strict=True):
            self.stdout.write(self.style.SUCCESS(f"Demo {language} edition: {report}."))
        groups = ensure_newsroom()
        self.stdout.write(f"Newsroom roles: {', '.join(groups)}.")
        accounts = ensure_demo_users(groups)
        self.stdout.write(
            "Demo newsroom accounts (password "
            f"{demo_password()}): "
            + ", ".join(f"{name} ({group})" for name, group in accounts)
            + "."
        )
        with override_settings(TASKS=INLINE_TASKS):
            load_wire_demo()
        # Speaking 100 stories takes minutes: the task worker does it while the
        # site is up, and each story's player appears when its audio is ready.
        queued = request_missing_audio()
        if queued:
            self.stdout.write(
                f"Queued the audio of {queued} stories for the task worker."
            )
