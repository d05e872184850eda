from django.contrib.auth.models import Permission
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.permissions import register_permission_policy

from .actions import USE_LOG_ACTION
from .models import WireStatus, WireUse
from .permissions import POLICIES, can_view_items
from .views.items import items_url
from .viewsets import WiresMenu

# Registered before anything asks for these models' policies (Wagtail would
# otherwise make the default ones and refuse these).
for model, policy in POLICIES.items():
    register_permission_policy(model, policy)


@hooks.register("register_admin_viewset")
def register_wires_menu():
    return WiresMenu()


@hooks.register("register_permissions")
def register_wires_permissions():
    return Permission.objects.filter(content_type__app_label="wires")


@hooks.register("register_log_actions")
def register_use_log_action(actions):
    actions.register_action(
        USE_LOG_ACTION,
        gettext_lazy("Made from a wire"),
        gettext_lazy("Made from an agency wire"),
    )


@hooks.register("before_edit_page")
def warn_of_a_newer_wire_version(request, page):
    """On opening a draft made from a wire that changed since: say so, and link to
    what changed."""
    if request.method != "GET":
        return None
    flagged = (
        WireUse.objects.flagged()
        .filter(page_id=page.pk)
        .select_related("item")
        .order_by("-pk")
        .first()
    )
    if flagged is None:
        return None
    item = flagged.item
    if item.status == WireStatus.CANCELED:
        text = _("The agency canceled the wire this story was made from.")
    else:
        text = _(
            "The agency sent version %(new)s of the wire this story was made from "
            "(it was made from version %(old)s)."
        ) % {"new": item.version, "old": flagged.version}
    if not can_view_items(request.user):
        messages.warning(request, text)
        return None
    url = items_url("inspect", item.pk) + f"?compare={flagged.version}#wire-changes"
    messages.warning(
        request,
        text,
        buttons=[messages.button(url, _("See what changed"), new_window=True)],
    )
    return None
