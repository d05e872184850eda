"""Load the demo newsroom from the JSON files in `content/<language>/`.

English is loaded first; the Arabic and Spanish editions are Wagtail translations
of it (their home, sections and some pages and stories share a translation key with
the English ones), plus stories of their own. Every object is looked up before it is
created, so loading twice adds nothing the second time.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from masthead.articles.models import ArticleAuthor, ArticlePage
from masthead.authors.models import Author, AuthorIndexPage
from masthead.breaking.demo import load_breaking_items
from masthead.coverage.models import CoverageIndexPage, CoveragePage, CoveragePin
from masthead.discovery.demo import load_discovery_demo
from masthead.front.models import HomePage
from masthead.front.setup import ensure_edition_home
from masthead.media.models import CustomImage
from masthead.media.renditions import (
    ARTICLE_LEAD_SPECS,
    PORTRAIT,
    prerender,
)
from masthead.pages.models import ContactPage, StandardPage
from masthead.regions.models import Region
from masthead.sections.models import SectionPage

from .images import draw_portrait
from .media_pages import load_media_demo
from .story_pictures import Pictures, store_image

CONTENT_DIR = Path(__file__).parent / "content"
DEFAULT_LANGUAGE = "en"
EDITIONS = ("en", "ar", "es")
# English stories are split by top-level section; the other editions keep one file.
ARTICLE_FILES = {
    "en": ("news", "articles", "videos", "infographs", "in-pictures"),
    "ar": ("articles",),
    "es": ("articles",),
}
EDITION_SETTINGS = {
    "ar": {
        "time_zone": "Asia/Beirut",
        "date_format": "j F Y",
        "digits": "arabic-indic",
    },
    "es": {"time_zone": "America/Bogota", "date_format": "j M Y", "digits": "latin"},
}

# Called once per story, with its headline, as the stories are loaded.
Progress = Callable[[str], None]
# Makes a picture's renditions for the given specs (now, or queued for later).
Renderer = Callable[[CustomImage, list[str]], None]


def _no_renditions(image: CustomImage, specs: list[str]) -> None:
    """Renditions are made when a page first shows them."""


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1

    def __str__(self) -> str:
        if not self.created:
            return "nothing new: the demo newsroom was already loaded"
        return ", ".join(f"{n} {kind}" for kind, n in sorted(self.created.items()))


def read_json(language: str, name: str):
    with open(CONTENT_DIR / language / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def key_of(entry: dict) -> str:
    """The English slug an entry corresponds to (its own slug in English)."""
    return entry.get("key", entry["slug"])


def demo_stories(language: str) -> list[dict]:
    return [
        story for name in ARTICLE_FILES[language] for story in read_json(language, name)
    ]


def load_demo_newsroom(
    language: str = DEFAULT_LANGUAGE,
    progress: Progress = lambda message: None,
    render_images: bool = True,
    render: Renderer = prerender,
) -> LoadReport:
    """Load one edition's demo content. `render` makes each picture's renditions
    ahead of readers (at once by default; the demo command queues them on another
    thread); with `render_images` off, pages make them when first shown.

    Other editions translate English pages, so English must be loaded first.
    """
    report = LoadReport()
    locale, _ = Locale.objects.get_or_create(language_code=language)
    site = read_json(language, "site")
    home = _home(locale, site, report)
    sections = _sections(home, read_json(language, "sections"), locale, report)
    regions = _regions(locale, read_json(language, "regions"), report)
    render = render if render_images else _no_renditions
    authors = _authors(locale, read_json(language, "authors"), report, render)
    _site_pages(home, site["pages"], locale, report)

    now = timezone.now()
    pictures = Pictures(
        None if language == DEFAULT_LANGUAGE else demo_stories(DEFAULT_LANGUAGE)
    )
    for story in demo_stories(language):
        _article(
            story, sections, regions, authors, locale, now, report, render,
            pictures,
        )  # fmt: skip
        progress(story["headline"])
    _coverage(home, read_json(language, "coverage"), locale, report)
    load_media_demo(home, sections, report.count)
    for _item in load_breaking_items(
        locale,
        read_json(language, "breaking"),
        lambda slug: ArticlePage.objects.filter(locale=locale, slug=slug).first(),
    ):
        report.count("breaking news items")
    load_discovery_demo(locale, report.count)
    return report


def _publish(page: Page) -> None:
    page.save_revision().publish(skip_permission_checks=True)


def _english(model, slug: str):
    """The English page a translation is made from."""
    return model.objects.filter(
        locale__language_code=DEFAULT_LANGUAGE, slug=slug
    ).first()


def _translated_or_new(
    parent: Page, model, entry: dict, locale: Locale, report, kind, **fields
):
    """The page for `entry` under `parent`: a translation of its English original
    when it has one, else a new page. Existing pages are returned untouched."""
    slug = entry["slug"]
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    original_slug = entry.get("translation_of") or (
        entry.get("key") if locale.language_code != DEFAULT_LANGUAGE else None
    )
    original = _english(model, original_slug) if original_slug else None
    if original is not None and not original.has_translation(locale):
        page = original.copy_for_translation(locale)
        for name, value in {"slug": slug, **fields}.items():
            setattr(page, name, value)
        page.draft_title = fields.get("title", page.title)
        page.save()
    else:
        page = parent.add_child(instance=model(slug=slug, locale=locale, **fields))
    _publish(page)
    report.count(kind)
    return page


def _home(locale: Locale, site: dict, report: LoadReport) -> HomePage:
    if not HomePage.objects.filter(locale=locale).exists():
        report.count("home pages")
    home = ensure_edition_home(locale.language_code, site["site_name"], site["slogan"])
    settings = EDITION_SETTINGS.get(locale.language_code, {})
    if settings and any(getattr(home, k) != v for k, v in settings.items()):
        for name, value in settings.items():
            setattr(home, name, value)
        _publish(home)
    return home


def _sections(home: HomePage, tree: list[dict], locale: Locale, report) -> dict:
    sections = {}
    for entry in tree:
        top = _translated_or_new(
            home, SectionPage, entry, locale, report, "sections",
            title=entry["title"], intro=entry.get("intro", ""), show_in_menus=True,
            front_layout=entry.get("front_layout", "block"),
        )  # fmt: skip
        sections[key_of(entry)] = top
        for child in entry.get("children", []):
            sections[key_of(child)] = _translated_or_new(
                top, SectionPage, child, locale, report, "sections",
                title=child["title"], intro=child.get("intro", ""), show_in_menus=True,
            )  # fmt: skip
    return sections


def _regions(locale: Locale, entries: list[dict], report: LoadReport) -> dict:
    regions = {}
    for order, entry in enumerate(entries):
        region = Region.objects.filter(locale=locale, slug=entry["slug"]).first()
        if region is None:
            original = Region.objects.filter(
                locale__language_code=DEFAULT_LANGUAGE, slug=key_of(entry)
            ).first()
            if original is not None and locale.language_code != DEFAULT_LANGUAGE:
                region = original.copy_for_translation(locale)
                region.slug, region.name = entry["slug"], entry["name"]
                region.save()
            else:
                region = Region.objects.create(
                    locale=locale,
                    slug=entry["slug"],
                    name=entry["name"],
                    sort_order=order,
                )
            report.count("regions")
        regions[key_of(entry)] = region
    return regions


def _authors(
    locale: Locale, entries: list[dict], report: LoadReport, render: Renderer
) -> dict:
    authors = {}
    for entry in entries:
        author = Author.objects.filter(locale=locale, slug=entry["slug"]).first()
        if author is None:
            initials = "".join(word[0] for word in entry["name"].split()[:2]).upper()
            photo = store_image(
                title=f"Portrait: {entry['name']}",
                filename=f"author-{locale.language_code}-{len(authors)}.jpg",
                data=draw_portrait(entry["slug"], initials),
                description=entry["name"],
                credit=read_json(locale.language_code, "site")["site_name"],
            )
            render(photo, list(PORTRAIT))
            author = Author.objects.create(
                locale=locale,
                slug=entry["slug"],
                name=entry["name"],
                role=entry.get("role", ""),
                bio=entry.get("bio", ""),
                is_desk=entry.get("is_desk", False),
                photo=photo,
            )
            report.count("authors")
        authors[entry["slug"]] = author
    return authors


def _site_pages(home: HomePage, entries: list[dict], locale: Locale, report) -> None:
    models = {
        "standard": StandardPage,
        "contact": ContactPage,
        "authors": AuthorIndexPage,
    }
    for entry in entries:
        fields = {
            "title": entry["title"],
            "intro": entry.get("intro", ""),
            "show_in_menus": True,
        }
        if entry["type"] != "authors":
            fields["body"] = "".join(entry.get("body", []))
        _translated_or_new(
            home, models[entry["type"]], entry, locale, report, "pages", **fields
        )


def _article(story, sections, regions, authors, locale, now, report, render,
             pictures):  # fmt: skip
    section = sections[story["section"]]
    if section.get_children().filter(slug=story["slug"]).exists():
        return
    picture = story["image"]
    original = (
        _english(ArticlePage, story["translation_of"])
        if story.get("translation_of")
        else None
    )
    image = original.lead_image if original else pictures.picture_for(story)
    render(image, ARTICLE_LEAD_SPECS)
    # A picture of another edition's story is described in this one's language.
    own_picture = image.title == story["headline"]
    published_at = now - timedelta(hours=story["hours_ago"])
    fields = {
        "title": story["headline"],
        "standfirst": story["standfirst"],
        "kind": story["kind"],
        "source": story.get("source", ""),
        "lead_image": image,
        "lead_image_alt": "" if own_picture else picture["alt"],
        "lead_image_caption": "" if own_picture else picture["caption"],
        "body": _body(story),
        "first_published_at": published_at,
    }
    with transaction.atomic():
        if original is not None and not original.has_translation(locale):
            page = original.copy_for_translation(locale)
            page.slug = story["slug"]
            page.draft_title = story["headline"]
            for name, value in fields.items():
                setattr(page, name, value)
        else:
            page = ArticlePage(slug=story["slug"], locale=locale, **fields)
        page.tags.set(story.get("tags", []))
        page.regions.set([regions[key] for key in story.get("regions", [])])
        page.authors = [
            ArticleAuthor(author=authors[slug], sort_order=order)
            for order, slug in enumerate(story["authors"])
        ]
        if page.pk:
            page.save()
        else:
            section.add_child(instance=page)
        _publish(page)
        # Publishing stamps "now"; the demo spreads stories over the past month.
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
    report.count("articles")


def _body(story: dict) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    for number, paragraph in enumerate(story["body"]):
        if number == 3 and story.get("subheading"):
            blocks.append(("subheading", story["subheading"]))
        if number == 2 and story.get("quote"):
            quote = story["quote"]
            blocks.append(
                ("quote", {"text": quote["text"], "attribution": quote["attribution"]})
            )
        blocks.append(("paragraph", RichText(f"<p>{escape(paragraph)}</p>")))
    return blocks


def _coverage(home: HomePage, content: dict, locale: Locale, report) -> None:
    index_entry = content["index"]
    index = _translated_or_new(
        home, CoverageIndexPage, index_entry, locale, report, "pages",
        title=index_entry["title"], intro=index_entry["intro"], show_in_menus=False,
    )  # fmt: skip
    for entry in content["hubs"]:
        if index.get_children().filter(slug=entry["slug"]).exists():
            continue
        stories = list(
            ArticlePage.objects.filter(locale=locale, tags__name=entry["tag"])
            .order_by("-first_published_at")
            .distinct()
        )
        lead = stories[0].lead_image if stories else None
        hub = _translated_or_new(
            index, CoveragePage, entry, locale, report, "coverage hubs",
            title=entry["title"], intro=entry["intro"], lead_image=lead,
        )  # fmt: skip
        hub.pins = [
            CoveragePin(story=story, sort_order=n)
            for n, story in enumerate(stories[-2:])
        ]
        _publish(hub)
        for story in stories:
            story.coverage.add(hub)
            # The hub is part of the published story, not only of a draft.
            _publish(story)
            ArticlePage.objects.filter(pk=story.pk).update(
                last_published_at=story.first_published_at
            )
