"""The search page of each edition (/search/, /ar/search/, /es/search/)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from masthead.common import ratelimit
from masthead.common.listings import (
    STORIES_PER_PAGE,
    attach_sections,
    published_stories,
)
from masthead.front.chrome import chrome_for
from masthead.front.models import HomePage

from .forms import SearchForm
from .query import parse_query
from .ranking import rank

# Results depend on the reader's query: no shared cache may keep them.
CACHE_CONTROL = "private, max-age=0"
# Searches per client per window; SEARCH_RATE_LIMIT = (searches, seconds).
DEFAULT_RATE_LIMIT = (30, 60)


def _budget() -> ratelimit.Budget:
    limit, window = getattr(settings, "SEARCH_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    return ratelimit.Budget("search", int(limit), int(window))


def _edition_home(language_code: str) -> HomePage:
    home = HomePage.objects.live().filter(locale__language_code=language_code).first()
    if home is None:
        raise Http404("This edition has no home page yet.")
    return home


@require_safe
def search(request):
    budget = _budget()
    if not ratelimit.allow(request, budget):
        response = render(request, "search/rate_limited.html", status=429)
        response["Retry-After"] = str(budget.retry_after())
        response["Cache-Control"] = CACHE_CONTROL
        return response

    home = _edition_home(translation.get_language())
    chrome_for(request, home)  # the page chrome shows this edition
    form = SearchForm(request.GET, home=home)
    filters = form.filters()
    query = parse_query(form.cleaned_data.get("q") or "")
    hits = rank(home, query, filters)
    results = Paginator(hits, STORIES_PER_PAGE).get_page(request.GET.get("page"))
    results.object_list = _stories_in_order([hit.page_id for hit in results])
    response = render(
        request,
        "search/search_page.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "result_count": len(hits),
            "home": home,
        },
    )
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _stories_in_order(page_ids: list[int]) -> list:
    stories = {story.pk: story for story in published_stories().filter(pk__in=page_ids)}
    return attach_sections(stories[pk] for pk in page_ids if pk in stories)
