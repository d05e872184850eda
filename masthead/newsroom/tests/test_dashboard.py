"""The editorial dashboard: each panel lists what the desk must see, only to those
who may see it, and costs the same queries with one row as with many."""

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Workflow
from wagtail.users.models import UserProfile

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.breaking.tests.factories import BreakingItemFactory
from masthead.discovery.tests.conftest import add_views
from masthead.editions.models import TranslationSync
from masthead.newsroom.dashboard import ROWS, add_newsroom_panels
from masthead.newsroom.embargo import set_embargo
from masthead.newsroom.workflows import workflow_name
from masthead.wires.models import WireItem, WireSource, WireUse

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"
# Whatever the number of rows; most of them Most Read's, per edition.
PANEL_QUERIES = 27
FINGERPRINTS = count(1)


def soon(**delta):
    return timezone.now() + timedelta(**delta)


def story(parent, title, **fields):
    return ArticlePageFactory(parent=parent, title=title, **fields)


def reloaded(page):
    # As the admin loads it: the factory's copy does not know its live revision.
    return type(page).objects.get(pk=page.pk)


def schedule(page, go_live_at):
    """Approve the page's next revision to go live at `go_live_at`."""
    page = reloaded(page)
    page.go_live_at = go_live_at
    page.save_revision().publish(skip_permission_checks=True)
    return page


def set_to_expire(page, expire_at):
    page = reloaded(page)
    page.expire_at = expire_at
    page.save_revision().publish(skip_permission_checks=True)
    return page


def draft_story(parent, title):
    page = story(parent, title)
    page.unpublish()
    return page


def submit(page, user, language="en"):
    return Workflow.objects.get(name=workflow_name(language)).start(page, user)


def flag_translation(translation, source):
    return TranslationSync.objects.create(
        translation=translation,
        source=source,
        needs_update=True,
        flagged_at=timezone.now(),
    )


def wire(headline, language="en", **fields):
    source, _ = WireSource.objects.get_or_create(
        name=f"Agency Press ({language})",
        defaults={
            "transport": "folder",
            "folder": f"agency/{language}",
            "locale": Locale.objects.get(language_code=language),
        },
    )
    return WireItem.objects.create(
        source=source,
        guid=headline,
        headline=headline,
        language=language,
        fingerprint=next(FINGERPRINTS),
        **fields,
    )


def use_wire(item, page, user=None):
    """`page` was made from `item`'s first version."""
    return WireUse.objects.create(item=item, version=1, page=page, used_by=user)


def panel(client, user, name):
    """The dashboard panel with the id `name` as `user` sees it, or None."""
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html5lib")
    return page.select_one(f"#{name}-section")


def row_titles(section, list_name=None):
    """The titles of a panel's table; `list_name` picks one of its tables."""
    labelled_by = section["id"].replace("-section", f"-{list_name or 'heading'}")
    table = section.select_one(f"table[aria-labelledby={labelled_by}]")
    if table is None:
        return []
    return [cell.get_text(strip=True) for cell in table.select("tbody th[scope=row]")]


@pytest.fixture
def spanish_politics(spanish, politics):
    return politics.get_translation(spanish)


# Scheduled


def test_scheduled_lists_pages_going_live_and_coming_down(client, chief, politics):
    schedule(story(politics, "Budget vote at noon"), soon(hours=3))
    set_to_expire(story(politics, "Polling stations open"), soon(hours=1))

    section = panel(client, chief, "newsroom-scheduled")

    assert row_titles(section, "changes") == [
        "Polling stations open",
        "Budget vote at noon",
    ]
    cells = [row.get_text(" ", strip=True) for row in section.select("tbody tr")]
    assert "Comes down" in cells[0]
    assert "Goes live" in cells[1]
    assert "in 2" in cells[1]  # hours, in the user's language


def test_scheduled_links_each_story_to_its_editor(client, chief, politics):
    page = schedule(story(politics, "Budget vote at noon"), soon(hours=3))

    section = panel(client, chief, "newsroom-scheduled")

    link = section.select_one("tbody th a")
    assert link["href"] == f"/admin/pages/{page.pk}/edit/"


def test_an_embargo_shows_with_its_time_in_the_users_time_zone(client, chief, politics):
    profile = UserProfile.get_for_user(chief)
    profile.current_time_zone = "Asia/Beirut"
    profile.save()
    page = draft_story(politics, "Central bank rate decision")
    until = datetime(2040, 1, 15, 10, 0, tzinfo=UTC)
    set_embargo(page, until, chief, "Agency embargo, 10:00 GMT")

    section = panel(client, chief, "newsroom-scheduled")

    assert row_titles(section, "embargoes") == ["Central bank rate decision"]
    row = section.select_one("table[aria-labelledby$=embargoes] tbody tr")
    assert "Agency embargo, 10:00 GMT" in row.get_text()
    assert row.select_one("time")["datetime"] == "2040-01-15T12:00:00+02:00"


