"""Page types with few pages are found without scanning the archive."""

import pytest
from django.db import connection
from wagtail.models import Page

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.models import HomePage
from masthead.sections.models import SectionPage

pytestmark = pytest.mark.django_db


def test_few_pages_are_looked_up_through_their_own_table(home, politics):
    sql = str(SectionPage.objects.live().query)

    assert 'IN (SELECT U0."page_ptr_id" AS "pk" FROM "sections_sectionpage" U0)' in sql
    ArticlePageFactory(parent=politics)
    # Only sections, however the page table is filtered.
    assert set(SectionPage.objects.live()) == {
        page.specific for page in Page.objects.type(SectionPage).live()
    }
    assert list(HomePage.objects.live()) == [home]


def test_the_menu_pages_have_an_index_of_their_own():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "wagtailcore_page"
        )
    assert constraints["masthead_page_in_menu"]["columns"] == ["path"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_menu_query_reads_only_the_menu_index(home, politics):
    menu = (
        Page.objects.descendant_of(home)
        .filter(depth__lte=home.depth + 2)
        .live()
        .in_menu()
        .order_by("path")
    )
    sql, params = menu.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(row[3] for row in cursor.fetchall())
    assert "USING INDEX masthead_page_in_menu" in plan
