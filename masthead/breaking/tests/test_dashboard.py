"""Editors publish a line from the dashboard in one short form."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from masthead.breaking.models import BreakingItem
from masthead.editions.setup import ensure_edition_home

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
