"""Editors and translators who work on one edition only.

Each edition gets a group whose members can add, edit and publish pages under that
edition's home page, and submit pages for translation into it; Wagtail's page
permissions keep them out of the other editions' trees.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission

from masthead.common.roles import home_page_model

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page")
GLOBAL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("simple_translation", "submit_translation"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
)


def group_name(home) -> str:
    return f"{get_language_info(home.locale.language_code)['name']} editors"


def ensure_edition_groups() -> list[Group]:
    """One group per edition, with rights over that edition's pages only."""
    groups = []
    for home in home_page_model().objects.select_related("locale"):
        group, _ = Group.objects.get_or_create(name=group_name(home))
        for app_label, codename in GLOBAL_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        groups.append(group)
    return groups
