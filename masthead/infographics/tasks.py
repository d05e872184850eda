from django_tasks import task

from masthead.media.renditions import prerender

from .models import InfographicPage
from .renditions import CARD_SPECS, GRAPHIC_SPECS


@task()
def prerender_infographic_images(page_id: int) -> None:
    """Make every rendition the infographic's pages and cards use, before readers
    ask."""
    page = (
        InfographicPage.objects.select_related("graphic", "lead_image")
        .filter(pk=page_id)
        .first()
    )
    if page is None:
        return
    if page.graphic:
        prerender(page.graphic, GRAPHIC_SPECS)
    if page.lead_image:
        prerender(page.lead_image, CARD_SPECS)
