from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .actions import WITHDRAW_LOG_ACTION
from .admin_views import breaking_url
from .forms import BreakingItemForm, StoryChooser
from .models import BreakingItem


class WithdrawNotDeletePolicy(ModelPermissionPolicy):
    """Nobody deletes a breaking item, superusers included: it is withdrawn."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "delete"]
        if not actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(actions)


# Registered before anything asks for the model's policy (Wagtail would otherwise
# create the default one and refuse this).
register_permission_policy(BreakingItem, WithdrawNotDeletePolicy(BreakingItem))


class BreakingItemViewSet(SnippetViewSet):
    model = BreakingItem
    icon = "warning"
    menu_label = _("Breaking news")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = admin_views.IndexView
    add_view_class = admin_views.CreateView
    edit_view_class = admin_views.EditView
    list_display = [
        "headline",
        "locale",
        "published_at",
        "expires_at",
        Column("status", label=_("Status"), accessor="status_label"),
    ]
    list_filter = ["locale"]
    search_fields = ["text", "attribution"]
    search_backend_name = None  # plain database filtering: the table stays small
    edit_handler = ObjectList(
        [
            FieldPanel("locale", heading=_("Edition")),
            FieldPanel("attribution"),
            FieldPanel("text"),
            FieldPanel("story", widget=StoryChooser()),
            FieldPanel("expires_at"),
        ],
        base_form_class=BreakingItemForm,
    )

    def get_menu_item(self, order=None):
        """A submenu, so the publish form is two clicks from anywhere in the admin:
        "Breaking news", then "Publish breaking news"."""
        listing = super().get_menu_item(order)
        listing.label, listing.name = _("Published lines"), "breaking-news-listing"
        publish = admin_views.QuickPublishMenuItem(
            _("Publish breaking news"),
            breaking_url("publish"),
            name="breaking-news-publish",
            icon_name="plus",
            order=1,
        )
        return SubmenuMenuItem(
            self.menu_label,
            Menu(items=[publish, listing]),
            name="breaking-news",
            icon_name=self.icon,
            order=self.get_menu_item_order(order),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("publish/", admin_views.QuickPublishView.as_view(), name="publish"),
            path(
                "withdraw/<int:pk>/",
                admin_views.WithdrawView.as_view(),
                name="withdraw",
            ),
        ]


register_snippet(BreakingItemViewSet)


@hooks.register("construct_homepage_panels")
def add_quick_publish_panel(request, panels):
    if admin_views.user_can(request.user, "add"):
        panels.append(admin_views.QuickPublishPanel(request))


@hooks.register("register_log_actions")
def register_withdraw_log_action(actions):
    actions.register_action(
        WITHDRAW_LOG_ACTION, _("Withdraw"), _("Withdrawn from the ticker")
    )
