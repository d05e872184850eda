from django.core.management.base import BaseCommand

from masthead.editions.permissions import ensure_edition_groups


class Command(BaseCommand):
    help = "Create one editors' group per edition, with rights over its pages only."

    def handle(self, *args, **options):
        for group in ensure_edition_groups():
            self.stdout.write(f"{group.name}: ready")
