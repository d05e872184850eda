"""Sources, drop folders and items for the wires tests."""

import os
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale

from masthead.authors.tests.factories import AuthorFactory
from masthead.wires.models import WireSource

from .agency import serving
from .documents import ninjs


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def drop_root(settings, tmp_path) -> Path:
    root = tmp_path / "wires"
    root.mkdir()
    settings.MASTHEAD_WIRE_DROP_ROOT = root
    return root


@pytest.fixture
def folder_source(home, drop_root):
    (drop_root / "agency").mkdir()
    return WireSource.objects.create(
        name="Agency Press (EN)",
        format="ninjs",
        transport="folder",
        folder="agency",
        credit="Agency Press",
        locale=Locale.get_default(),
    )


@pytest.fixture
def drop(folder_source, drop_root):
    """Write a document into the folder source's drop folder, old enough to read."""
    counter = iter(range(1, 10_000))

    def write(data: bytes = b"", name: str | None = None) -> Path:
        path = drop_root / folder_source.folder / (name or f"doc-{next(counter)}.json")
        path.write_bytes(data or ninjs())
        settled = time.time() - 5
        os.utime(path, (settled, settled))
        return path

    return write


@pytest.fixture
def agency(settings):
    """A local agency server, its host allowed."""
    settings.MASTHEAD_WIRE_HOSTS = ["127.0.0.1"]
    settings.MASTHEAD_WIRE_TIMEOUT_SECONDS = 5
    with serving() as base_url:
        yield base_url


@pytest.fixture
def desk(home):
    return AuthorFactory(name="The Masthead English", slug="desk", is_desk=True)


@pytest.fixture
def wire_editor(django_user_model, home, news):
    """May see and use wires, and add pages under the English home."""
    group = Group.objects.create(name="Wire writers")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = django_user_model.objects.create_user("writer", "writer@x.test")
    user.groups.add(group)
    return grant(user, "access_admin", "view_wireitem", "add_wireuse")


@pytest.fixture
def wire_client(client, wire_editor):
    client.force_login(wire_editor)
    return client
