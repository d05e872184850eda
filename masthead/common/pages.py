"""What page types share: lookups for types with few pages, the lead image, and
what a listing card shows."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageManager


class FewPagesManager(PageManager):
    """Looks a page type up through its own table.

    Editions' homes, sections and coverage hubs number in the tens while the page
    table holds every story. A filter on the page table (`live`, `path`,
    `show_in_menus`) leads the database to scan all of it first: 100 ms per query
    at 100,000 stories on SQLite. Restricting to the type's own rows lets it start
    from those few.
    """

    def get_queryset(self):
        own_rows = self.model._base_manager.order_by().values("pk")
        return super().get_queryset().filter(pk__in=own_rows)


class LeadImageMixin(models.Model):
    """A page's lead picture and the words that stand in for it."""

    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "At least 1,600 × 1,200 pixels, so that search engines and social "
            "networks get large 16:9, 4:3 and square crops."
        ),
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )

    class Meta:
        abstract = True

    @property
    def lead_alt_text(self) -> str:
        if not self.lead_image:
            return ""
        return self.lead_image_alt or self.lead_image.description

    def require_lead_image_alt(self):
        """Refuse a lead image that neither the page nor the picture describes."""
        if self.lead_image_id and not (
            self.lead_image_alt.strip() or self.lead_image.description.strip()
        ):
            raise ValidationError(
                {
                    "lead_image_alt": _(
                        "Describe the lead image for readers who cannot see it."
                    )
                }
            )


class ListingCardMixin:
    """What a story card, a feed entry and a social card show of a page besides
    its title and lead image: its summary, read from `summary_field`."""

    summary_field = "standfirst"

    @property
    def summary(self) -> str:
        return getattr(self, self.summary_field)
