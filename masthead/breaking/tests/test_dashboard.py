"""Editors publish a line from the dashboard in one short form."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from masthead.breaking.models import BreakingItem
from masthead.breaking.tests.conftest import grant
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"
PUBLISH = reverse("wagtailsnippets_breaking_breakingitem:publish")


def panel_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib").select_one(
        "#breaking-news-section"
    )


def form_data(**overrides):
    return {
        "text": "Three drones launched toward the north",
        "attribution": "Israeli media",
        "story": "",
        "locale": Locale.get_default().pk,
        "next": DASHBOARD,
        **overrides,
    }


def test_the_dashboard_has_the_publish_form(desk_client):
    panel = panel_of(desk_client.get(DASHBOARD))

    form = panel.select_one("form")
    assert form["action"] == PUBLISH
    assert form["method"] == "post"
    fields = {field["name"] for field in form.select("[name]")}
    assert {"text", "attribution", "story", "locale", "csrfmiddlewaretoken"} <= fields
    assert form.select_one("[name=text]")["maxlength"] == "280"


def test_one_post_from_the_dashboard_publishes(
    desk_client, desk_editor, article, long_cache, django_capture_on_commit_callbacks
):
    assert "Three drones" not in desk_client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = desk_client.post(PUBLISH, form_data(story=article.pk), follow=True)

    item = BreakingItem.objects.get()
    assert item.is_live
    assert (item.text, item.attribution, item.story) == (
        "Three drones launched toward the north",
        "Israeli media",
        article,
    )
    assert item.published_by == desk_editor
    assert response.redirect_chain == [(DASHBOARD, 302)]
    assert "Published to the English ticker: Israeli media: Three drones" in (
        response.content.decode()
    )
    front_page = BeautifulSoup(desk_client.get("/").content, "html5lib")
    assert front_page.select_one(".ticker__line").get_text() == (
        "Israeli media: Three drones launched toward the north"
    )


def test_a_line_too_long_is_shown_again_with_the_error(desk_client):
    text = "An editor's long line that must not be lost." * 7
    assert len(text) == 308

    response = desk_client.post(PUBLISH, form_data(text=text))

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html5lib")
    assert "Keep breaking news to 280 characters; this has 308." in page.get_text()
    assert page.select_one("textarea[name=text]").get_text().strip() == text
    assert page.select_one("[name=attribution]")["value"] == "Israeli media"
    assert not BreakingItem.objects.exists()


def test_an_empty_line_is_refused_with_a_message(desk_client):
    response = desk_client.post(PUBLISH, form_data(text=""))

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not BreakingItem.objects.exists()


@pytest.mark.parametrize(
    "overrides", [{"locale": "999"}, {"locale": "abc"}, {"story": "abc"}]
)
def test_bad_choices_are_errors_not_crashes(desk_client, overrides):
    response = desk_client.post(PUBLISH, form_data(**overrides))

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not BreakingItem.objects.exists()


def test_the_edition_defaults_to_the_editors_language(desk_client, desk_editor):
    ensure_edition_home("ar")
    arabic = Locale.objects.get(language_code="ar")
    profile = UserProfile.get_for_user(desk_editor)
    profile.preferred_language = "ar"
    profile.save()

    panel = panel_of(desk_client.get(DASHBOARD))

    selected = panel.select_one("[name=locale] option[selected]")
    assert selected["value"] == str(arabic.pk)


def test_the_edition_otherwise_defaults_to_the_default_one(desk_client):
    panel = panel_of(desk_client.get(DASHBOARD))

    selected = panel.select_one("[name=locale] option[selected]")
    assert selected["value"] == str(Locale.get_default().pk)


def test_after_publishing_the_editor_never_leaves_the_site(desk_client):
    response = desk_client.post(PUBLISH, form_data(next="https://evil.example/"))

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea"


def test_the_panel_is_headed_for_what_it_does_and_starts_with_the_line(desk_client):
    panel = panel_of(desk_client.get(DASHBOARD))

    heading = panel.select_one(".w-panel__heading")
    assert heading.get_text(strip=True) == "Publish breaking news"
    # Tabbing into the panel's content lands on the line to publish first.
    first = panel.select_one(".w-panel__content").select(FOCUSABLE)[0]
    assert first["name"] == "text"


def sidebar_menu(client) -> list[dict]:
    """The admin's main menu, as the sidebar receives it: [{name, label, url,
    children}]."""
    response = client.get("/admin/account/")
    soup = BeautifulSoup(response.content, "html5lib")
    props = json.loads(soup.select_one("#wagtail-sidebar-props").string)
    module = next(
        m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule"
    )

    def item(entry):
        fields = entry["_args"][0]
        # A submenu's second argument is its children; the page explorer's is
        # its start page.
        children = entry["_args"][1] if len(entry["_args"]) > 1 else []
        if not isinstance(children, list):
            children = []
        return {**fields, "children": [item(child) for child in children]}

    return [item(entry) for entry in module["_args"][0]]


def test_the_admin_menu_leads_to_the_form_in_two_clicks(desk_client):
    breaking = next(
        i for i in sidebar_menu(desk_client) if i["name"] == "breaking-news"
    )

    # The first click opens "Breaking news", the second opens the form.
    first = breaking["children"][0]
    assert (first["label"], first["url"]) == ("Publish breaking news", PUBLISH)
    form_page = BeautifulSoup(desk_client.get(PUBLISH).content, "html5lib")
    assert form_page.select_one("[name=text]").has_attr("autofocus")


def test_the_menu_offers_the_form_only_to_those_who_may_publish(client, make_editor):
    client.force_login(make_editor("reader", "view_breakingitem"))

    breaking = next(i for i in sidebar_menu(client) if i["name"] == "breaking-news")

    assert [child["label"] for child in breaking["children"]] == ["Published lines"]


@pytest.fixture
def english_only_editor(django_user_model, home):
    """An editor who publishes in English only, with Arabic beside it."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    ensure_edition_home("ar")
    english_desk = Group.objects.create(name="English desk")
    GroupPagePermission.objects.create(
        group=english_desk,
        page=home,
        permission=Permission.objects.get(codename="publish_page"),
    )
    editor = django_user_model.objects.create_user("english", "e@x.test")
    editor.groups.add(english_desk)
    return grant(
        editor, "access_admin", "add_breakingitem", "view_breakingitem",
        "change_breakingitem",
    )  # fmt: skip


