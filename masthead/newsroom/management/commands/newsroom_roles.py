from django.core.management.base import BaseCommand

from masthead.newsroom.setup import ensure_newsroom


class Command(BaseCommand):
    help = (
        "Create or correct the newsroom's roles (writers, editors and translators "
        "per edition; photo editors, legal reviewers, administrators) and each "
        "edition's review workflow. Run it again after adding an edition."
    )

    def handle(self, *args, **options):
        for name in ensure_newsroom():
            self.stdout.write(f"{name}: ready")
