from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "masthead.discovery"
    label = "discovery"
    verbose_name = "Discovery"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
