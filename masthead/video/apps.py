from django.apps import AppConfig


class VideoConfig(AppConfig):
    name = "masthead.video"
    label = "video"
    verbose_name = "Video"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
