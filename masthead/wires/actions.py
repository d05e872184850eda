"""Newsroom operations on wires: turning an agency item into a draft article.

The admin's "Use" button and a source's automatic drafts both go through
`use_wire_item`, so every draft made from a wire carries the same text, credit
and record of the version it came from.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from masthead.articles.kinds import ArticleKind
from masthead.articles.models import (
    STANDFIRST_MAX_LENGTH,
    STANDFIRST_MIN_LENGTH,
    ArticleAuthor,
    ArticlePage,
)
from masthead.authors.models import Author
from masthead.sections.models import SectionPage

from .models import WireItem, WireStatus, WireUse

USE_LOG_ACTION = "wires.use"
TITLE_MAX_LENGTH = 255
SLUG_MAX_LENGTH = 80
# Fields an editor completes on the draft when the wire is too thin to fill
# them; everything else must be valid before a draft is saved.
LEFT_TO_THE_EDITOR = {"standfirst", "body"}


def _trimmed(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut at a word and marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def standfirst_for(summary: str, paragraphs: list[str]) -> str:
    """The summary, padded with the body's first paragraphs when it is shorter
    than a standfirst may be, and trimmed when it is longer. Shorter than the
    minimum only when the whole text is."""
    text = " ".join(summary.split())
    for paragraph in paragraphs:
        if len(text) >= STANDFIRST_MIN_LENGTH:
            break
        text = f"{text} {paragraph}".strip()
    return _trimmed(text, STANDFIRST_MAX_LENGTH)


def body_blocks(paragraphs: list[str]) -> list[tuple[str, RichText]]:
    # Wire text is plain text: escaped, it cannot carry markup into the page.
    return [
        ("paragraph", RichText(f"<p>{escape(paragraph)}</p>"))
        for paragraph in paragraphs
    ]


def default_author(locale: Locale) -> Author | None:
    """The edition's desk, else its first author by name."""
    return (
        Author.objects.filter(locale=locale).order_by("-is_desk", "name", "pk").first()
    )


def find_draft(item: WireItem) -> Page | None:
    """The first page made from the item, if any (a draft or, since, published)."""
    use = item.uses.select_related("page").order_by("used_at", "pk").first()
    return use.page.specific if use else None


def _free_slug(section: SectionPage, headline: str, fallback: str) -> str:
    base = slugify(headline, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-")
    base = base or fallback
    taken = set(
        section.get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _check_draft(page: ArticlePage) -> None:
    """Raise what an editor could not fix on the draft; let the rest through."""
    try:
        page.full_clean()
    except ValidationError as error:
        blocking = {
            name: messages
            for name, messages in error.message_dict.items()
            if name not in LEFT_TO_THE_EDITOR
        }
        if blocking:
            raise ValidationError(blocking) from None


def use_wire_item(
    item: WireItem,
    section: SectionPage,
    user=None,
    author: Author | None = None,
    *,
    another_copy: bool = False,
) -> ArticlePage:
    """A draft article (not live) in `section` made from the item's latest
    version, recorded as a WireUse. When the item was used before, the page
    made then is returned instead, unless `another_copy` is asked for.

    Raises ValidationError, saving nothing, for a canceled item or a draft that
    could not be valid.
    """
    section = section.specific if not isinstance(section, SectionPage) else section
    if not isinstance(section, SectionPage):
        raise ValidationError(_("Drafts from wires go in a section."))
    with transaction.atomic():
        # Locked, so that a double click makes one draft, not two.
        item = (
            WireItem.objects.select_for_update()
            .select_related("source")
            .get(pk=item.pk)
        )
        if not another_copy and (existing := find_draft(item)) is not None:
            return existing
        if item.status == WireStatus.CANCELED:
            raise ValidationError(
                _("The agency canceled this item: it cannot be used.")
            )
        page = _new_draft(item, section, author or default_author(section.locale))
        page.owner = user
        section.add_child(instance=page)
        _check_draft(page)
        page.save_revision(user=user, clean=False)
        WireUse.objects.create(item=item, version=item.version, page=page, used_by=user)
        log(
            instance=page,
            action=USE_LOG_ACTION,
            user=user,
            data={
                "source": item.source.name,
                "guid": item.guid,
                "version": item.version,
            },
        )
    return page


def _new_draft(item: WireItem, section: SectionPage, author: Author | None):
    paragraphs = item.paragraphs
    page = ArticlePage(
        title=_trimmed(item.headline, TITLE_MAX_LENGTH),
        slug=_free_slug(section, item.headline, fallback=f"wire-{item.pk}"),
        locale=section.locale,
        live=False,
        has_unpublished_changes=True,
        standfirst=standfirst_for(item.summary, paragraphs),
        body=body_blocks(paragraphs),
        source=_trimmed(
            item.source.credit or item.credit,
            ArticlePage._meta.get_field("source").max_length,
        ),
        kind=ArticleKind.NEWS,
    )
    if author is not None:
        page.authors = [ArticleAuthor(author=author, sort_order=0)]
    return page
