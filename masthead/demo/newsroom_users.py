"""One demo account per newsroom role, so a story can be walked from wire to
published translation: a writer and an editor in English, an editor and a
translator in Spanish, and the newsroom-wide roles."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

from masthead.newsroom.roles import (
    ADMINISTRATOR,
    EDITOR,
    LEGAL_REVIEWER,
    PHOTO_EDITOR,
    TRANSLATOR,
    WRITER,
)

# username, full name, group
DEMO_USERS = (
    ("writer", "Omar Khalil", WRITER.group_name("en")),
    ("editor", "Sara Lind", EDITOR.group_name("en")),
    ("editora", "Lucía Ortega", EDITOR.group_name("es")),
    ("traductora", "Marta Ruiz", TRANSLATOR.group_name("es")),
    ("photos", "Nadia Farah", PHOTO_EDITOR.label),
    ("legal", "Daniel Weiss", LEGAL_REVIEWER.label),
    ("chief", "Amal Haddad", ADMINISTRATOR.label),
)


def demo_password() -> str:
    """One password for the demo's role accounts, made once and kept in var/."""
    stored = settings.VAR_DIR / "demo_users_password"
    if not stored.exists():
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(secrets.token_urlsafe(12))
        stored.chmod(0o600)
    return stored.read_text().strip()


def ensure_demo_users(groups: dict) -> list[tuple[str, str]]:
    """Create the missing role accounts (an existing one is left as it is).
    Returns (username, group name) for those whose group exists."""
    User = get_user_model()
    password = demo_password()
    accounts = []
    for username, full_name, group_name in DEMO_USERS:
        group = groups.get(group_name)
        if group is None:  # an edition that was not loaded
            continue
        first, last = full_name.split(" ", 1)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last,
                      "email": f"{username}@masthead.example"},
        )  # fmt: skip
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.add(group)
        accounts.append((username, group_name))
    return accounts
