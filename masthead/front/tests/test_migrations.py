"""The home page moved from `editions` to `front` with every row it had."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.models import HomePage, HomeTopStory
from masthead.front.setup import ensure_edition_home
from masthead.sections.models import SectionPage

BEFORE_THE_MOVE = [("editions", "0007_page_menu_index"), ("front", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest_migrations():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_home_pages_and_their_top_stories_keep_their_rows_across_the_move():
    home = ensure_edition_home("en")
    section = home.add_child(instance=SectionPage(title="News", slug="news"))
    story = ArticlePageFactory(parent=section)
    HomeTopStory.objects.create(home=home, story=story, sort_order=0)
    home_type = ContentType.objects.get_for_model(HomePage)

    migrate(BEFORE_THE_MOVE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_ptr_id, site_name FROM editions_homepage")
        assert cursor.fetchall() == [(home.pk, home.site_name)]
        cursor.execute("SELECT home_id, story_id FROM editions_hometopstory")
        assert cursor.fetchall() == [(home.pk, story.pk)]
        cursor.execute(
            "SELECT app_label FROM django_content_type WHERE id = %s", [home_type.pk]
        )
        assert cursor.fetchall() == [("editions",)]

    migrate(latest_migrations())
    ContentType.objects.clear_cache()
    moved = Page.objects.get(pk=home.pk).specific
    assert isinstance(moved, HomePage)
    assert (moved.site_name, moved.slogan) == (home.site_name, home.slogan)
    assert [pin.story_id for pin in moved.top_stories.all()] == [story.pk]
    assert ContentType.objects.get(pk=home_type.pk).app_label == "front"
