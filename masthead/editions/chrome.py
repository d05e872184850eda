"""What every page of an edition shows around its content: masthead, menu, footer."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import Locale, Page

from masthead.caching import keys as surrogate_keys

from .models import HomePage


@dataclass
class MenuItem:
    page: Page
    children: list["MenuItem"] = field(default_factory=list)


@dataclass
class Chrome:
    home: HomePage | None
    menu: list[MenuItem]
    footer: list[Page]
    # The second taxonomy, after the sections in the menu (the reference's "Regions").
    regions: list = field(default_factory=list)


def edition_home(language_code: str | None = None) -> HomePage | None:
    language_code = language_code or translation.get_language() or "en"
    homes = HomePage.objects.select_related("locale")
    # An edition without its own home falls back to the default one.
    return (
        homes.filter(locale__language_code=language_code).first()
        or homes.filter(locale=Locale.get_default()).first()
    )


def build_chrome(home: HomePage | None) -> Chrome:
    """The menu and footer of one edition: its page tree in one query, its regions
    in another."""
    if home is None:
        return Chrome(home=None, menu=[], footer=[])
    from masthead.regions.models import Region
    from masthead.sections.models import SectionPage

    section_type = ContentType.objects.get_for_model(SectionPage).id
    pages = (
        Page.objects.descendant_of(home)
        .filter(depth__lte=home.depth + 2)
        .live()
        .in_menu()
        .only("id", "path", "depth", "title", "url_path", "slug", "content_type_id")
        .order_by("path")
    )
    menu: list[MenuItem] = []
    footer: list[Page] = []
    by_path: dict[str, MenuItem] = {}
    for page in pages:
        if page.depth == home.depth + 1:
            if page.content_type_id == section_type:
                by_path[page.path] = MenuItem(page)
                menu.append(by_path[page.path])
            else:
                footer.append(page)
        elif page.content_type_id == section_type:
            parent = by_path.get(page.path[: -Page.steplen])
            if parent is not None:
                parent.children.append(MenuItem(page))
    regions = list(
        Region.objects.filter(locale_id=home.locale_id).only("id", "name", "slug")
    )
    return Chrome(home=home, menu=menu, footer=footer, regions=regions)


HOME_DEPTH = 2  # the tree's root is depth 1; each edition's home sits under it


def chrome_for(request, page=None) -> Chrome:
    """The chrome of the edition `page` belongs to, computed once per request."""
    cached = getattr(request, "_masthead_chrome", None)
    if cached is not None:
        return cached
    home = None
    if isinstance(page, HomePage):
        home = page
    elif isinstance(page, Page) and page.depth > HOME_DEPTH:
        home = (
            HomePage.objects.select_related("locale")
            .filter(path=page.path[: Page.steplen * HOME_DEPTH])
            .first()
        )
    chrome = build_chrome(home or edition_home())
    if chrome.home is not None:
        surrogate_keys.add(surrogate_keys.menu(chrome.home.locale.language_code))
    if request is not None:
        request._masthead_chrome = chrome
    return chrome
