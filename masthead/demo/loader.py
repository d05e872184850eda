"""Load the demo newsroom from the JSON files in `content/`.

Every object is looked up by its slug before it is created, so loading twice adds
nothing the second time.
"""

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from masthead.articles.models import ArticleAuthor, ArticlePage
from masthead.authors.models import Author, AuthorIndexPage
from masthead.editions.models import HomePage
from masthead.editions.setup import ensure_edition_home
from masthead.media.models import CustomImage
from masthead.media.renditions import (
    ARTICLE_LEAD_SPECS,
    PORTRAIT,
    prerender,
)
from masthead.pages.models import ContactPage, StandardPage
from masthead.regions.models import Region
from masthead.sections.models import SectionPage

from .images import draw_picture, draw_portrait

CONTENT_DIR = Path(__file__).parent / "content"
ARTICLE_FILES = ("news", "articles", "videos", "infographs", "in-pictures")

Progress = Callable[[str], None]


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


def load_demo_newsroom(
    language: str = "en",
    progress: Progress = lambda message: None,
    render_images: bool = True,
) -> LoadReport:
    """Load one edition's demo content; `render_images` pre-makes the renditions."""
    report = LoadReport()
    locale, _ = Locale.objects.get_or_create(language_code=language)
    home = _home(locale, read_json(language, "site"), report)
    sections = _sections(home, read_json(language, "sections"), report)
    regions = _regions(locale, read_json(language, "regions"), report)
    authors = _authors(locale, read_json(language, "authors"), report, render_images)
    _site_pages(home, read_json(language, "site")["pages"], report)

    stories = [story for name in ARTICLE_FILES for story in read_json(language, name)]
    now = timezone.now()
    for number, story in enumerate(stories, start=1):
        progress(f"[{number}/{len(stories)}] {story['headline']}")
        _article(story, sections, regions, authors, now, report, render_images)
    return report


def _publish(page: Page) -> None:
    page.save_revision().publish(skip_permission_checks=True)


def _home(locale: Locale, site: dict, report: LoadReport) -> HomePage:
    if not HomePage.objects.filter(locale=locale).exists():
        report.count("home pages")
    return ensure_edition_home(locale.language_code, site["site_name"], site["slogan"])


def _child(parent: Page, model, slug: str, report: LoadReport, kind: str, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = parent.add_child(
        instance=model(slug=slug, locale_id=parent.locale_id, **fields)
    )
    _publish(page)
    report.count(kind)
    return page


def _sections(home: HomePage, tree: list[dict], report: LoadReport) -> dict:
    sections = {}
    for entry in tree:
        top = _child(
            home, SectionPage, entry["slug"], report, "sections",
            title=entry["title"], intro=entry.get("intro", ""), show_in_menus=True,
        )  # fmt: skip
        sections[entry["slug"]] = top
        for child in entry.get("children", []):
            sections[child["slug"]] = _child(
                top, SectionPage, child["slug"], report, "sections",
                title=child["title"], intro=child.get("intro", ""), show_in_menus=True,
            )  # fmt: skip
    return sections


def _regions(locale: Locale, entries: list[dict], report: LoadReport) -> dict:
    regions = {}
    for order, entry in enumerate(entries):
        region, created = Region.objects.get_or_create(
            locale=locale,
            slug=entry["slug"],
            defaults={"name": entry["name"], "sort_order": order},
        )
        if created:
            report.count("regions")
        regions[entry["slug"]] = region
    return regions


def _authors(
    locale: Locale, entries: list[dict], report: LoadReport, render_images: bool
) -> dict:
    authors = {}
    for entry in entries:
        author = Author.objects.filter(locale=locale, slug=entry["slug"]).first()
        if author is None:
            initials = "".join(word[0] for word in entry["name"].split()[:2]).upper()
            photo = _image(
                title=f"Portrait: {entry['name']}",
                filename=f"author-{entry['slug']}.jpg",
                data=draw_portrait(entry["slug"], initials),
                description=f"Portrait of {entry['name']}",
                credit="The Masthead",
            )
            if render_images:
                prerender(photo, list(PORTRAIT))
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


def _site_pages(home: HomePage, entries: list[dict], report: LoadReport) -> None:
    models = {"standard": StandardPage, "contact": ContactPage}
    for entry in entries:
        if entry["type"] == "authors":
            _child(
                home, AuthorIndexPage, entry["slug"], report, "pages",
                title=entry["title"], intro=entry.get("intro", ""), show_in_menus=True,
            )  # fmt: skip
            continue
        _child(
            home, models[entry["type"]], entry["slug"], report, "pages",
            title=entry["title"], intro=entry.get("intro", ""),
            body="".join(entry.get("body", [])), show_in_menus=True,
        )  # fmt: skip


def _image(title: str, filename: str, data: bytes, **fields) -> CustomImage:
    existing = CustomImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = CustomImage(title=title, **fields)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


def _article(story, sections, regions, authors, now, report, render_images) -> None:
    section = sections[story["section"]]
    if section.get_children().filter(slug=story["slug"]).exists():
        return
    picture = story["image"]
    image = _image(
        title=story["headline"],
        filename=f"{story['slug']}.jpg",
        data=draw_picture(story["slug"], picture.get("motif", "skyline")),
        description=picture["alt"],
        credit=picture["credit"],
        default_caption=picture["caption"],
    )
    if render_images:
        prerender(image, ARTICLE_LEAD_SPECS)
    published_at = now - timedelta(hours=story["hours_ago"])
    with transaction.atomic():
        page = ArticlePage(
            title=story["headline"],
            slug=story["slug"],
            locale_id=section.locale_id,
            standfirst=story["standfirst"],
            kind=story["kind"],
            source=story.get("source", ""),
            lead_image=image,
            body=_body(story),
            first_published_at=published_at,
        )
        page.tags.set(story.get("tags", []))
        page.regions.set([regions[slug] for slug in story.get("regions", [])])
        page.authors = [
            ArticleAuthor(author=authors[slug], sort_order=order)
            for order, slug in enumerate(story["authors"])
        ]
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
            blocks.append(
                (
                    "quote",
                    {
                        "text": story["quote"]["text"],
                        "attribution": story["quote"]["attribution"],
                    },
                )
            )
        blocks.append(("paragraph", RichText(f"<p>{escape(paragraph)}</p>")))
    return blocks
