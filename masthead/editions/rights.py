"""Which editions a user works in, from their page rights: a right granted on an
edition's tree is a right in that edition (roles are granted per edition)."""

from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def editions_for(user, action: str = "publish"):
    """The locales in whose tree `user` may `action` ("publish", "change"...)."""
    if user is None or not user.is_active:
        return Locale.objects.none()
    if user.is_superuser:
        return Locale.objects.all()
    pages = PagePermissionPolicy(Page).instances_user_has_permission_for(user, action)
    return Locale.objects.filter(pk__in=pages.values("locale_id"))
