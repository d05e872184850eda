"""Editors and the admin for the breaking news tests."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    # Django caches permissions on the instance; a fresh copy sees the new ones.
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def make_editor(django_user_model, home):
    def make(username="desk", *codenames):
        user = django_user_model.objects.create_user(username, f"{username}@x.test")
        # Breaking news goes out in the editions where its editor publishes:
        # this desk publishes in every edition.
        desk, _ = Group.objects.get_or_create(name="Desk")
        GroupPagePermission.objects.get_or_create(
            group=desk,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename="publish_page"),
        )
        user.groups.add(desk)
        return grant(user, "access_admin", *codenames)

    return make


@pytest.fixture
def desk_editor(make_editor):
    """May publish, edit and withdraw breaking news."""
    return make_editor(
        "desk", "add_breakingitem", "change_breakingitem", "view_breakingitem"
    )


@pytest.fixture
def desk_client(client, desk_editor):
    client.force_login(desk_editor)
    return client


@pytest.fixture
def long_cache(settings):
    """Keep tickers cached for minutes: only an explicit refresh shows a change."""
    settings.MASTHEAD_TICKER_CACHE_SECONDS = 300
