"""What a live blog page shows: a page of entries, the key events, the JSON-LD.

The cost is fixed: one query for the order of every entry (ids and flags only),
one for the entries shown with their authors, one for their pictures' renditions,
one for the key events, whatever the number of entries.
"""

from django.core.paginator import Paginator

from masthead.common.homes import home_for

from .entries import ENTRIES_SHOWN, attach_author_urls, entries_of
from .metadata import blog_json_ld

ENTRIES_PER_PAGE = ENTRIES_SHOWN
KEY_EVENTS_SHOWN = 12


def blog_context(blog, request) -> dict:
    entries = entries_of(blog)
    order = list(entries.values_list("pk", flat=True))
    paginator = Paginator(order, ENTRIES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    shown_ids = list(page.object_list)
    by_id = {entry.pk: entry for entry in entries.filter(pk__in=shown_ids)}
    shown = attach_author_urls([by_id[pk] for pk in shown_ids if pk in by_id], request)
    position = {pk: index for index, pk in enumerate(order)}
    key_events = list(
        blog.entries.filter(is_key_event=True).order_by("-posted_at", "-pk")[
            :KEY_EVENTS_SHOWN
        ]
    )
    for event in key_events:
        event_page = position.get(event.pk, 0) // ENTRIES_PER_PAGE + 1
        prefix = "" if event_page == page.number else f"?page={event_page}"
        event.link = f"{prefix}#{event.anchor}"
    context = {
        "entries": shown,
        "entries_page": page,
        "key_events": key_events,
        "latest_entry_id": max(order, default=0),
        "json_ld": [],
    }
    if page.number == 1:
        context["json_ld"] = [
            blog_json_ld(blog, shown, request, home=home_for(request, blog))
        ]
    return context
