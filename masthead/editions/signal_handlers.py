from wagtail.signals import page_published, page_unpublished

from masthead.common.roles import home_page_model

from .formatting import forget_formats


def forget_edition_formats(sender, instance, **kwargs):
    forget_formats(instance.locale.language_code)


def register_signal_handlers():
    for signal in (page_published, page_unpublished):
        signal.connect(
            forget_edition_formats,
            sender=home_page_model(),
            dispatch_uid="edition-formats",
        )


def remember_translation_source(sender, source_obj, target_obj, **kwargs):
    from wagtail.models import Page

    from .translation_sync import record_translation

    if isinstance(source_obj, Page) and isinstance(target_obj, Page):
        record_translation(source_obj, target_obj)


def flag_outdated_translations(sender, instance, **kwargs):
    from .translation_sync import original_published

    original_published(instance)


def register_translation_handlers():
    from wagtail.signals import copy_for_translation_done

    copy_for_translation_done.connect(
        remember_translation_source, dispatch_uid="translation-source"
    )
    page_published.connect(flag_outdated_translations, dispatch_uid="translation-flags")
