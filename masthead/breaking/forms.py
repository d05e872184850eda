from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale

from masthead.articles.models import ArticlePage

from .models import BreakingItem


class StoryChooser(AdminPageChooser):
    """Chooses an article; a mangled submitted value shows as no choice, not a 500."""

    def __init__(self, **kwargs):
        super().__init__(target_models=[ArticlePage], **kwargs)

    def get_instance(self, value):
        if isinstance(value, str) and not (value.isascii() and value.isdigit()):
            return None
        return super().get_instance(value)


def _tune_fields(form: forms.BaseForm) -> None:
    # Form fields built from the model keep Django's generic length message; the
    # newsroom's own wording lives on the model field, so reuse it.
    text = form.fields["text"]
    text.error_messages["max_length"] = BreakingItem._meta.get_field(
        "text"
    ).error_messages["max_length"]
    text.widget = forms.Textarea(attrs={"rows": 3, **text.widget.attrs})
    form.fields["locale"].label = _("Edition")


class BreakingItemForm(WagtailAdminModelForm):
    """The full form of the breaking news listing (add and edit)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _tune_fields(self)


class QuickPublishForm(forms.ModelForm):
    """The dashboard's short form: the line goes live when it is submitted."""

    class Meta:
        model = BreakingItem
        fields = ["text", "attribution", "story", "locale"]
        widgets = {"story": StoryChooser()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _tune_fields(self)
        self.fields["story"].help_text = _("Optional.")
        if not self.is_bound:
            self.initial.setdefault("locale", default_edition(user))


def default_edition(user) -> Locale | None:
    """The edition an editor most likely writes for: their admin language's."""
    try:
        language = user.wagtail_userprofile.preferred_language
    except (AttributeError, ObjectDoesNotExist):
        language = ""
    if language and (locale := Locale.objects.filter(language_code=language).first()):
        return locale
    try:
        return Locale.get_default()
    except Locale.DoesNotExist:
        return None
