from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ButtonItem

from . import admin_views
from .models import LiveBlogPage

admin_urls = (
    [
        path("", admin_views.LiveBlogIndexView.as_view(), name="index"),
        path("<int:page_id>/post/", admin_views.PostEntryView.as_view(), name="post"),
    ],
    "live_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("live/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_live_blogs_menu_item():
    return MenuItem(
        _("Live blogs"),
        reverse("live_admin:index"),
        name="live-blogs",
        icon_name="time",
        order=160,
    )


class PostEntryButton(ButtonItem):
    def __init__(self, blog, **kwargs):
        self.blog = blog
        super().__init__(**kwargs)

    def is_shown(self, user):
        return admin_views.can_post(user, self.blog)


@hooks.register("register_page_header_buttons")
def post_entry_button(page, user, view_name, next_url=None):
    if page.specific_class is LiveBlogPage:
        yield PostEntryButton(
            page,
            label=_("Post an update"),
            url=admin_views.post_url(page),
            icon_name="time",
            priority=5,
        )
