from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "masthead.front"
    label = "front"
    verbose_name = "Front"
