import time

from django.core.management.base import BaseCommand, CommandError

from masthead.demo.synthetic import (
    CorpusError,
    delete_synthetic_articles,
    generate_articles,
)


class Command(BaseCommand):
    help = (
        "Create N published synthetic stories under the edition's sections, fast, "
        "for load tests and benchmarks; --delete removes them all. They are not "
        "search-indexed: run `masthead update_index` if search should find them."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", nargs="?", type=int, default=0)
        parser.add_argument(
            "--edition", default="en", help="Language code of the edition (en)."
        )
        parser.add_argument(
            "--years",
            type=int,
            default=5,
            help="Spread publication dates over this many past years (5).",
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="Make the corpus repeatable."
        )
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Remove every synthetic story instead of creating any.",
        )

    def handle(self, *args, **options):
        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {message}")
                self.stdout.flush()

        started = time.monotonic()
        if options["delete"]:
            deleted = delete_synthetic_articles(progress=progress)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Deleted {deleted:,} synthetic articles "
                    f"in {time.monotonic() - started:.1f} s."
                )
            )
            return
        if options["count"] <= 0:
            raise CommandError("Say how many articles to create, e.g. 100000.")
        try:
            created = generate_articles(
                options["count"],
                language_code=options["edition"],
                years=options["years"],
                seed=options["seed"],
                progress=progress,
            )
        except CorpusError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {created:,} synthetic articles "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
