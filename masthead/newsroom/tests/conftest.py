from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.setup import ensure_edition_home
from masthead.newsroom.roles import EDITOR, TRANSLATOR, WRITER, edition_group
from masthead.newsroom.setup import ensure_newsroom


class Clock:
    """The time as Django and Wagtail see it (`timezone.now`), moved by tests."""

    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def move(self, **delta) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


@pytest.fixture
def clock(monkeypatch):
    moved = Clock(datetime(2026, 12, 4, 9, 0, tzinfo=UTC))
    monkeypatch.setattr(timezone, "now", moved)
    return moved


@pytest.fixture
def spanish(home, news, politics):
    ensure_edition_home("es", "Masthead en español")
    locale = Locale.objects.get(language_code="es")
    for section in (news, politics):
        copy = section.copy_for_translation(locale)
        copy.save_revision().publish(skip_permission_checks=True)
    return locale


@pytest.fixture
def groups(home, spanish):
    return ensure_newsroom()


def member_of(django_user_model, name: str, *groups):
    user = django_user_model.objects.create_user(name, f"{name}@masthead.test", "pw")
    user.groups.add(*groups)
    return user


@pytest.fixture
def writer(groups, django_user_model):
    return member_of(django_user_model, "writer", edition_group(WRITER, "en"))


@pytest.fixture
def editor(groups, django_user_model):
    return member_of(django_user_model, "editor", edition_group(EDITOR, "en"))


@pytest.fixture
def spanish_editor(groups, django_user_model):
    return member_of(django_user_model, "editora", edition_group(EDITOR, "es"))


@pytest.fixture
def spanish_translator(groups, django_user_model):
    return member_of(django_user_model, "traductora", edition_group(TRANSLATOR, "es"))


@pytest.fixture
def chief(django_user_model):
    return django_user_model.objects.create_superuser("chief", "c@masthead.test", "pw")


@pytest.fixture
def draft(politics, author):
    """An English story that has never been published."""
    page = ArticlePageFactory.build(
        title="Ceasefire talks to resume in Cairo", slug="ceasefire-talks", live=False
    )
    from masthead.articles.models import ArticleAuthor

    page.authors = [ArticleAuthor(author=author, sort_order=0)]
    politics.add_child(instance=page)
    page.save_revision()
    return page


def edit_form_data(client, page) -> dict:
    """The edit form as the admin sends it back, with the body re-encoded (the
    stream field's widget is filled in by JavaScript)."""
    from wagtail.test.utils.form_data import (
        nested_form_data,
        querydict_from_html,
        rich_text,
        streamfield,
    )

    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content
    data = querydict_from_html(html.decode(), form_id="page-edit-form")
    body = [(b.block_type, rich_text(b.value.source)) for b in page.specific.body]
    data.update(nested_form_data({"body": streamfield(body)}))
    return data
