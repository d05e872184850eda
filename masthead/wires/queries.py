"""What other parts of the admin show of the wires (the editorial dashboard), each
in one query whatever the number of rows."""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from wagtail.models import Locale

from .models import WireItem, WireStatus, WireUse


def cluster_heads() -> QuerySet[WireItem]:
    """One item per group of near duplicates, with `similar_count` (the others
    in its group) and `is_used` (it or one of the others became a draft)."""
    used = WireUse.objects.filter(
        Q(item_id=OuterRef("pk")) | Q(item__duplicate_of_id=OuterRef("pk"))
    )
    # Subqueries rather than a join and GROUP BY: only the rows shown count.
    similar = (
        WireItem.objects.filter(duplicate_of_id=OuterRef("pk"))
        .order_by()
        .values("duplicate_of_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        WireItem.objects.filter(duplicate_of__isnull=True)
        .select_related("source")
        .annotate(
            similar_count=Coalesce(Subquery(similar, output_field=IntegerField()), 0),
            is_used=Exists(used),
        )
    )


def waiting_items(locale: Locale | None = None, limit: int = 10) -> list[WireItem]:
    """The newest usable stories nobody has used yet, in the edition's language
    when one is given."""
    items = cluster_heads().filter(status=WireStatus.USABLE, is_used=False)
    if locale is not None:
        items = items.filter(language=locale.language_code)
    return list(items.order_by("-received_at", "-pk")[:limit])


def flagged_uses(limit: int = 10) -> list[WireUse]:
    """Drafts whose wire changed since they were made: a newer version arrived,
    or the agency canceled the item. Newest change first."""
    return list(
        WireUse.objects.flagged()
        .select_related("item", "item__source", "page", "used_by")
        .order_by("-item__updated_at", "-pk")[:limit]
    )
