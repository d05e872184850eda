from django_tasks import task

from masthead.media.renditions import ARTICLE_LEAD_SPECS, prerender

from .models import GalleryPage
from .renditions import GRID_SPECS, LARGE_SPECS

# The cover is shown as a story's lead picture is: on cards and social cards.
COVER_SPECS = ARTICLE_LEAD_SPECS
PICTURE_SPECS = list(dict.fromkeys([*GRID_SPECS, *LARGE_SPECS]))


@task()
def prerender_gallery_images(page_id: int) -> None:
    """Make every rendition the gallery's pages use, before readers ask."""
    page = GalleryPage.objects.select_related("lead_image").filter(pk=page_id).first()
    if page is None:
        return
    if page.lead_image:
        prerender(page.lead_image, COVER_SPECS)
    for picture in page.ordered_pictures():
        prerender(picture.image, PICTURE_SPECS)
