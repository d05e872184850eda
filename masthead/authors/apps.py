from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "masthead.authors"
    label = "authors"
    verbose_name = "Authors"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
