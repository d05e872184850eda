"""Links between editions: the language switcher and hreflang alternates."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from masthead.common.absolute import absolute_url
from masthead.common.roles import home_page_model

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass
class EditionLink:
    language_code: str
    name: str
    url: str
    is_translation: bool  # the same story in that language, not just its home


@dataclass
class EditionLinks:
    switcher: list[EditionLink]  # the other editions
    alternates: list[tuple[str, str]]  # (hreflang, absolute URL), x-default last


def is_routable_subpage(request) -> bool:
    """A tag, region or author page: a route below a page, which has no
    translation of its own (the page's own "" route is the page itself)."""
    match = getattr(request, "routable_resolver_match", None)
    return match is not None and match.route != ""


def edition_links(request, page=None) -> EditionLinks:
    """Where each other edition's link leads from this page; two queries."""
    cached = getattr(request, "_edition_links", None)
    if cached is not None:
        return cached
    current = translation.get_language() or settings.LANGUAGE_CODE
    homes = {
        home.locale.language_code: home
        for home in home_page_model().objects.live().select_related("locale")
    }
    translations: dict[str, Page] = {}
    if isinstance(page, Page) and not is_routable_subpage(request):
        translations = {
            other.locale.language_code: other
            for other in Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
            .only(
                "id", "url_path", "path", "depth", "locale__language_code", "locale_id"
            )
        }
    switcher = []
    for code, _name in settings.LANGUAGES:
        if code == current or code not in homes:
            continue
        target = translations.get(code) or homes[code]
        switcher.append(
            EditionLink(
                code,
                LANGUAGE_NAMES[code],
                target.get_url(request),
                is_translation=code in translations,
            )
        )
    alternates = []
    if len(translations) > 1:
        alternates = [
            (code, absolute_url(translations[code].get_url(request)))
            for code, _name in settings.LANGUAGES
            if code in translations
        ]
        default = translations.get(settings.LANGUAGE_CODE)
        if default is not None:
            alternates.append(("x-default", absolute_url(default.get_url(request))))
    links = EditionLinks(switcher, alternates)
    if request is not None:
        request._edition_links = links
    return links
