from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "masthead.caching"
    label = "caching"
    verbose_name = "Page cache"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
