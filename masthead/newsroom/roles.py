"""The newsroom's roles, as Wagtail groups with exact permissions.

Writers, editors and translators work in one edition each: their page rights are
granted on that edition's home page only, so Wagtail keeps them out of the other
editions' trees (a Spanish translator cannot publish, or even edit, in English).
Photo editors, legal reviewers and administrators serve every edition.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission, Page

from masthead.common.roles import home_page_model

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
CHOOSE_IMAGES = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))
USE_WIRES = (("wires", "view_wireitem"), ("wires", "add_wireuse"))
# Story audio: its status, errors and Regenerate (for the stories one may edit).
SEE_AUDIO = ("listen", "view_articleaudio")


@dataclass(frozen=True)
class Role:
    key: str
    label: str  # "{edition} writers"; the edition's English name fills it in
    page_permissions: tuple[str, ...] = ()
    permissions: tuple[tuple[str, str], ...] = ()
    per_edition: bool = True

    def group_name(self, language_code: str | None = None) -> str:
        if not self.per_edition:
            return self.label
        return self.label.format(edition=get_language_info(language_code)["name"])


WRITER = Role(
    "writer",
    "{edition} writers",
    # Lock: a writer holds a story while working on it; only editors unlock
    # someone else's.
    page_permissions=("add_page", "change_page", "lock_page"),
    permissions=(
        ADMIN_ACCESS,
        *CHOOSE_IMAGES,
        ("wagtailimages", "add_image"),
        *USE_WIRES,
        SEE_AUDIO,
    ),
)
EDITOR = Role(
    "editor",
    "{edition} editors",
    page_permissions=(
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ),
    permissions=(
        ADMIN_ACCESS,
        *CHOOSE_IMAGES,
        ("wagtailimages", "add_image"),
        ("simple_translation", "submit_translation"),
        ("breaking", "add_breakingitem"),
        ("breaking", "change_breakingitem"),
        ("breaking", "view_breakingitem"),
        ("newsroom", "add_embargo"),
        ("newsroom", "change_embargo"),
        ("newsroom", "view_embargo"),
        *USE_WIRES,
        SEE_AUDIO,
    ),
)
TRANSLATOR = Role(
    "translator",
    "{edition} translators",
    page_permissions=("add_page", "change_page", "lock_page"),
    permissions=(
        ADMIN_ACCESS,
        *CHOOSE_IMAGES,
        ("simple_translation", "submit_translation"),
        SEE_AUDIO,
    ),
)
PHOTO_EDITOR = Role(
    "photo_editor",
    "Photo editors",
    permissions=(
        ADMIN_ACCESS,
        *CHOOSE_IMAGES,
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
    ),
    per_edition=False,
)
LEGAL_REVIEWER = Role(
    "legal",
    "Legal reviewers",
    permissions=(ADMIN_ACCESS,),
    per_edition=False,
)
ADMINISTRATOR = Role(
    "administrator",
    "Administrators",
    page_permissions=(
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ),
    per_edition=False,
)

EDITION_ROLES = (WRITER, EDITOR, TRANSLATOR)
NEWSROOM_ROLES = (PHOTO_EDITOR, LEGAL_REVIEWER, ADMINISTRATOR)


def _permissions(pairs) -> list[Permission]:
    pairs = tuple(pairs)
    query = Q()
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    if not pairs:
        return []
    found = list(Permission.objects.filter(query).select_related("content_type"))
    missing = set(pairs) - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        # A role quietly missing a right is worse than a loud setup error.
        raise LookupError(f"Unknown permissions: {sorted(missing)}")
    return found


def _grant(group: Group, role: Role, page: Page) -> None:
    if role is ADMINISTRATOR:
        group.permissions.set(Permission.objects.all())
    else:
        group.permissions.set(_permissions(role.permissions))
    page_permissions = _permissions(
        ("wagtailcore", codename) for codename in role.page_permissions
    )
    GroupPagePermission.objects.filter(group=group).exclude(page=page).delete()
    for permission in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def ensure_roles() -> dict[str, Group]:
    """Create or correct every role's group; safe to run again. Returns the groups
    by name."""
    groups = {}
    for home in home_page_model().objects.select_related("locale").order_by("path"):
        for role in EDITION_ROLES:
            name = role.group_name(home.locale.language_code)
            groups[name], _ = Group.objects.get_or_create(name=name)
            _grant(groups[name], role, home)
    root = Page.get_first_root_node()
    for role in NEWSROOM_ROLES:
        groups[role.label], _ = Group.objects.get_or_create(name=role.label)
        _grant(groups[role.label], role, root)
    return groups


def edition_group(role: Role, language_code: str) -> Group:
    return Group.objects.get(name=role.group_name(language_code))
