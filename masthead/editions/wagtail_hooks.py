from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import TranslationSync


class OutdatedTranslationsPanel(Component):
    """Dashboard list of translations whose original changed since."""

    name = "outdated_translations"
    order = 90
    template_name = "editions/panels/outdated_translations.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        editable = PagePermissionPolicy().instances_user_has_permission_for(
            self.user, "change"
        )
        syncs = (
            TranslationSync.objects.filter(needs_update=True, translation__in=editable)
            .select_related("translation", "translation__locale", "source")
            .order_by("-flagged_at")[:20]
        )
        return {"syncs": list(syncs), "title": _("Translations to update")}


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    panels.append(OutdatedTranslationsPanel(request.user))
