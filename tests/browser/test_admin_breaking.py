"""An editor reaches the breaking-news form in two clicks from anywhere in the
admin, with the cursor waiting in its first field."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_in(browser, live_server, django_user_model):
    ensure_edition_home("en")
    editor = django_user_model.objects.create_user("desk", "desk@x.test")
    editor.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_breakingitem", "view_breakingitem"]
        )
    )
    client = Client()
    client.force_login(editor)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "start", ["/admin/", "/admin/account/", "/admin/snippets/breaking/breakingitem/"]
)
def test_two_clicks_from_anywhere_reach_the_form(signed_in, live_server, start):
    page = signed_in
    page.goto(live_server.url + start)

    page.get_by_role("button", name="Breaking news").click()
    submenu = page.get_by_role("list", name="Breaking news")
    submenu.get_by_role("link", name="Publish breaking news").click()

    page.wait_for_url("**/admin/snippets/breaking/breakingitem/publish/")
    expect(page.get_by_role("heading", name="Publish breaking news")).to_be_visible()
    expect(page.locator("textarea[name=text], input[name=text]")).to_be_focused()
