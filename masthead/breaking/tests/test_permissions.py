"""Only editors allowed to add breaking news see and use the form."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from masthead.breaking.models import BreakingItem
from masthead.breaking.tests.factories import BreakingItemFactory

pytestmark = pytest.mark.django_db

PUBLISH = reverse("wagtailsnippets_breaking_breakingitem:publish")


def withdraw_url(item):
    return reverse("wagtailsnippets_breaking_breakingitem:withdraw", args=[item.pk])


@pytest.fixture
def reader_client(client, make_editor):
    """Has the admin, but no breaking news permission."""
    client.force_login(make_editor("reader"))
    return client


@pytest.fixture
def viewer_client(client, make_editor):
    client.force_login(make_editor("viewer", "view_breakingitem"))
    return client


def test_without_the_add_permission_there_is_no_form(reader_client):
    response = reader_client.get("/admin/")

    assert response.status_code == 200
    assert 'id="breaking-news-section"' not in response.content.decode()


def refused(response):
    # The admin answers a refusal by sending the editor back to the dashboard.
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_without_the_add_permission_posting_is_refused(reader_client):
    response = reader_client.post(
        PUBLISH, {"text": "Airport closed", "locale": Locale.get_default().pk}
    )

    assert refused(response)
    assert not BreakingItem.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, home):
    response = client.post(
        PUBLISH, {"text": "Airport closed", "locale": Locale.get_default().pk}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not BreakingItem.objects.exists()


def test_withdrawing_needs_the_change_permission(viewer_client):
    item = BreakingItemFactory()

    assert refused(viewer_client.post(withdraw_url(item)))
    item.refresh_from_db()
    assert item.withdrawn_at is None


def test_nobody_deletes_a_line_not_even_a_superuser(admin_client, home):
    item = BreakingItemFactory()
    delete_url = reverse("wagtailsnippets_breaking_breakingitem:delete", args=[item.pk])

    assert refused(admin_client.post(delete_url))
    assert BreakingItem.objects.filter(pk=item.pk).exists()
    listing = admin_client.get(
        reverse("wagtailsnippets_breaking_breakingitem:list")
    ).content.decode()
    assert delete_url not in listing
