from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "masthead.users"
    label = "users"
    verbose_name = "Users"
