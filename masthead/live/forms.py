from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.images.widgets import AdminImageChooser

from masthead.authors.models import Author

from .models import LiveBlogEntry
from .rich_text import ENTRY_FEATURES


class EntryBodyEditor(DraftailRichTextArea):
    """The editor's text; a mangled submission reads as none, so the form says
    the text is missing instead of failing."""

    def __init__(self, **kwargs):
        super().__init__(features=ENTRY_FEATURES, **kwargs)

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError):
            return ""


EMBED_FIELD = LiveBlogEntry._meta.get_field("embed_url")


class EntryForm(forms.ModelForm):
    """The one short form an editor posts an update with."""

    embed_url = forms.URLField(
        label=EMBED_FIELD.verbose_name,
        help_text=EMBED_FIELD.help_text,
        max_length=EMBED_FIELD.max_length,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = LiveBlogEntry
        fields = [
            "headline",
            "body",
            "image",
            "image_alt",
            "embed_url",
            "author",
            "is_key_event",
        ]
        widgets = {"image": AdminImageChooser(), "body": EntryBodyEditor()}

    def __init__(self, *args, blog, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.blog = blog
        # Bylines come from the blog's own edition.
        self.fields["author"].queryset = Author.objects.filter(locale=blog.locale_id)
        self.fields["author"].help_text = _("Optional.")
        self.fields["headline"].help_text = _("Optional: most updates need none.")
