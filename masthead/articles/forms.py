from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    translation_up_to_date = forms.BooleanField(
        label=_("Translation is up to date"),
        required=False,
        help_text=_("Tick once this translation reflects the updated original."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from masthead.editions.models import TranslationSync

        # Only a translation whose original changed offers the box.
        if not (
            self.instance.pk
            and TranslationSync.objects.filter(
                translation_id=self.instance.pk, needs_update=True
            ).exists()
        ):
            del self.fields["translation_up_to_date"]

    def save(self, commit=True):
        page = super().save(commit=commit)
        if self.cleaned_data.get("translation_up_to_date"):
            from masthead.editions.translation_sync import mark_up_to_date

            mark_up_to_date(page)
        return page

    def clean(self):
        cleaned_data = super().clean()
        self._require_an_author()
        self._keep_published_corrections()
        return cleaned_data

    def _require_an_author(self):
        bylines = self.formsets.get("authors")
        # The formset validates its own rows; here we only count what is left.
        if bylines is None or not bylines.is_valid():
            return
        kept = [
            form.cleaned_data["author"]
            for form in bylines.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            self.add_error(
                None, _("Add at least one author. The desk itself can be the author.")
            )
        elif len(set(kept)) < len(kept):
            self.add_error(None, _("Each author can appear only once in the byline."))

    def _keep_published_corrections(self):
        """Readers were shown these corrections: they stay exactly as published.

        Rows are matched by their text, not their id: a page loaded from a revision
        may carry its corrections without the ids they got when published.
        """
        corrections = self.formsets.get("corrections")
        if corrections is None or not self.instance.pk or not corrections.is_valid():
            return
        published = corrections.model.objects.filter(page_id=self.instance.pk)
        kept = {
            form.cleaned_data["text"].strip()
            for form in corrections.forms
            if form.cleaned_data.get("text") and not form.cleaned_data.get("DELETE")
        }
        if any(
            text.strip() not in kept
            for text in published.values_list("text", flat=True)
        ):
            self.add_error(
                None,
                _(
                    "Published corrections cannot be removed or rewritten. "
                    "Add a new correction instead."
                ),
            )
