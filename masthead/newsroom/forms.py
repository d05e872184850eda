from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Locale

from .embargo import MIN_REASON_LENGTH


class EmbargoForm(forms.Form):
    until = forms.DateTimeField(
        label=_("Embargoed until"),
        widget=AdminDateTimeInput,
        help_text=_("Nobody can publish the story before this time."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=255,
        required=False,
        help_text=_('Where the embargo comes from, e.g. "Agency embargo, 00:01 GMT".'),
    )


class LiftEmbargoForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the embargo lifted?"),
        min_length=MIN_REASON_LENGTH,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the story's history with your name and the time."),
    )


class TranslateIntoEditionForm(forms.Form):
    """The edition a translation goes into, among those offered to the user."""

    def __init__(self, locales: list[Locale], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"] = forms.ModelChoiceField(
            label=_("Into"),
            queryset=Locale.objects.filter(pk__in=[locale.pk for locale in locales]),
            initial=locales[0],
        )