def test_nothing_scheduled_says_so(client, chief, home):
    section = panel(client, chief, "newsroom-scheduled")

    assert "Nothing scheduled." in section.get_text()
    assert "No story under embargo." in section.get_text()


def test_embargoes_are_for_those_who_may_see_them(client, writer, politics, chief):
    set_embargo(draft_story(politics, "Rate decision"), soon(days=1), chief)

    section = panel(client, writer, "newsroom-scheduled")

    assert "Under embargo" not in section.get_text()
    assert "Rate decision" not in section.get_text()


def test_a_long_list_shows_its_first_rows_and_counts_the_rest(client, chief, politics):
    for number in range(ROWS + 3):
        set_to_expire(story(politics, f"Story {number}"), soon(hours=number + 1))

    section = panel(client, chief, "newsroom-scheduled")

    assert len(row_titles(section, "changes")) == ROWS
    assert "And 3 more." in section.get_text()


# In review


def test_in_review_lists_every_story_in_the_workflow(client, editor, writer, politics):
    page = draft_story(politics, "Court ruling on the port contract")
    submit(page, writer)

    section = panel(client, editor, "newsroom-in-review")

    assert row_titles(section) == ["Court ruling on the port contract"]
    row = section.select_one("tbody tr").get_text(" ", strip=True)
    assert "English desk" in row
    assert "writer" in row
    assert "English" in row


def test_nothing_in_review_says_so(client, editor):
    section = panel(client, editor, "newsroom-in-review")

    assert "Nothing in review." in section.get_text()


# Stale translations


def test_translations_to_update_are_listed(client, chief, politics, spanish_politics):
    original = story(politics, "Talks resume in Cairo")
    translation = story(spanish_politics, "Se reanudan las negociaciones en El Cairo")
    flag_translation(translation, original)

    section = panel(client, chief, "outdated-translations")

    assert row_titles(section) == ["Se reanudan las negociaciones en El Cairo"]
    assert "Talks resume in Cairo" in section.get_text()


def test_the_editions_panel_is_replaced_not_doubled(client, chief, home):
    client.force_login(chief)
    html = client.get(DASHBOARD).content.decode()

    assert html.count("Translations to update") == 1
    assert "Every translation is up to date." in html


# Breaking news


def test_live_breaking_news_is_listed_with_a_link_to_edit_it(client, chief, home):
    item = BreakingItemFactory(text="Explosion reported near the port")
    BreakingItemFactory(text="Yesterday's line", published_at=soon(days=-2))
    BreakingItemFactory(text="Withdrawn line", withdrawn_at=timezone.now())

    section = panel(client, chief, "newsroom-breaking-live")

    assert row_titles(section) == ["Explosion reported near the port"]
    link = section.select_one("tbody th a")["href"]
    assert link == f"/admin/snippets/breaking/breakingitem/edit/{item.pk}/"


def test_no_breaking_news_says_so(client, chief, home):
    section = panel(client, chief, "newsroom-breaking-live")

    assert "No breaking news on the ticker." in section.get_text()


def test_breaking_news_is_for_those_with_its_rights(client, writer, home):
    BreakingItemFactory(text="Explosion reported near the port")

    assert panel(client, writer, "newsroom-breaking-live") is None


# Most read


def test_most_read_ranks_each_editions_stories(client, chief, politics, spanish):
    quiet = story(politics, "Quiet story")
    popular = story(politics, "Popular story")
    add_views(popular, 50, hours_ago=1)
    add_views(quiet, 2, hours_ago=1)

    section = panel(client, chief, "newsroom-most-read")

    headings = [heading.get_text(strip=True) for heading in section.select("h3")]
    assert headings == ["English", "Español"]
    ranked = [item.a.get_text(strip=True) for item in section.select("ol")[0]("li")]
    assert ranked[:2] == ["Popular story", "Quiet story"]


# Wires


def test_wires_waiting_are_listed_and_used_ones_are_not(client, editor, politics):
    wire("Earthquake shakes the coast")
    used = wire("Ministers meet in Geneva")
    use_wire(used, story(politics, "Ministers meet in Geneva"))

    section = panel(client, editor, "newsroom-wires")

    assert row_titles(section, "waiting") == ["Earthquake shakes the coast"]
    assert "Agency Press (en)" in section.get_text()


