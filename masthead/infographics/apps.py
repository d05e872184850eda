from django.apps import AppConfig


class InfographicsConfig(AppConfig):
    name = "masthead.infographics"
    label = "infographics"
    verbose_name = "Infographics"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
