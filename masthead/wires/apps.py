from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WiresConfig(AppConfig):
    name = "masthead.wires"
    label = "wires"
    verbose_name = _("Agency wires")
