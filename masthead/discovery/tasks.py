from django.utils import timezone
from django_tasks import task

from masthead.articles.models import ArticlePage

from .read_next import store_read_next


@task()
def update_read_next(article_id: int) -> None:
    """Store the Read Next list of a story that was just published."""
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is not None:
        store_read_next(article, timezone.now())
