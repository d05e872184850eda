from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "masthead.common"
    label = "common"
    verbose_name = "Common"
