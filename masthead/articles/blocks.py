"""The blocks an article body is made of."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        max_length=250,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(
        label=_("caption"),
        required=False,
        max_length=500,
        help_text=_("Leave empty to use the picture's default caption."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"), max_length=600)
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Block quote")
        template = "blocks/quote.html"


class RelatedStoriesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("heading"), required=False, default=_("Related News"), max_length=60
    )
    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="articles.ArticlePage"),
        label=_("stories"),
        min_num=1,
        max_num=5,
    )

    class Meta:
        icon = "link"
        label = _("Related stories")
        template = "blocks/related_stories.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("Paragraph"),
        template="blocks/paragraph.html",
    )
    subheading = blocks.CharBlock(
        label=_("Subheading"),
        max_length=120,
        template="blocks/subheading.html",
        form_classname="title",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    related = RelatedStoriesBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        help_text=_("A video or post address (YouTube, Vimeo, X…)."),
        template="blocks/embed.html",
    )

    class Meta:
        block_counts = {"related": {"max_num": 3}}
