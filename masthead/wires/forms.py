from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from masthead.authors.models import Author
from masthead.sections.models import SectionPage


def sections_for(user, locale):
    """The edition's sections the user may add a story under, in menu order."""
    addable = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return (
        SectionPage.objects.filter(locale=locale, pk__in=addable.values("pk"))
        .order_by("path")
        .only("pk", "title", "path", "depth")
    )


class SectionChoiceField(forms.ModelChoiceField):
    """Sections labelled with their parent section ("News › Politics")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.titles_by_path: dict[str, str] = {}

    def label_from_instance(self, section):
        step = SectionPage.steplen
        parent = self.titles_by_path.get(section.path[:-step])
        return f"{parent} › {section.title}" if parent else section.title


class UseWireForm(forms.Form):
    """Where the draft goes and who signs it."""

    section = SectionChoiceField(
        queryset=SectionPage.objects.none(),
        label=_("Section"),
        empty_label=None,
        error_messages={
            "invalid_choice": _("Choose one of the sections offered."),
            "required": _("Choose the section the draft goes in."),
        },
    )
    author = forms.ModelChoiceField(
        queryset=Author.objects.none(),
        required=False,
        label=_("Author"),
        empty_label=_("The edition's desk"),
        error_messages={"invalid_choice": _("Choose one of the authors offered.")},
    )
    another_copy = forms.BooleanField(
        required=False,
        label=_("Make another draft"),
        help_text=_(
            "This wire has a draft already; tick to make a second one instead of "
            "opening it."
        ),
    )

    def __init__(self, *args, item, user, has_draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = item.edition()
        sections = list(sections_for(user, self.edition))
        field = self.fields["section"]
        field.queryset = sections_for(user, self.edition)
        field.titles_by_path = {section.path: section.title for section in sections}
        self.fields["author"].queryset = Author.objects.filter(locale=self.edition)
        if not has_draft:
            del self.fields["another_copy"]

    @property
    def has_sections(self) -> bool:
        return bool(self.fields["section"].titles_by_path)
