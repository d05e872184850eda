"""Creating an edition's home page, for a fresh database or a new edition."""

from wagtail.models import Locale, Page, Site

from .models import HomePage

DEFAULT_SITE_NAME = "The Masthead"


def ensure_edition_home(
    language_code: str, site_name: str = DEFAULT_SITE_NAME, slogan: str = ""
) -> HomePage:
    """The edition's home page, created (and published) if it does not exist.

    A new edition's home is a Wagtail translation of the default edition's home, so
    that Wagtail routes /<language>/ to it and links the two as translations.
    """
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    home = HomePage.objects.filter(locale=locale).first()
    if home is not None:
        return home
    default_home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if default_home is not None and default_home.locale_id != locale.pk:
        home = default_home.copy_for_translation(locale)
        home.title = home.draft_title = home.site_name = site_name
        home.slogan = slogan
        home.slug = f"home-{language_code}"
        home.save()
    else:
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(title="Root", slug="root", locale=locale)
        home = root.add_child(
            instance=HomePage(
                title=site_name,
                slug=f"home-{language_code}",
                locale=locale,
                site_name=site_name,
                slogan=slogan,
            )
        )
    home.save_revision().publish(skip_permission_checks=True)
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    return home
