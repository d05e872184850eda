from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from masthead.articles.models import StoryPick


class ReadNextPin(StoryPick):
    """An editor's own choice for an article's Read Next, shown before the
    computed recommendations."""

    article = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="read_next_pins"
    )

    class Meta(StoryPick.Meta):
        verbose_name = _("Read Next pick")
        verbose_name_plural = _("Read Next picks")


class ReadNextRecommendation(models.Model):
    """One computed Read Next story for an article, in rank order (0 first).

    Written when the article is published and by `refresh_read_next`; the page
    only reads it.
    """

    article = models.ForeignKey(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        related_name="read_next_recommendations",
    )
    story = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "rank"], name="discovery_read_next_one_per_rank"
            ),
            models.UniqueConstraint(
                fields=["article", "story"], name="discovery_read_next_story_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Read Next #{self.rank + 1} for article {self.article_id}"


class ArticleViewCount(models.Model):
    """How many times one article was read in one hour: all the view beacon keeps.

    No reader, address, browser or token is recorded; one row per article and
    hour, so a flood of beacons only makes a counter bigger.
    """

    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    hour = models.DateTimeField(help_text="The start of the hour, in UTC.")
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "hour"], name="discovery_one_count_per_article_hour"
            ),
        ]
        indexes = [models.Index(fields=["hour"], name="discovery_view_count_hour")]

    def __str__(self) -> str:
        return f"{self.views} views of article {self.article_id}, hour {self.hour:%c}"