def test_an_editor_publishes_only_in_the_editions_of_their_rights(
    client, english_only_editor, home
):
    client.force_login(english_only_editor)

    arabic = Locale.objects.get(language_code="ar")
    response = client.post(PUBLISH, form_data(locale=arabic.pk))

    assert response.status_code == 200
    assert "locale" in response.context["form"].errors
    assert not BreakingItem.objects.exists()
    offered = panel_of(client.get(DASHBOARD)).select("[name=locale] option[value]")
    assert [o["value"] for o in offered if o["value"]] == [str(home.locale_id)]


def test_lines_of_other_editions_are_read_but_not_changed(client, english_only_editor):
    from masthead.breaking.actions import publish_breaking_item
    from masthead.breaking.admin_views import breaking_url

    arabic = Locale.objects.get(language_code="ar")
    line = publish_breaking_item(locale=arabic, text="خبر عاجل من القاهرة")
    client.force_login(english_only_editor)

    listing = client.get(breaking_url("list")).content.decode()
    assert "خبر عاجل من القاهرة" in listing
    assert breaking_url("withdraw", line.pk) not in listing
    assert client.get(breaking_url("edit", line.pk)).status_code == 302
    client.post(breaking_url("withdraw", line.pk))
    line.refresh_from_db()
    assert line.withdrawn_at is None
