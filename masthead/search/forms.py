from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.articles.models import ArticleKind
from masthead.regions.models import Region
from masthead.sections.models import SectionPage

from .query import MAX_QUERY_LENGTH
from .ranking import Filters

# Django's default messages repeat the submitted value; a filter never shows
# back what it rejected.
INVALID_CHOICE = {"invalid_choice": _("Choose one of the listed options.")}


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(forms.Form):
    """The query and the filters of one edition's search page; all optional."""

    q = forms.CharField(label=_("Search for"), required=False, widget=SearchInput)
    section = forms.TypedChoiceField(
        label=_("Section"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages=INVALID_CHOICE,
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, error_messages=INVALID_CHOICE
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *ArticleKind.choices],
        error_messages=INVALID_CHOICE,
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, home):
        data = data.copy()
        # An overlong query is cut, not refused: the reader still gets results.
        data["q"] = data.get("q", "")[:MAX_QUERY_LENGTH]
        super().__init__(data)
        self.home = home
        self.sections = {
            section.pk: section
            for section in SectionPage.objects.live()
            .descendant_of(home)
            .only("id", "path", "depth", "title", "url_path", "slug", "locale_id")
            .order_by("path")
        }
        self.fields["q"].widget.attrs.update(
            {"maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"}
        )
        self.fields["section"].choices = [("", _("All sections"))] + [
            (pk, self._section_label(section)) for pk, section in self.sections.items()
        ]
        self.regions = {
            region.slug: region
            for region in Region.objects.filter(locale_id=home.locale_id)
        }
        self.fields["region"].choices = [("", _("All regions"))] + [
            (slug, region.name) for slug, region in self.regions.items()
        ]

    def _section_label(self, section) -> str:
        if section.depth > self.home.depth + 1:
            return f"– {section.title}"
        return section.title

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> Filters:
        """The filters that validated; a rejected one is left out, not fatal."""
        self.is_valid()
        cleaned = self.cleaned_data
        return Filters(
            section=self.sections.get(cleaned.get("section")),
            region=self.regions.get(cleaned.get("region") or ""),
            kind=cleaned.get("kind") or "",
            date_from=cleaned.get("date_from"),
            date_to=cleaned.get("date_to"),
        )
