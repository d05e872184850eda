from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem

from . import (
    dashboard,  # noqa: F401  (registers the dashboard panels)
    urls,
)
from .admin_views import (
    can_embargo,
    edit_url,
    embargo_url,
    translatable_locales,
    translate_url,
)
from .embargo import (
    LIFT_LOG_ACTION,
    SET_LOG_ACTION,
    allows,
    embargo_in_force,
    local_time,
    refusal_message,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsroom/", include(urls, namespace="newsroom"))]


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("simple_translation.submit_translation")


@hooks.register("register_admin_menu_item")
def register_stories_to_translate_menu_item():
    return TranslatorsMenuItem(
        _("To translate"),
        reverse("newsroom:to_translate"),
        name="to-translate",
        icon_name="globe",
        order=160,
    )


@hooks.register("before_publish_page")
def refuse_publishing_under_embargo(request, page):
    """The draft is saved by now; the editor keeps it and is told why it is not
    live. (The save that would make it live refuses too, for every other path.)"""
    embargo = embargo_in_force(page.pk)
    if allows(embargo, page.go_live_at):
        return None
    messages.error(request, refusal_message(embargo))
    return redirect(edit_url(page))


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_under_embargo(request, action_type, objects, action):
    if action_type != "publish":
        return None
    for page in objects:
        if embargo := embargo_in_force(page.pk):
            messages.error(
                request, f"{page.get_admin_display_title()}: {refusal_message(embargo)}"
            )
            back = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(back, allowed_hosts=None):
                back = edit_url(page)
            return redirect(back)
    return None


@hooks.register("before_edit_page")
def warn_of_embargo(request, page):
    if request.method == "GET" and (embargo := embargo_in_force(page.pk)):
        messages.warning(
            request,
            " ".join(
                filter(
                    None,
                    [
                        _("Embargoed until %(until)s.")
                        % {"until": local_time(embargo.until)},
                        embargo.note,
                    ],
                )
            ),
        )


@hooks.register("register_page_header_buttons")
def newsroom_header_buttons(page, user, view_name, next_url=None):
    if view_name == "edit" and not page.live and can_embargo(user, page):
        yield wagtailadmin_widgets.Button(
            _("Embargo"), embargo_url(page), icon_name="time", priority=70
        )
    if (
        page.live
        and user.has_perm("simple_translation.submit_translation")
        and not page.permissions_for_user(user).can_edit()
        and translatable_locales(user, page)
    ):
        yield wagtailadmin_widgets.Button(
            _("Translate into my edition"),
            translate_url(page),
            icon_name="globe",
            priority=81,
        )


@hooks.register("register_log_actions")
def register_embargo_log_actions(actions):
    actions.register_action(SET_LOG_ACTION, _("Embargo"), _("Embargo set"))
    actions.register_action(LIFT_LOG_ACTION, _("Lift embargo"), _("Embargo lifted"))
