from django.core.management.base import BaseCommand, CommandError

from masthead.wires.ingest import poll_source
from masthead.wires.models import WireSource


class Command(BaseCommand):
    help = (
        "Poll wire sources now, in this process, and print what each poll did "
        "(every enabled source, or the one given)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=int, metavar="ID", help="Poll only this source."
        )

    def handle(self, *args, **options):
        sources = WireSource.objects.select_related("locale", "auto_draft_section")
        if options["source"] is not None:
            sources = sources.filter(pk=options["source"])
            if not sources.exists():
                raise CommandError(f"No wire source has the id {options['source']}.")
        else:
            sources = sources.filter(enabled=True)
        failed = 0
        for source in sources.order_by("name"):
            summary = poll_source(source)
            failed += summary.failed
            line = f"{source.name}: {summary}"
            if summary.failed:
                line += " — failed; see Wires › Source errors"
                self.stdout.write(self.style.WARNING(line))
            else:
                self.stdout.write(line)
        if failed:
            self.stderr.write(f"{failed} source(s) could not be read.")
