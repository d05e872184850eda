"""Replace Wagtail's placeholder welcome page with the English edition's home."""

from django.db import migrations


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    encoded = ""
    while number:
        number, remainder = divmod(number, 36)
        encoded = digits[remainder] + encoded
    return encoded or "0"


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("editions.HomePage")

    # Wagtail's own first migration leaves a "Welcome to your new Wagtail site!"
    # page at /; remove it only if nothing has been built under it.
    Page.objects.filter(depth=2, slug="home", numchild=0, content_type__model="page").delete()
    if HomePage.objects.exists():
        return

    locale, _ = Locale.objects.get_or_create(language_code="en")
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="editions")
    root = Page.objects.get(depth=1)
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    next_step = int(last_child.path[-4:], 36) + 1 if last_child else 1
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=content_type,
        path=root.path + _base36(next_step).rjust(4, "0"),
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        site_name="The Masthead",
        slogan="News from every region, in three languages",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
