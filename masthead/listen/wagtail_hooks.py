from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem

from masthead.common.roles import story_page_model

from . import urls
from .admin_views import audio_url_for, sees_audio


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("listen/", include(urls, namespace="listen"))]


class AudioMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_audio(request.user)


@hooks.register("register_admin_menu_item")
def register_audio_menu_item():
    return AudioMenuItem(
        _("Story audio"), reverse("listen:index"), name="story-audio",
        icon_name="media", order=170,
    )  # fmt: skip


@hooks.register("register_page_header_buttons")
def audio_header_button(page, user, view_name, next_url=None):
    if (
        view_name == "edit"
        and page.live
        and isinstance(page.specific_deferred, story_page_model())
        and page.permissions_for_user(user).can_edit()
    ):
        yield wagtailadmin_widgets.Button(
            _("Audio"), audio_url_for(page), icon_name="media", priority=75
        )
