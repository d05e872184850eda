from django_tasks import task

from masthead.media.renditions import ARTICLE_LEAD_SPECS, BODY_IMAGE_SPECS, prerender

from .models import ArticlePage


@task()
def prerender_article_images(page_id: int) -> None:
    """Make every rendition the article's templates use, before readers ask."""
    page = ArticlePage.objects.select_related("lead_image").filter(pk=page_id).first()
    if page is None:
        return
    if page.lead_image:
        prerender(page.lead_image, ARTICLE_LEAD_SPECS)
    for block in page.body:
        if block.block_type == "image" and block.value["image"]:
            prerender(block.value["image"], BODY_IMAGE_SPECS)
