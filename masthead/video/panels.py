from wagtail.admin.panels import Panel


class EncodingStatusPanel(Panel):
    """Where the uploaded video stands: waiting, being prepared, ready or failed
    (with the reason), and a way to try again."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "video/admin/encoding_status.html"

        def is_shown(self):
            instance = self.instance
            return bool(instance is not None and instance.pk and instance.source_file)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["encoding"] = self.instance.encoding
            context["page"] = self.instance
            return context
