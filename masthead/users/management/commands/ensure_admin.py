import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the `admin` superuser if it does not exist. The password comes from "
        "MASTHEAD_ADMIN_PASSWORD, or is generated once and kept in var/."
    )

    def handle(self, *args, **options):
        password, origin = self._password()
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            User.objects.create_superuser(USERNAME, "admin@localhost", password)
            self.stdout.write(f"Created the admin account ({origin}).")
        elif not user.check_password(password):
            if os.environ.get("MASTHEAD_ADMIN_PASSWORD"):
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(
                    "Set the admin password from MASTHEAD_ADMIN_PASSWORD."
                )
            else:
                # Someone changed it in the admin; never print a stale password.
                password = "(changed in the admin since it was generated)"  # noqa: S105
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.MASTHEAD_BASE_URL}/admin/  "
                f"user: {USERNAME}  password: {password}"
            )
        )

    def _password(self) -> tuple[str, str]:
        if os.environ.get("MASTHEAD_ADMIN_PASSWORD"):
            return os.environ[
                "MASTHEAD_ADMIN_PASSWORD"
            ], "password from the environment"
        stored = settings.VAR_DIR / "admin_password"
        if not stored.exists():
            stored.write_text(secrets.token_urlsafe(12))
            stored.chmod(0o600)
        return stored.read_text().strip(), f"password kept in {stored}"
