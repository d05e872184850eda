from django.apps import AppConfig


class BreakingConfig(AppConfig):
    name = "masthead.breaking"
    label = "breaking"
    verbose_name = "Breaking news"
