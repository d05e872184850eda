from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale

from masthead.articles.models import ArticlePage
from masthead.editions.rights import editions_for
from masthead.live.models import LiveBlogPage, LiveBlogStatus

from .models import BreakingItem


class StoryChooser(AdminPageChooser):
    """Chooses an article; a mangled submitted value shows as no choice, not a 500."""

    def __init__(self, **kwargs):
        super().__init__(target_models=[ArticlePage], **kwargs)

    def get_instance(self, value):
        if isinstance(value, str) and not (value.isascii() and value.isdigit()):
            return None
        return super().get_instance(value)


def _tune_fields(form: forms.BaseForm, user) -> None:
    # Form fields built from the model keep Django's generic length message; the
    # newsroom's own wording lives on the model field, so reuse it.
    text = form.fields["text"]
    text.error_messages["max_length"] = BreakingItem._meta.get_field(
        "text"
    ).error_messages["max_length"]
    text.widget = forms.Textarea(attrs={"rows": 3, **text.widget.attrs})
    form.fields["locale"].label = _("Edition")
    # Breaking news goes out in the editions the editor publishes in, no others.
    if user is not None:
        form.fields["locale"].queryset = editions_for(user)


class BreakingItemForm(WagtailAdminModelForm):
    """The full form of the breaking news listing (add and edit)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _tune_fields(self, self.for_user)


class LiveBlogChoiceField(forms.ModelChoiceField):
    """A running live blog; a mangled submitted value is a form error, not a 500."""

    def label_from_instance(self, blog):
        return f"{blog.title} ({blog.locale.get_display_name()})"


def running_live_blogs():
    return (
        LiveBlogPage.objects.live()
        .filter(status=LiveBlogStatus.LIVE)
        .select_related("locale")
        .order_by("-last_published_at")
    )


class QuickPublishForm(forms.ModelForm):
    """The dashboard's short form: the line goes live when it is submitted, and as
    a key event of a live blog when one is chosen."""

    live_blog = LiveBlogChoiceField(
        queryset=LiveBlogPage.objects.none(),
        required=False,
        label=_("Also post to the live blog"),
        help_text=_("Optional: the line becomes a key event of this live blog."),
    )

    class Meta:
        model = BreakingItem
        fields = ["text", "attribution", "story", "locale"]
        widgets = {"story": StoryChooser()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _tune_fields(self, user)
        self.fields["story"].help_text = _("Optional.")
        self.fields["live_blog"].queryset = running_live_blogs()
        if not self.is_bound:
            edition = default_edition(user)
            allowed = self.fields["locale"].queryset
            if user is not None and not allowed.filter(pk=getattr(edition, "pk", None)):
                # Not the editor's edition: the first one they publish in.
                edition = allowed.order_by("pk").first()
            self.initial.setdefault("locale", edition)

    def clean(self):
        cleaned = super().clean()
        blog, locale = cleaned.get("live_blog"), cleaned.get("locale")
        if blog is not None and locale is not None and blog.locale_id != locale.pk:
            self.add_error(
                "live_blog", _("Choose a live blog of the edition the line is for.")
            )
        return cleaned


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
