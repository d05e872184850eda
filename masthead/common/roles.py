"""The page models that fill a role across the site, looked up by name.

An edition's home page belongs to the site's composition (`masthead.front`) and the
story to `masthead.articles`; both sit above code that needs them (listings, date
formats, the language switcher). Naming them in settings, as Django names its user
model and Wagtail its image model, keeps every import pointing down.
"""

from django.apps import apps
from django.conf import settings


def home_page_model():
    """The page type at the root of each edition; its fields are the edition's
    settings (site name, time zone, date format, digits, logo)."""
    return apps.get_model(settings.MASTHEAD_HOME_PAGE_MODEL, require_ready=False)


def story_page_model():
    """The page type that listings, feeds, sitemaps and boxes show as stories."""
    return apps.get_model(settings.MASTHEAD_STORY_PAGE_MODEL, require_ready=False)
