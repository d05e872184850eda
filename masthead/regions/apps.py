from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "masthead.regions"
    label = "regions"
    verbose_name = "Regions"
