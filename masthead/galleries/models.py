"""A photo gallery: a cover, a standfirst and ordered pictures, each with its own
address (/<gallery>/pictures/<n>/) so that every picture can be linked to."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from masthead.caching import keys
from masthead.caching.pages import CachedPage
from masthead.common.pages import LeadImageMixin, ListingCardMixin
from masthead.common.strips import StripPage
from masthead.media.formats import is_raster

STANDFIRST_MAX_LENGTH = 300


@dataclass
class Slide:
    """One picture as the gallery shows it: its place and its own address."""

    picture: "GalleryPicture"
    number: int
    total: int
    url: str


class GalleryPage(
    StripPage, RoutablePageMixin, ListingCardMixin, LeadImageMixin, CachedPage, Page
):
    """A photo story ("In Pictures"): pictures in order, shown as a grid that opens
    a full-screen viewer, and one page per picture for readers without script."""

    strip_heading = _("In Pictures")
    strip_order = 30

    standfirst = models.TextField(
        _("standfirst"),
        max_length=STANDFIRST_MAX_LENGTH,
        help_text=_("What the pictures show, in a sentence or two; used on cards."),
    )
    summary_field = "standfirst"

    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []

    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("standfirst"),
        InlinePanel("authors", label=_("Photographers and authors")),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Cover picture"),
        ),
        InlinePanel("pictures", label=_("Pictures"), min_num=1),
    ]

    search_fields = [*Page.search_fields, index.SearchField("standfirst")]

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")

    def clean(self):
        super().clean()
        if not self.lead_image_id:
            raise ValidationError(
                {"lead_image": _("Choose the cover picture that cards show.")}
            )
        self.require_lead_image_alt()

    def ordered_pictures(self):
        # The images and every stored rendition in three queries, whatever the
        # number of pictures: the templates pick their sizes from these.
        return self.pictures.select_related("image").prefetch_related(
            "image__renditions"
        )

    def picture_url(self, number: int, base_url: str | None = None) -> str:
        base_url = self.url if base_url is None else base_url
        return base_url + self.reverse_subpage("picture", kwargs={"number": number})

    def slides(self, request) -> list[Slide]:
        pictures = list(self.ordered_pictures())
        base_url = self.get_url(request)
        return [
            Slide(picture, number, len(pictures), self.picture_url(number, base_url))
            for number, picture in enumerate(pictures, start=1)
        ]

    def get_context(self, request, *args, **kwargs):
        from masthead.authors.links import author_page_url
        from masthead.common.homes import home_for
        from masthead.common.templatetags.breadcrumbs import breadcrumb_trail

        context = super().get_context(request, *args, **kwargs)
        authors = [byline.author for byline in self.authors.select_related("author")]
        # A renamed author purges the pages that show the byline.
        keys.add(*(keys.author(author.pk) for author in authors))
        context.update(
            authors=authors,
            author_urls={a.pk: author_page_url(a, request) for a in authors},
            home=home_for(request, self),
            trail=breadcrumb_trail(self),
        )
        return context

    @path("")
    def gallery(self, request):
        from .metadata import gallery_json_ld

        context = self.get_context(request)
        slides = self.slides(request)
        context.update(slides=slides, json_ld=gallery_json_ld(self, context, slides))
        return TemplateResponse(request, self.get_template(request), context)

    @path("pictures/<int:number>/")
    def picture(self, request, number):
        from .metadata import picture_json_ld

        total = self.pictures.count()
        if not 1 <= number <= total:
            raise Http404("No such picture in this gallery.")
        picture = self.ordered_pictures()[number - 1]
        base_url = self.get_url(request)
        slide = Slide(picture, number, total, self.picture_url(number, base_url))
        context = self.get_context(request)
        context.update(
            slide=slide,
            gallery_url=base_url,
            previous_url=self.picture_url(number - 1, base_url) if number > 1 else "",
            next_url=self.picture_url(number + 1, base_url) if number < total else "",
            json_ld=picture_json_ld(self, context, slide),
        )
        return TemplateResponse(request, "galleries/gallery_picture.html", context)


class GalleryAuthor(Orderable):
    """One byline on a gallery, in the order the bylines are shown."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="authors")
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="gallery_bylines",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")


class GalleryPicture(Orderable):
    """One picture of a gallery, with the words that go with it there."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="pictures")
    image = models.ForeignKey(
        "media.CustomImage",
        verbose_name=_("picture"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.TextField(
        _("caption"),
        max_length=1000,
        blank=True,
        help_text=_("Leave empty to use the picture's default caption."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the picture's own credit."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Required "
            "unless the picture has a description in the library."
        ),
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("caption"),
        FieldPanel("credit"),
        FieldPanel("alt_text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def clean(self):
        super().clean()
        if not self.image_id:
            return
        if not is_raster(self.image):
            raise ValidationError(
                {
                    "image": _(
                        "Galleries show photographs only (JPEG, PNG, GIF, WebP or "
                        "AVIF), not vector drawings such as SVG."
                    )
                }
            )
        if not (self.alt_text.strip() or self.image.description.strip()):
            raise ValidationError(
                {"alt_text": _("Describe the picture for readers who cannot see it.")}
            )

    @property
    def alt(self) -> str:
        return self.alt_text or self.image.description

    @property
    def shown_caption(self) -> str:
        return self.caption or getattr(self.image, "default_caption", "")

    @property
    def shown_credit(self) -> str:
        return self.credit or getattr(self.image, "credit", "")
