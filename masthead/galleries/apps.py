from django.apps import AppConfig


class GalleriesConfig(AppConfig):
    name = "masthead.galleries"
    label = "galleries"
    verbose_name = "Galleries"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
