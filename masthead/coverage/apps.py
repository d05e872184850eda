from django.apps import AppConfig


class CoverageConfig(AppConfig):
    name = "masthead.coverage"
    label = "coverage"
    verbose_name = "Coverage hubs"
