"""Structured data for listings and the home page (schema.org, as JSON-LD).

The article page's own NewsArticle data lives with the articles; this covers what
describes the site and its lists: the edition as a WebSite that can be searched
and an Organization with its logo and profiles, and every listing as a
CollectionPage whose ItemList names the stories (or authors) shown.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from masthead.authors.models import AuthorIndexPage
from masthead.common.absolute import absolute_url
from masthead.front.models import HomePage

SCHEMA = "https://schema.org"
# Shown when the edition has no logo of its own; the same picture the articles
# name as their publisher's logo.
DEFAULT_LOGO = "img/logo.png"


def _logo_url(home) -> str:
    if home.logo_id:  # only then is the picture worth a query
        return absolute_url(home.logo.file.url)
    try:
        return absolute_url(static(DEFAULT_LOGO))
    except ValueError:  # not collected: better no logo than a broken page
        return ""


def social_profiles(home) -> list[str]:
    lines = (line.strip() for line in home.social_profiles.splitlines())
    return [line for line in lines if line.startswith(("https://", "http://"))]


def edition_identity(home, language_code: str, request=None) -> list[dict]:
    """WebSite with a SearchAction, and the Organization behind it."""
    home_url = absolute_url(home.get_url(request))
    with translation.override(language_code):
        search_url = absolute_url(reverse("search:search"))
    organization = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": f"{home_url}#organization",
        "name": home.site_name,
        "url": home_url,
    }
    logo = _logo_url(home)
    if logo:
        organization["logo"] = {"@type": "ImageObject", "url": logo}
    profiles = social_profiles(home)
    if profiles:
        organization["sameAs"] = profiles
    website = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": f"{home_url}#website",
        "name": home.site_name,
        "url": home_url,
        "inLanguage": language_code,
        "publisher": {"@id": organization["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    if home.slogan:
        website["description"] = home.slogan
    return [website, organization]


def collection_page(
    *,
    name: str,
    url: str,
    language_code: str,
    items: list[tuple[str, str]],
    first_position: int = 1,
    description: str = "",
    about: dict | None = None,
) -> dict:
    """A listing: its name and address, and the (url, name) items it shows."""
    data = {
        "@context": SCHEMA,
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "inLanguage": language_code,
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "url": item_url,
                    "name": item_name,
                }
                for position, (item_url, item_name) in enumerate(
                    items, start=first_position
                )
            ],
        },
    }
    if description:
        data["description"] = description
    if about:
        data["about"] = about
    return data


def _page_url(request, page, stories) -> str:
    url = absolute_url(request.path if request else page.get_url())
    if stories is not None and stories.number > 1:
        url += f"?page={stories.number}"
    return url


def _authors_directory(page, context, request, language_code: str) -> dict:
    directory = page.get_url(request)
    authors = [
        (
            absolute_url(
                directory
                + page.reverse_subpage("author_page", kwargs={"slug": author.slug})
            ),
            author.name,
        )
        for author in context.get("authors", [])
    ]
    return collection_page(
        name=page.title,
        url=_page_url(request, page, None),
        language_code=language_code,
        items=authors,
        description=page.intro,
    )


def for_listing(context, language_code: str) -> list[dict]:
    """Structured data for the home page or listing being rendered, from what its
    template already has: no query."""
    request, page = context.get("request"), context.get("page")
    stories, author = context.get("stories"), context.get("author")
    if page is None:
        return []
    if isinstance(page, HomePage) and context.get("listing_title") is None:
        return edition_identity(page, language_code, request)
    if isinstance(page, AuthorIndexPage) and author is None:
        return [_authors_directory(page, context, request, language_code)]
    if stories is None:
        return []
    about = None
    if author is not None:
        name, description = author.name, author.role
        about = {"@type": "Organization" if author.is_desk else "Person", "name": name}
    else:
        name = context.get("listing_title") or page.title
        description = getattr(page, "intro", "")
    items = [
        (absolute_url(story.get_url(request)), story.title)
        for story in stories.object_list
    ]
    return [
        collection_page(
            name=name,
            url=_page_url(request, page, stories),
            language_code=language_code,
            items=items,
            first_position=stories.start_index(),
            description=description,
            about=about,
        )
    ]
