from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListenConfig(AppConfig):
    name = "masthead.listen"
    label = "listen"
    verbose_name = _("Listen")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
