from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "masthead.regions"
    label = "regions"
    verbose_name = "Regions"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
