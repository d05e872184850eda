"""Incoming wires: the list, an item's page, and its "Use" button.

Writes go through `actions.use_wire_item`; these views check permissions, show
forms and say what happened. A mangled form comes back with its errors, never an
error page.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic

from masthead.wires.actions import find_draft, use_wire_item
from masthead.wires.compare import compare
from masthead.wires.forms import UseWireForm
from masthead.wires.models import WireItem, WireSource, WireStatus
from masthead.wires.permissions import can_use_items
from masthead.wires.queries import cluster_heads

URL_NAMESPACE = "wires_items"
MAX_VERSIONS_SHOWN = 50
MAX_SIMILAR_SHOWN = 50


def items_url(view_name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=args)


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def language_choices():
    codes = (
        WireItem.objects.order_by("language")
        .values_list("language", flat=True)
        .distinct()
    )
    return [(code, language_name(code)) for code in codes]


def _in_cluster(condition: Q) -> Q:
    """The head matches, or one of the items folded under it does."""
    members = WireItem.objects.filter(condition, duplicate_of_id=OuterRef("pk"))
    return condition | Q(Exists(members))


class IncomingWiresFilterSet(WagtailFilterSet):
    source = django_filters.ModelChoiceFilter(
        queryset=WireSource.objects.order_by("name"),
        label=gettext_lazy("Source"),
        method="filter_source",
    )
    language = django_filters.ChoiceFilter(
        choices=language_choices,
        label=gettext_lazy("Language"),
        empty_label=gettext_lazy("All"),
    )
    status = django_filters.ChoiceFilter(
        choices=WireStatus.choices,
        label=gettext_lazy("Status"),
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    used = django_filters.ChoiceFilter(
        choices=[
            ("no", gettext_lazy("Not used yet")),
            ("yes", gettext_lazy("Used")),
        ],
        label=gettext_lazy("Used"),
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        method="filter_used",
    )
    received_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Received"), widget=DateRangePickerWidget
    )

    class Meta:
        model = WireItem
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Looked up once, not at every copy of the field.
        self.filters["language"].extra["choices"] = language_choices()

    def filter_source(self, queryset, name, value):
        # A story folded under another agency's item still shows for its source.
        return queryset.filter(_in_cluster(Q(source=value))) if value else queryset

    def filter_used(self, queryset, name, value):
        if value not in ("yes", "no"):
            return queryset
        return queryset.filter(is_used=value == "yes")


class StatusColumn(Column):
    cell_template_name = "wires/cells/status.html"


class SimilarColumn(Column):
    cell_template_name = "wires/cells/similar.html"


class IncomingWiresView(generic.IndexView):
    """Newest first, one row per story: near duplicates are counted, not listed."""

    any_permission_required = ["view"]
    filterset_class = IncomingWiresFilterSet
    default_ordering = "-received_at"
    page_title = gettext_lazy("Incoming wires")
    search_fields = ["headline", "summary", "body"]
    search_backend_name = None  # plain database filtering, like the breaking list

    def get_base_queryset(self):
        # The texts are searched in the database, never shown in the list.
        return cluster_heads().defer("summary", "body", "subjects")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        words = Q()
        for field in self.search_fields:
            words |= Q(**{f"{field}__icontains": self.search_query})
        return queryset.filter(_in_cluster(words))

    def order_queryset(self, queryset):
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "-pk")

    def get_inspect_url(self, instance):
        return items_url("inspect", instance.pk)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "headline",
                label=_("Headline"),
                get_url=self.get_inspect_url,
                sort_key="headline",
            ),
            SimilarColumn("similar_count", label=_("Similar")),
            Column("source", label=_("Source"), accessor="source.name"),
            Column(
                "language",
                label=_("Language"),
                accessor=lambda item: language_name(item.language),
                sort_key="language",
            ),
            DateColumn("received_at", label=_("Received"), sort_key="received_at"),
            Column("version", label=_("Version"), sort_key="version"),
            StatusColumn("status", label=_("Status")),
        ]


class WireItemDetailView(generic.InspectView):
    """The item's text, its versions, the drafts made of it, its similar items,
    and the form that makes a draft."""

    any_permission_required = ["view"]
    template_name = "wires/item_detail.html"
    header_icon = "doc-full"

    def get_fields(self):
        return []  # the template lays the item out itself

    def get_object(self, queryset=None):
        return get_object_or_404(
            WireItem.objects.select_related("source", "source__locale"), pk=self.pk
        )

    def get_page_title(self):
        return self.object.headline

    def get_page_subtitle(self):
        return self.object.source.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": items_url("index"), "label": _("Incoming wires")},
            {"url": "", "label": self.object.headline},
        ]

    @cached_property
    def header_more_buttons(self):
        return []

    def _version_number(self, name: str) -> int | None:
        value = self.request.GET.get(name, "")
        return int(value) if value.isascii() and value.isdigit() else None

    def get_context_data(self, form=None, **kwargs):
        item = self.object
        versions = list(item.versions.order_by("-version")[:MAX_VERSIONS_SHOWN])
        by_number = {version.version: version for version in versions}
        shown = by_number.get(self._version_number("version"))
        compared = by_number.get(self._version_number("compare"))
        uses = list(
            item.uses.select_related("page", "used_by").order_by("used_at", "pk")
        )
        head_id = item.cluster_head_id
        similar = list(
            WireItem.objects.filter(Q(pk=head_id) | Q(duplicate_of_id=head_id))
            .exclude(pk=item.pk)
            .select_related("source")
            .order_by("-received_at")[:MAX_SIMILAR_SHOWN]
        )
        may_use = can_use_items(self.request.user) and (
            item.status != WireStatus.CANCELED
        )
        if may_use and form is None:
            form = UseWireForm(item=item, user=self.request.user, has_draft=bool(uses))
        return {
            **super().get_context_data(**kwargs),
            "item": item,
            "text": shown or item,
            "shown_version": shown,
            "versions": versions,
            "compared": compared,
            "changes": compare(compared, item) if compared else [],
            "uses": uses,
            "similar": similar,
            "form": form if may_use else None,
            "use_url": items_url("use", item.pk),
            "language": language_name(item.language),
        }


class UseWireView(WireItemDetailView):
    """Receives the Use form: makes the draft (or opens the one made before) and
    goes to its edit page."""

    def dispatch(self, request, *args, **kwargs):
        if not can_use_items(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect(items_url("inspect", self.object.pk))

    def post(self, request, *args, **kwargs):
        item = self.object
        existing = find_draft(item)
        form = UseWireForm(
            request.POST, item=item, user=request.user, has_draft=existing is not None
        )
        if not form.is_valid():
            return self._again(form, _("No draft was made: correct the form below."))
        another = form.cleaned_data.get("another_copy", False)
        if existing is not None and not another:
            messages.success(
                request,
                _("This wire has a draft already: “%(title)s”.")
                % {"title": existing.get_admin_display_title()},
            )
            return redirect("wagtailadmin_pages:edit", existing.pk)
        try:
            page = use_wire_item(
                item,
                form.cleaned_data["section"],
                request.user,
                author=form.cleaned_data["author"],
                another_copy=another,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self._again(form, _("No draft was made."))
        messages.success(
            request,
            _("Draft made from the wire (version %(version)s): “%(title)s”.")
            % {"version": item.version, "title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)

    def _again(self, form, message: str):
        messages.validation_error(self.request, message, form)
        context = self.get_context_data(form=form)
        return self.render_to_response(context)
