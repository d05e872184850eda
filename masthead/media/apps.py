from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "masthead.media"
    label = "media"
    verbose_name = "Media"

    def ready(self):
        from .encoding import register_encoders

        register_encoders()
