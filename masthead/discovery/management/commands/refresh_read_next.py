from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.discovery.read_next import store_read_next

DEFAULT_DAYS = 7


class Command(BaseCommand):
    help = (
        "Recompute Read Next for the stories published in the last few days, so "
        "that they recommend what was published since. Run it hourly from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Refresh stories first published this many days ago or since "
            f"(default {DEFAULT_DAYS}).",
        )

    def handle(self, *args, **options):
        if options["days"] < 0:
            raise CommandError("--days cannot be negative.")
        now = timezone.now()
        recent = (
            ArticlePage.objects.live()
            .filter(first_published_at__gte=now - timedelta(days=options["days"]))
            .order_by("-first_published_at")
        )
        refreshed = changed = 0
        for article in recent.iterator(chunk_size=200):
            changed += store_read_next(article, now)
            refreshed += 1
        self.stdout.write(
            f"Read Next refreshed for {refreshed} stories ({changed} changed)."
        )
