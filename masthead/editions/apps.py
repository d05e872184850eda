from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "masthead.editions"
    label = "editions"
    verbose_name = "Editions"

    def ready(self):
        from .signal_handlers import (
            register_signal_handlers,
            register_translation_handlers,
        )

        register_signal_handlers()
        register_translation_handlers()
