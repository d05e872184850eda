"""Wire sources: the edit page shows the source's recent errors, and "Poll now"
reads it at once."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from masthead.wires.ingest import poll_source
from masthead.wires.models import WireSource
from masthead.wires.permissions import can_poll, can_view_errors

URL_NAMESPACE = "wires_sources"
RECENT_ERRORS_SHOWN = 10


def sources_url(view_name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=args)


class SourceEditView(generic.EditView):
    template_name = "wires/source_edit.html"

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_poll(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Poll now"),
                    url=sources_url("poll", self.object.pk),
                    icon_name="rotate",
                    priority=5,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_errors"] = list(
            self.object.errors.order_by("-pk")[:RECENT_ERRORS_SHOWN]
        )
        if can_view_errors(self.request.user):
            context["errors_url"] = (
                reverse("wires_errors:index") + f"?source={self.object.pk}"
            )
        return context


class PollNowView(generic.base.WagtailAdminTemplateMixin, TemplateView):
    """Asks once, then polls the source in this request and says what came."""

    template_name = "wires/poll_confirm.html"
    page_title = gettext_lazy("Poll now")
    header_icon = "rotate"

    def dispatch(self, request, *args, **kwargs):
        if not can_poll(request.user):
            raise PermissionDenied
        self.source = get_object_or_404(
            WireSource.objects.select_related("locale", "auto_draft_section"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.source.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": sources_url("index"), "label": _("Wire sources")},
            {"url": sources_url("edit", self.source.pk), "label": self.source.name},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "source": self.source,
            "action_url": sources_url("poll", self.source.pk),
            "edit_url": sources_url("edit", self.source.pk),
        }

    def post(self, request, *args, **kwargs):
        summary = poll_source(self.source)
        text = _("Polled %(source)s: %(summary)s.") % {
            "source": self.source.name,
            "summary": summary,
        }
        if summary.failed or summary.errors:
            messages.warning(request, text)
        else:
            messages.success(request, text)
        return redirect(sources_url("edit", self.source.pk))
