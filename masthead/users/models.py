from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The newsroom's accounts: editors, writers and translators.

    Custom from the first migration so that fields (edition rights, display
    names) can be added later without swapping the user model.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
