"""The home page and its top stories now belong to `masthead.front`.

The tables are renamed here and the models leave this app's state; front's first
migration takes them over without touching a row (docs/architecture.md).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0007_page_menu_index"),
    ]

    operations = [
        migrations.AlterModelTable("homepage", "front_homepage"),
        migrations.AlterModelTable("hometopstory", "front_hometopstory"),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel("HomeTopStory"),
                migrations.DeleteModel("HomePage"),
            ],
        ),
    ]
