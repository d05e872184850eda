from wagtail.admin.panels import Panel


class TranslationStatusPanel(Panel):
    """Tells a translator that the original changed, and what changed."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "editions/panels/translation_status.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            from .models import TranslationSync

            self.sync = None
            if self.instance is not None and self.instance.pk:
                self.sync = (
                    TranslationSync.objects.filter(
                        translation_id=self.instance.pk, needs_update=True
                    )
                    .select_related("source")
                    .first()
                )

        def is_shown(self):
            return self.sync is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["sync"] = self.sync
            return context
