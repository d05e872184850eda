from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """A picture in the library, with the credit and caption that travel with it."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            'Who made or supplied the picture, e.g. "Iranian Presidency / AFP".'
        ),
    )
    default_caption = models.TextField(
        _("default caption"),
        blank=True,
        help_text=_("Used wherever the picture appears unless a page gives its own."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit", "default_caption")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
