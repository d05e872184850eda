from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "masthead.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
