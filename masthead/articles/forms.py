from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        bylines = self.formsets.get("authors")
        # The formset validates its own rows; here we only count what is left.
        if bylines is not None and bylines.is_valid():
            kept = [
                form
                for form in bylines.forms
                if form.cleaned_data.get("author")
                and not form.cleaned_data.get("DELETE")
            ]
            if not kept:
                self.add_error(
                    None,
                    _("Add at least one author. The desk itself can be the author."),
                )
        return cleaned_data
