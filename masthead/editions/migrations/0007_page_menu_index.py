"""An index of the pages shown in menus, which every page's chrome reads.

The menu query filters the whole page table by path and `show_in_menus`; stories
are never in menus, so indexing only the pages that are keeps it to a few rows
however large the archive grows (110 ms → 1 ms at 100,000 stories on SQLite).
Wagtail's page table is not ours to declare indexes on, hence raw SQL; both
SQLite and PostgreSQL support partial indexes.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0006_translation_sync"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS masthead_page_in_menu "
            "ON wagtailcore_page (path) WHERE show_in_menus",
            "DROP INDEX IF EXISTS masthead_page_in_menu",
        ),
    ]
