"""Feed entries for a list of stories, in a fixed number of queries.

Bylines, tags, corrections and sections are fetched once for the whole list, not
once per story; lead pictures come with the stories' prefetched renditions.
"""

import mimetypes
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import formats, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from masthead.articles.models import ArticleAuthor, ArticleCorrection, ArticlePageTag
from masthead.common.absolute import absolute_url
from masthead.common.listings import attach_sections

# A large JPEG that every reader and aggregator can show; made ahead of readers
# when a story is published (masthead.media.renditions.ARTICLE_LEAD_SPECS).
FEED_IMAGE_SPEC = "fill-1280x720|format-jpeg"

# Rich text links to pages and documents are site-relative; a feed is read
# elsewhere, so they are made absolute.
_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")/(?!/)')


@dataclass(frozen=True)
class FeedImage:
    url: str
    width: int
    height: int
    length: int
    mime_type: str
    description: str
    credit: str


@dataclass
class FeedEntry:
    title: str
    link: str
    summary: str  # HTML: the standfirst, then any corrections
    content: str  # HTML: the full text, or "" unless asked for
    published: datetime
    updated: datetime
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: FeedImage | None = None


def _image(story) -> FeedImage | None:
    if not story.lead_image:
        return None
    rendition = story.lead_image.get_rendition(FEED_IMAGE_SPEC)
    try:
        length = rendition.file.size
    except OSError:  # the file is gone from storage; the entry still stands
        length = 0
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return FeedImage(
        url=absolute_url(rendition.url),
        width=rendition.width,
        height=rendition.height,
        length=length,
        mime_type=mime_type,
        description=story.lead_alt_text,
        credit=story.lead_image.credit,
    )


def _corrections_html(corrections) -> str:
    return format_html_join(
        "",
        "<p><strong>{}</strong> {}</p>",
        (
            (
                _("Correction, %(date)s:")
                % {"date": formats.date_format(correction.noted_at, "j F Y")},
                correction.text,
            )
            for correction in corrections
        ),
    )


def body_html(story) -> str:
    """The story's text as HTML for feed readers: paragraphs, subheadings and
    quotes. Pictures, embeds and related links stay on the site."""
    parts = []
    for block in story.body.raw_data:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(expand_db_html(value))
        elif kind == "subheading":
            parts.append(format_html("<h2>{}</h2>", value))
        elif kind == "quote":
            parts.append(
                format_html(
                    "<blockquote><p>{}</p>{}</blockquote>",
                    value.get("text", ""),
                    format_html("<footer>{}</footer>", value["attribution"])
                    if value.get("attribution")
                    else "",
                )
            )
    return _RELATIVE_LINK.sub(r"\1" + absolute_url("/"), "".join(parts))


def build_entries(stories, *, language_code: str, full_text: bool) -> list[FeedEntry]:
    stories = attach_sections(stories)
    ids = [story.pk for story in stories]
    authors = defaultdict(list)
    for byline in (
        ArticleAuthor.objects.filter(page_id__in=ids)
        .select_related("author")
        .order_by("sort_order")
    ):
        authors[byline.page_id].append(byline.author.name)
    tags = defaultdict(list)
    for tagged in (
        ArticlePageTag.objects.filter(content_object_id__in=ids)
        .select_related("tag")
        .order_by("tag__name")
    ):
        tags[tagged.content_object_id].append(tagged.tag.name)
    corrections = defaultdict(list)
    for correction in ArticleCorrection.objects.filter(page_id__in=ids).order_by(
        "noted_at"
    ):
        corrections[correction.page_id].append(correction)

    entries = []
    with translation.override(language_code):
        for story in stories:
            notes = corrections[story.pk]
            summary = format_html("<p>{}</p>", story.standfirst) + _corrections_html(
                notes
            )
            content = body_html(story) + _corrections_html(notes) if full_text else ""
            moments = [story.first_published_at, story.significant_update_at]
            moments += [note.noted_at for note in notes]
            entries.append(
                FeedEntry(
                    title=story.title,
                    link=absolute_url(story.get_url()),
                    summary=summary,
                    content=content,
                    published=story.first_published_at,
                    updated=max(moment for moment in moments if moment),
                    authors=authors[story.pk],
                    categories=[
                        *([story.section.title] if story.section else []),
                        *tags[story.pk],
                    ],
                    image=_image(story),
                )
            )
    return entries
