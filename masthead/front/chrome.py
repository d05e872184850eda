"""What every page of an edition shows around its content: masthead, menu, footer."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from masthead.caching import keys as surrogate_keys
from masthead.common.homes import home_for
from masthead.regions.models import Region
from masthead.sections.models import SectionPage

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


def build_chrome(home: HomePage | None) -> Chrome:
    """The menu and footer of one edition: its page tree in one query, its regions
    in another."""
    if home is None:
        return Chrome(home=None, menu=[], footer=[])
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


def chrome_for(request, page=None) -> Chrome:
    """The chrome of the edition `page` belongs to, computed once per request."""
    cached = getattr(request, "_masthead_chrome", None)
    if cached is not None:
        return cached
    chrome = build_chrome(home_for(request, page))
    if chrome.home is not None:
        surrogate_keys.add(surrogate_keys.menu(chrome.home.locale.language_code))
    if request is not None:
        request._masthead_chrome = chrome
    return chrome
