import math

from django.core.validators import MinLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from masthead.caching import keys
from masthead.caching.pages import CachedPage
from masthead.common.pages import LeadImageMixin, ListingCardMixin
from masthead.editions.panels import TranslationStatusPanel

from .blocks import ArticleBodyBlock
from .forms import ArticlePageForm
from .kinds import ArticleKind

STANDFIRST_MIN_LENGTH = 40
STANDFIRST_MAX_LENGTH = 300
WORDS_PER_MINUTE = 230


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(ListingCardMixin, LeadImageMixin, CachedPage, Page):
    """A story: the page most readers see."""

    standfirst = models.TextField(
        _("standfirst"),
        max_length=STANDFIRST_MAX_LENGTH,
        validators=[MinLengthValidator(STANDFIRST_MIN_LENGTH)],
        help_text=_(
            "The summary under the headline, also used by feeds and social cards "
            "(%(min)s to %(max)s characters)."
        )
        % {"min": STANDFIRST_MIN_LENGTH, "max": STANDFIRST_MAX_LENGTH},
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    source = models.CharField(
        _("source"),
        max_length=120,
        blank=True,
        help_text=_(
            'Where the material comes from: "Agencies", an agency\'s name, '
            '"Our correspondent in Beirut", or "Own reporting".'
        ),
    )
    lead_image_caption = models.TextField(
        _("lead image caption"),
        blank=True,
        max_length=500,
        help_text=_("Leave empty to use the picture's default caption."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    regions = ParentalManyToManyField(
        "regions.Region", verbose_name=_("regions"), blank=True
    )
    tags = ClusterTaggableManager(
        through=ArticlePageTag, verbose_name=_("tags"), blank=True
    )
    coverage = ParentalManyToManyField(
        "coverage.CoveragePage",
        verbose_name=_("coverage hubs"),
        blank=True,
        related_name="articles",
        help_text=_("The hubs of ongoing stories this article belongs to."),
    )
    significant_update_at = models.DateTimeField(
        _("last significant update"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the story changed materially; readers see “Updated” with "
            "this time. Typo fixes are not significant."
        ),
    )
    word_count = models.PositiveIntegerField(default=0, editable=False)

    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm

    content_panels = [
        TranslationStatusPanel(),
        FieldPanel("translation_up_to_date"),
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("standfirst"),
        InlinePanel("authors", label=_("Authors"), min_num=1),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("source")]),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("regions"), FieldPanel("tags"), FieldPanel("coverage")],
            heading=_("Classification"),
        ),
        FieldPanel("significant_update_at"),
        InlinePanel(
            "read_next_pins",
            label=_("Read Next picks"),
            help_text=_(
                "Optional: stories to recommend after this one, before the ones "
                "chosen automatically."
            ),
            max_num=4,
        ),
        InlinePanel(
            "corrections",
            label=_("Corrections"),
            help_text=_(
                "Published corrections stay on the page: they cannot be removed or "
                "rewritten. Add a new correction to amend one."
            ),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("search_text_normalised"),
        index.FilterField("kind"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        verbose_name = _("article")

    def clean(self):
        super().clean()
        self.require_lead_image_alt()

    def purge_keys(self) -> set[str]:
        """A story also appears on the listings of its tags, regions, authors and
        coverage hubs."""
        found = super().purge_keys()
        found.update(keys.tag(pk) for pk in self.tags.values_list("pk", flat=True))
        found.update(
            keys.region(pk) for pk in self.regions.values_list("pk", flat=True)
        )
        found.update(
            keys.author(pk) for pk in self.authors.values_list("author_id", flat=True)
        )
        found.update(keys.hub(pk) for pk in self.coverage.values_list("pk", flat=True))
        return found

    def save(self, *args, **kwargs):
        self.word_count = self.count_words()
        return super().save(*args, **kwargs)

    def count_words(self) -> int:
        texts = [self.standfirst]
        for block in self.body:
            if block.block_type == "paragraph":
                texts.append(strip_tags(block.value.source))
            elif block.block_type == "subheading":
                texts.append(block.value)
            elif block.block_type == "quote":
                texts.append(block.value["text"])
        return sum(len(text.split()) for text in texts)

    def get_context(self, request, *args, **kwargs):
        from masthead.authors.links import author_page_url
        from masthead.common.homes import home_for
        from masthead.common.templatetags.breadcrumbs import breadcrumb_trail

        from .metadata import build_metadata

        context = super().get_context(request, *args, **kwargs)
        authors = [byline.author for byline in self.authors.select_related("author")]
        trail = breadcrumb_trail(self)
        context.update(
            authors=authors,
            author_urls={a.pk: author_page_url(a, request) for a in authors},
            tags=list(self.tags.all()),
            corrections=list(self.corrections.order_by("noted_at")),
            trail=trail,
            section=trail[-1] if len(trail) > 1 else None,
        )
        context["meta"] = build_metadata(
            self,
            request,
            home=home_for(request, self),
            section=context["section"],
            authors=authors,
            tags=context["tags"],
            trail=trail,
            corrections=context["corrections"],
            author_urls=context["author_urls"],
        )
        return context

    def search_text_normalised(self) -> str:
        """The story's text with spelling variants unified, for the search index.

        Readers spell Arabic words with or without marks and hamza forms; the same
        normalisation applied to queries lets either spelling find the story.
        """
        from masthead.articles.indexing import normalised_article_text

        return normalised_article_text(self)

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def lead_caption(self) -> str:
        if not self.lead_image:
            return ""
        return self.lead_image_caption or self.lead_image.default_caption


class StoryPick(Orderable):
    """A story an editor chose, in order: the base of every pinned-story list
    (the front page's top stories, a hub's pinned stories, Read Next picks)."""

    story = models.ForeignKey(
        ArticlePage,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        abstract = True


class ArticleAuthor(Orderable):
    """One byline on one article, in the order the bylines are shown."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="bylines",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        # No unique constraint on (page, author): the admin saves a re-added byline
        # before deleting the old row. The page form rejects duplicates instead.
        verbose_name = _("byline")


class ArticleCorrection(Orderable):
    """A dated correction note, shown under the story and never silently removed."""

    page = ParentalKey(
        ArticlePage, on_delete=models.CASCADE, related_name="corrections"
    )
    noted_at = models.DateTimeField(_("date"), default=timezone.now)
    text = models.TextField(
        _("correction"),
        max_length=1000,
        help_text=_("What was wrong and what is right, in one or two sentences."),
    )

    panels = [FieldPanel("noted_at"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
