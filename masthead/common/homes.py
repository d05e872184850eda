"""Which edition a page or request belongs to: its home page."""

from django.utils import translation
from wagtail.models import Locale, Page

from .roles import home_page_model

HOME_DEPTH = 2  # the tree's root is depth 1; each edition's home sits under it


def edition_home(language_code: str | None = None):
    """The home of the edition in this language (default: the active one)."""
    language_code = language_code or translation.get_language() or "en"
    homes = home_page_model().objects.select_related("locale")
    # An edition without its own home falls back to the default one.
    return (
        homes.filter(locale__language_code=language_code).first()
        or homes.filter(locale=Locale.get_default()).first()
    )


def home_for(request, page=None):
    """The home of the edition `page` belongs to (else the request's language);
    looked up once per request."""
    if request is not None and hasattr(request, "_masthead_home"):
        return request._masthead_home
    home_model = home_page_model()
    home = None
    if isinstance(page, home_model):
        home = page
    elif isinstance(page, Page) and page.depth > HOME_DEPTH:
        home = (
            home_model.objects.select_related("locale")
            .filter(path=page.path[: Page.steplen * HOME_DEPTH])
            .first()
        )
    home = home or edition_home()
    if request is not None:
        request._masthead_home = home
    return home
