"""The editions machines can read: each live home page that has an address.

Feeds, sitemaps and the OpenSearch document are built per edition. They work
from stored `url_path`s rather than page instances, so that 100,000 stories cost
no more memory than one: `Edition.url_for` turns a url_path into the address the
page is served at, as Wagtail's own routing would.
"""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri

from masthead.common.absolute import absolute_url
from masthead.front.models import HomePage


@dataclass(frozen=True)
class Edition:
    home: HomePage
    language_code: str
    path: str  # where the home page is served: "/" or "/ar/"

    @property
    def name(self) -> str:
        return self.home.site_name

    def url_for(self, url_path: str) -> str:
        """Absolute, URI-escaped address of a page of this edition."""
        relative = self.path + url_path[len(self.home.url_path) :]
        return iri_to_uri(absolute_url(relative))

    def reverse(self, viewname: str, **kwargs) -> str:
        """Absolute address of a URL named in i18n_patterns, in this edition."""
        with translation.override(self.language_code):
            return iri_to_uri(absolute_url(reverse(viewname, kwargs=kwargs)))


def _edition(home: HomePage) -> Edition | None:
    path = home.get_url()
    if not path:  # no Site serves it, so no reader can reach it either
        return None
    return Edition(home=home, language_code=home.locale.language_code, path=path)


def live_editions() -> list[Edition]:
    homes = HomePage.objects.live().select_related("locale").order_by("path")
    return [edition for home in homes if (edition := _edition(home)) is not None]


def edition_or_404(language_code: str) -> Edition:
    home = (
        HomePage.objects.live()
        .select_related("locale")
        .filter(locale__language_code=language_code)
        .first()
    )
    edition = _edition(home) if home is not None else None
    if edition is None:
        raise Http404("No such edition.")
    return edition
