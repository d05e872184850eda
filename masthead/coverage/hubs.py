"""Coverage hubs as an article page shows them: each hub with its latest stories."""

from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from masthead.caching import keys as surrogate_keys
from masthead.common.listings import attach_sections, published_stories

from .models import CoveragePage


@dataclass
class HubWithStories:
    hub: CoveragePage
    stories: list


def hubs_with_latest(article, per_hub: int = 3) -> list[HubWithStories]:
    """The article's live hubs, each with its newest other stories; four queries
    whatever the number of hubs."""
    # .all() then filter: in the editor's preview the relation is an in-memory list.
    hubs = sorted((hub for hub in article.coverage.all() if hub.live), key=str)
    if not hubs:
        return []
    surrogate_keys.add(*(surrogate_keys.page(hub.pk) for hub in hubs))
    membership = article.__class__.coverage.through
    ranked = (
        membership.objects.filter(
            coveragepage_id__in=[hub.pk for hub in hubs], articlepage__live=True
        )
        .exclude(articlepage_id=article.pk)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("coveragepage_id"),
                order_by=[
                    F("articlepage__first_published_at").desc(),
                    F("articlepage_id").desc(),
                ],
            )
        )
        .filter(rank__lte=per_hub)
        .values_list("coveragepage_id", "articlepage_id")
    )
    story_ids: dict[int, list[int]] = {}
    for hub_id, story_id in ranked:
        story_ids.setdefault(hub_id, []).append(story_id)
    wanted = {pk for ids in story_ids.values() for pk in ids}
    stories = {
        s.pk: s for s in attach_sections(published_stories().filter(pk__in=wanted))
    }
    return [
        HubWithStories(
            hub,
            sorted(
                (stories[pk] for pk in story_ids.get(hub.pk, []) if pk in stories),
                key=lambda story: story.first_published_at,
                reverse=True,
            ),
        )
        for hub in hubs
    ]
