"""Sources in the admin: add with validation, the edit page's errors, Poll now,
and the list of source errors."""

import os
import time

import pytest
from django.urls import reverse
from wagtail.models import Locale

from masthead.wires.models import WireItem, WireSource, WireSourceError

from .conftest import grant
from .documents import ninjs, ninjs_item
from .factories import WireSourceFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/wires/sources/new/"


def form_data(**overrides):
    return {
        "name": "Reuters world",
        "format": "rss",
        "transport": "http",
        "url": "https://wires.example.com/world.rss",
        "folder": "",
        "credit": "Reuters",
        "locale": Locale.get_default().pk,
        "auto_draft_section": "",
        "poll_interval": "30",
        "enabled": "on",
        **overrides,
    }


def test_adds_a_source_on_an_allowed_host(admin_client, settings):
    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com"]

    response = admin_client.post(ADD_URL, form_data())

    assert response.status_code == 302
    assert WireSource.objects.get().url == "https://wires.example.com/world.rss"


def test_a_host_not_allowed_is_refused_with_the_list(admin_client, settings):
    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com", "127.0.0.1"]

    response = admin_client.post(
        ADD_URL, form_data(url="https://intranet.local/secret")
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["url"]
    assert errors == [
        "Host intranet.local is not in MASTHEAD_WIRE_HOSTS "
        "(allowed: wires.example.com, 127.0.0.1)."
    ]
    assert not WireSource.objects.exists()


@pytest.mark.parametrize("folder", ["/etc", "../outside", "a/../../b", ".hidden"])
def test_a_folder_outside_the_drop_root_is_refused(admin_client, folder):
    response = admin_client.post(
        ADD_URL, form_data(transport="folder", url="", folder=folder)
    )
    assert response.status_code == 200
    assert "folder" in response.context["form"].errors


def test_a_poll_interval_below_ten_seconds_is_refused(admin_client, settings):
    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com"]
    response = admin_client.post(ADD_URL, form_data(poll_interval="5"))
    assert "poll_interval" in response.context["form"].errors


def test_drafts_go_to_a_section_of_the_sources_edition(admin_client, news, settings):
    from masthead.front.setup import ensure_edition_home

    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com"]
    spanish = Locale.objects.get(pk=ensure_edition_home("es").locale_id)

    response = admin_client.post(
        ADD_URL, form_data(locale=spanish.pk, auto_draft_section=news.pk)
    )

    assert "auto_draft_section" in response.context["form"].errors


def test_the_edit_page_shows_recent_errors_and_poll_now(admin_client):
    source = WireSourceFactory()
    WireSourceError.objects.record(
        source, [("wires.example.com answered HTTP 503", "")]
    )

    response = admin_client.get(reverse("wires_sources:edit", args=[source.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "wires.example.com answered HTTP 503" in html
    assert reverse("wires_sources:poll", args=[source.pk]) in html


def test_poll_now_reads_the_source_and_says_what_came(admin_client, drop_root):
    source = WireSourceFactory(folder="agency")
    (drop_root / "agency").mkdir()
    path = drop_root / "agency" / "one.json"
    path.write_bytes(ninjs(ninjs_item("urn:1")))
    os.utime(path, (time.time() - 5, time.time() - 5))
    poll_url = reverse("wires_sources:poll", args=[source.pk])

    assert admin_client.get(poll_url).status_code == 200
    response = admin_client.post(poll_url, follow=True)

    assert WireItem.objects.count() == 1
    assert "1 new" in response.content.decode()


def test_poll_now_needs_the_right_to_change_sources(client, django_user_model, home):
    source = WireSourceFactory()
    user = grant(
        django_user_model.objects.create_user("w", "w@x.test"),
        "access_admin",
        "view_wiresource",
    )
    client.force_login(user)
    response = client.post(reverse("wires_sources:poll", args=[source.pk]))
    assert response.status_code in (302, 403)


def test_the_errors_list_filters_by_source(admin_client):
    first, second = WireSourceFactory(), WireSourceFactory()
    WireSourceError.objects.record(first, [("First problem", "")])
    WireSourceError.objects.record(second, [("Second problem", "")])

    response = admin_client.get(f"/admin/wires/errors/?source={first.pk}")

    html = response.content.decode()
    assert "First problem" in html
    assert "Second problem" not in html


def test_the_menu_offers_what_the_user_may_see(client, wire_editor):
    client.force_login(wire_editor)
    html = client.get("/admin/").content.decode()
    assert "Incoming wires" in html
    assert "/admin/wires/sources/" not in html


def test_items_cannot_be_added_or_edited_even_by_a_superuser(admin_client):
    assert admin_client.get("/admin/wires/incoming/new/").status_code == 404
    assert admin_client.get("/admin/wires/errors/new/").status_code == 404
