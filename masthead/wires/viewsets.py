"""The admin's "Wires" menu: Incoming wires, Sources, Source errors."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder, NullAdminURLFinder
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import policy_registry

from .models import WireItem, WireSource, WireSourceError
from .views import items, sources

# Views these viewsets do not have: items and errors are never written from the
# admin. Their URL names are unset so that no link to them is ever built.
NO_WRITE_VIEWS = {
    "add_url_name": None,
    "edit_url_name": None,
    "delete_url_name": None,
    "history_url_name": None,
    "usage_url_name": None,
}


class ItemPageURLFinder(ModelAdminURLFinder):
    """Where the admin links an object that has a page but no edit view."""

    view_url_name: str = ""

    def construct_edit_url(self, instance):
        return reverse(self.view_url_name, args=(instance.pk,))

    def get_edit_url(self, instance):
        policy = policy_registry.get(instance)
        if self.user and policy and not policy.user_has_permission(self.user, "view"):
            return None
        return self.construct_edit_url(instance)


class ReadOnlyViewSet(ModelViewSet):
    add_to_reference_index = False
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{**NO_WRITE_VIEWS, **kwargs})

    @property
    def url_finder_class(self):
        if not self.inspect_view_enabled:
            return NullAdminURLFinder
        return type(
            "WireURLFinder",
            (ItemPageURLFinder,),
            {"view_url_name": self.get_url_name("inspect")},
        )

    def get_permissions_to_register(self):
        # wagtail_hooks.py registers every wires permission at once.
        return Permission.objects.none()


class WireItemViewSet(ReadOnlyViewSet):
    model = WireItem
    name = items.URL_NAMESPACE
    url_prefix = "wires/incoming"
    icon = "doc-full"
    menu_label = _("Incoming wires")
    index_view_class = items.IncomingWiresView
    inspect_view_enabled = True
    inspect_view_class = items.WireItemDetailView
    search_fields = ["headline", "summary", "body"]
    search_backend_name = None
    list_per_page = 50

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/use/", self.use_view, name="use"),
        ]

    @property
    def use_view(self):
        return self.construct_view(items.UseWireView, **self.get_inspect_view_kwargs())


class WireSourceViewSet(ModelViewSet):
    model = WireSource
    name = sources.URL_NAMESPACE
    url_prefix = "wires/sources"
    icon = "download"
    menu_label = _("Sources")
    add_to_reference_index = False
    copy_view_enabled = False
    edit_view_class = sources.SourceEditView
    list_display = [
        "name",
        "format",
        "transport",
        Column("locale", label=_("Edition"), accessor="locale"),
        BooleanColumn("enabled", label=_("Enabled")),
        DateColumn("last_success_at", label=_("Last success")),
        Column("consecutive_failures", label=_("Failures in a row")),
    ]
    list_filter = ["format", "transport", "enabled"]
    search_fields = ["name", "url", "folder", "credit"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("transport")]),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("folder")],
            heading=_("Where it comes from"),
        ),
        FieldPanel("credit"),
        FieldPanel("locale", heading=_("Edition")),
        FieldPanel("auto_draft_section"),
        FieldRowPanel([FieldPanel("poll_interval"), FieldPanel("enabled")]),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=WireSource.objects.select_related("locale"), **kwargs
        )

    def get_permissions_to_register(self):
        return Permission.objects.none()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("poll/<int:pk>/", sources.PollNowView.as_view(), name="poll"),
        ]


class WireSourceErrorViewSet(ReadOnlyViewSet):
    model = WireSourceError
    name = "wires_errors"
    url_prefix = "wires/errors"
    icon = "warning"
    menu_label = _("Source errors")
    list_display = [
        Column("message", label=_("Problem")),
        Column("source", label=_("Source"), accessor="source.name"),
        DateColumn("occurred_at", label=_("When"), sort_key="occurred_at"),
        Column("detail", label=_("Detail")),
    ]
    list_filter = ["source"]
    search_fields = ["message", "detail"]
    search_backend_name = None
    list_per_page = 50

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=WireSourceError.objects.select_related("source"), **kwargs
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


class WiresMenu(ModelViewSetGroup):
    menu_label = _("Wires")
    menu_icon = "doc-full-inverse"
    menu_order = 160  # just below Breaking news
    items = (WireItemViewSet, WireSourceViewSet, WireSourceErrorViewSet)
