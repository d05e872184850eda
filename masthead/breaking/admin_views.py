"""Admin views: the dashboard's quick publish, withdrawal, and the listing's forms.

Every write goes through `actions.py`; these views only check permissions, show
forms and say what happened.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views

from masthead.editions.rights import editions_for

from . import actions
from .forms import QuickPublishForm
from .models import BreakingItem

URL_NAMESPACE = "wagtailsnippets_breaking_breakingitem"


def breaking_url(view_name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=args)


def user_can(user, action: str) -> bool:
    return policy_registry.get_by_type(BreakingItem).user_has_permission(user, action)


class QuickPublishMenuItem(AdminMenuItem):
    """The admin menu's way to the publish form, for those who may publish."""

    def is_shown(self, request):
        return user_can(request.user, "add")


class QuickPublishPanel(Component):
    """The dashboard panel: the short form that puts a line on the ticker."""

    name = "breaking_quick_publish"
    order = 50  # above Wagtail's own panels: breaking news cannot wait
    template_name = "breaking/admin/quick_publish_panel.html"

    def __init__(self, request):
        self.form = QuickPublishForm(user=request.user)

    @property
    def media(self):
        return self.form.media

    def get_context_data(self, parent_context):
        return {
            "form": self.form,
            "action_url": breaking_url("publish"),
            "listing_url": breaking_url("list"),
            "next_url": reverse("wagtailadmin_home"),
            "csrf_token": parent_context.get("csrf_token"),
        }


class BreakingAdminPageMixin(WagtailAdminTemplateMixin):
    """Breadcrumbs: Home › Breaking news › this page."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": breaking_url("list"), "label": _("Breaking news")},
            {"url": "", "label": self.get_page_title()},
        ]


class QuickPublishView(BreakingAdminPageMixin, FormView):
    """Receives the dashboard form; on a mistake, shows it again with the errors."""

    form_class = QuickPublishForm
    template_name = "breaking/admin/quick_publish.html"
    page_title = gettext_lazy("Publish breaking news")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not user_can(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Reached from the menu to write a line: the cursor waits in its field.
        form.fields["text"].widget.attrs["autofocus"] = True
        return form

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_url": breaking_url("publish"),
            "next_url": self.next_url(),
        }

    def next_url(self) -> str:
        requested = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            requested,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return requested
        return reverse("wagtailadmin_home")

    def form_invalid(self, form):
        messages.validation_error(
            self.request, _("The line was not published: correct it below."), form
        )
        return super().form_invalid(form)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            item = actions.publish_breaking_item(
                locale=data["locale"],
                text=data["text"],
                attribution=data["attribution"],
                story=data["story"],
                user=self.request.user,
                live_blog=data["live_blog"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Published to the %(edition)s ticker: %(line)s")
            % {"edition": item.locale.get_display_name(), "line": item.headline},
            buttons=[
                messages.button(breaking_url("edit", item.pk), _("Edit")),
                messages.button(breaking_url("withdraw", item.pk), _("Withdraw")),
            ],
        )
        return redirect(self.next_url())


class WithdrawView(BreakingAdminPageMixin, TemplateView):
    """Asks once, then takes the line off the ticker."""

    template_name = "breaking/admin/withdraw.html"
    page_title = gettext_lazy("Withdraw breaking news")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not user_can(request.user, "change"):
            raise PermissionDenied
        self.item = get_object_or_404(BreakingItem, pk=kwargs["pk"])
        if not in_editors_editions(request.user, self.item):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "item": self.item,
            "action_url": breaking_url("withdraw", self.item.pk),
            "listing_url": breaking_url("list"),
        }

    def post(self, request, *args, **kwargs):
        was_live = self.item.is_live
        actions.withdraw_breaking_item(self.item, user=request.user)
        if was_live:
            messages.success(
                request, _("Withdrawn from the ticker: %s") % self.item.headline
            )
        return redirect(breaking_url("list"))


class WithdrawMenuItem(MenuItem):
    def is_shown(self, user):
        return user_can(user, "change")


def in_editors_editions(user, item: BreakingItem) -> bool:
    """Lines are corrected and withdrawn by the editors of their own edition."""
    return editions_for(user).filter(pk=item.locale_id).exists()


class IndexView(snippet_views.IndexView):
    """Anyone with access may read the record of what ran; only an edition's
    editors correct and withdraw its lines."""

    def editors_editions(self) -> set[int]:
        if not hasattr(self, "_editions"):
            self._editions = set(
                editions_for(self.request.user).values_list("pk", flat=True)
            )
        return self._editions

    def get_edit_url(self, instance):
        if instance.locale_id not in self.editors_editions():
            return None
        return super().get_edit_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.withdrawn_at is None and (
            instance.locale_id in self.editors_editions()
        ):
            buttons.append(
                WithdrawMenuItem(
                    _("Withdraw"),
                    url=breaking_url("withdraw", instance.pk),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons


class CreateView(snippet_views.CreateView):
    """The listing's full form; the line goes live on saving, like the dashboard's."""

    def save_instance(self):
        data = self.form.cleaned_data
        return actions.publish_breaking_item(
            locale=data["locale"],
            text=data["text"],
            attribution=data["attribution"],
            story=data["story"],
            expires_at=data["expires_at"],
            user=self.request.user,
        )


class EditView(snippet_views.EditView):
    def dispatch(self, request, *args, **kwargs):
        item = get_object_or_404(BreakingItem, pk=kwargs["pk"])
        if not in_editors_editions(request.user, item):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        return actions.save_breaking_item_changes(
            self.form.instance, user=self.request.user
        )