def test_a_draft_whose_wire_has_a_newer_version_is_flagged(
    client, editor, writer, politics
):
    item = wire("Storm makes landfall", version=2)
    draft = draft_story(politics, "Storm makes landfall in the south")
    use_wire(item, draft, writer)

    section = panel(client, editor, "newsroom-wires")

    assert row_titles(section, "flagged") == ["Storm makes landfall in the south"]
    assert "version 2 has arrived" in section.get_text()


def test_no_wires_says_so(client, editor):
    section = panel(client, editor, "newsroom-wires")

    assert "No wires waiting." in section.get_text()
    assert "Every draft is up to date with its wire." in section.get_text()


def test_wires_are_for_those_with_their_rights(client, spanish_translator):
    wire("Earthquake shakes the coast", language="es")

    assert panel(client, spanish_translator, "newsroom-wires") is None


# Who sees what


def test_a_spanish_editor_sees_only_the_spanish_edition(
    client, spanish_editor, writer, politics, spanish_politics, spanish
):
    schedule(story(politics, "English schedule"), soon(hours=2))
    schedule(story(spanish_politics, "Horario en español"), soon(hours=2))
    submit(draft_story(politics, "English review"), writer)
    BreakingItemFactory(text="English breaking line")
    BreakingItemFactory(text="Última hora en español", locale=spanish)
    add_views(story(politics, "English most read"), 10, hours_ago=1)
    wire("English wire")
    wire("Cable en español", language="es")
    use_wire(wire("English used wire", version=2), story(politics, "English draft"))
    flag_translation(story(politics, "English translation"), spanish_politics)

    client.force_login(spanish_editor)
    text = client.get(DASHBOARD).content.decode()

    assert "Horario en español" in text
    assert "Última hora en español" in text
    assert "Cable en español" in text
    for english in (
        "English schedule",
        "English review",
        "English breaking line",
        "English most read",
        "English wire",
        "English draft",
        "English translation",
    ):
        assert english not in text


def test_a_user_without_page_rights_gets_no_page_panels(
    client, django_user_model, home
):
    user = django_user_model.objects.create_user("visitor", "v@x.test", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))

    for name in (
        "newsroom-scheduled",
        "newsroom-in-review",
        "outdated-translations",
        "newsroom-most-read",
    ):
        assert panel(client, user, name) is None


# Queries


def render_newsroom_panels(user) -> tuple[str, int]:
    """The newsroom's panels as `user` sees them, and the queries they took, for a
    fresh copy of the user (no permissions cached on it)."""
    request = RequestFactory().get(DASHBOARD)
    request.user = type(user).objects.get(pk=user.pk)
    panels = []
    with CaptureQueriesContext(connection) as queries:
        add_newsroom_panels(request, panels)
        html = "".join(
            panel.render_html({"request": request, "csrf_token": ""})
            for panel in panels
        )
    return html, len(queries)


def add_one_of_each(number, politics, spanish_politics, writer, chief):
    """A row for every list: scheduled, expiring, embargoed, in review, to
    translate again, breaking, read, and wires waiting and changed."""
    expiring = set_to_expire(story(politics, f"Scheduled {number}"), soon(hours=3))
    scheduled = schedule(expiring, soon(hours=2))
    embargoed = draft_story(politics, f"Embargoed {number}")
    set_embargo(embargoed, soon(days=1), chief, "Agency embargo")
    submit(embargoed, writer)
    flag_translation(scheduled, story(spanish_politics, f"Original {number}"))
    BreakingItemFactory(text=f"Breaking {number}")
    add_views(scheduled, number + 1, hours_ago=1)
    wire(f"Wire {number}")
    use_wire(wire(f"Used wire {number}", version=2), embargoed, writer)


@pytest.mark.parametrize("viewer", ["chief", "editor"])
def test_the_panels_take_the_same_queries_for_one_row_as_for_many(
    request, viewer, politics, spanish_politics, writer, chief
):
    user = request.getfixturevalue(viewer)
    # Enough readers for Most Read to rank without padding, in both cases.
    for number in range(5):
        add_views(story(politics, f"Read {number}"), 100, hours_ago=1)
    add_one_of_each(0, politics, spanish_politics, writer, chief)
    render_newsroom_panels(user)  # content types and locale names are cached
    _html, with_one = render_newsroom_panels(user)
    for number in range(1, 15):
        add_one_of_each(number, politics, spanish_politics, writer, chief)

    html, with_fifteen = render_newsroom_panels(user)

    assert with_fifteen == with_one <= PANEL_QUERIES
    # Every list is full and counts the rest: the rows were there to be fetched.
    assert html.count("And 5 more.") == 5  # embargoes, reviews, syncs, breaking, wires
    assert "And 20 more." in html  # 15 going live and 15 coming down
    assert "More are waiting." in html
