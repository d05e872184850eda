"""The cache knows a page type only by the keys the type declares."""

import pytest
from django.test import Client

from masthead.caching import keys
from masthead.caching.models import CachedResponseKey
from masthead.caching.pages import CachedPage, default_purge_keys
from masthead.caching.purge import keys_for_page
from masthead.pages.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    page = home.add_child(instance=StandardPage(title="About Us", slug="about"))
    page.save_revision().publish(skip_permission_checks=True)
    return page


def test_every_page_type_of_the_site_declares_its_keys():
    from django.apps import apps
    from wagtail.models import Page

    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page
        and model.__module__.startswith("masthead.")
    ]  # fmt: skip
    assert page_types
    assert all(issubclass(model, CachedPage) for model in page_types)


def test_a_change_purges_what_the_page_type_declares(about, monkeypatch):
    declared = {keys.page(about.pk), "programme:evening-news"}
    monkeypatch.setattr(StandardPage, "purge_keys", lambda page: declared)

    assert keys_for_page(about) == declared


def test_a_page_type_that_declares_nothing_purges_the_defaults(about):
    assert keys_for_page(about) == default_purge_keys(about)
    assert keys.menu("en") in keys_for_page(about)  # it sits under the home


def test_a_served_page_carries_the_keys_its_type_declares(
    page_cache, about, monkeypatch
):
    monkeypatch.setattr(
        StandardPage,
        "cache_keys",
        lambda page: {keys.page(page.pk), "programme:evening-news"},
    )

    assert Client().get(about.url).status_code == 200

    stored = set(CachedResponseKey.objects.values_list("key", flat=True))
    assert {keys.page(about.pk), "programme:evening-news"} <= stored
