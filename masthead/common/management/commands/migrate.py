"""Django's migrate, with a progress bar and the time left instead of a line per
migration when a fresh database has many to apply."""

from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

from masthead.common.progress import ProgressBar

# Fewer than this and Django's own lines are short enough to read.
BAR_FROM = 20


class Command(MigrateCommand):
    def handle(self, *args, **options):
        self.bar = None
        # Only for a plain `migrate` of every app, the count the bar shows.
        plain = not (
            options["app_label"] or options["plan"] or options["check_unapplied"]
        )
        if options["verbosity"] == 1 and plain:
            pending = self.pending_count(options["database"])
            if pending >= BAR_FROM:
                self.bar = ProgressBar(self.stdout, pending, "Migrating")
        return super().handle(*args, **options)

    @staticmethod
    def pending_count(database: str) -> int:
        executor = MigrationExecutor(connections[database])
        return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))

    def migration_progress_callback(self, action, migration=None, fake=False):
        if self.bar is None:
            return super().migration_progress_callback(action, migration, fake)
        if action == "apply_success":
            self.bar.advance(str(migration))
