"""Error pages in the site's design."""

import logging

from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def page_not_found(request, exception=None):
    """404: the site's chrome, a search box and the edition's latest stories."""
    from masthead.common.listings import latest_stories

    from .chrome import chrome_for

    latest = []
    try:
        home = chrome_for(request).home
        if home is not None:
            latest = latest_stories(home, limit=5)
    except Exception:  # a broken listing must not turn a 404 into a 500
        logger.exception("Could not list the latest stories on the 404 page")
    return render(request, "404.html", {"latest": latest}, status=404)


def server_error(request):
    """500: a page that needs neither the database nor the request's context."""
    return render(request, "500.html", status=500)


def bad_request(request, exception=None):
    """400: a request the site cannot make sense of (a malformed form, an
    unknown host name)."""
    return _error_page(
        request,
        400,
        _("Bad request"),
        _("Your browser sent something this site could not understand."),
    )


def permission_denied(request, exception=None):
    return _error_page(
        request,
        403,
        _("Access denied"),
        _("You do not have permission to see this page."),
    )


def csrf_failure(request, reason=""):
    """403 for a form sent without its security token (CSRF_FAILURE_VIEW)."""
    return _error_page(
        request,
        403,
        _("This form has expired"),
        _("Go back, reload the page and send the form again."),
    )


def _error_page(request, status: int, title: str, message: str):
    context = {"title": title, "message": message}
    try:
        return render(request, "error.html", context, status=status)
    except Exception:  # e.g. a request whose host the site does not serve
        logger.exception("Could not render the %s page in the site's design", status)
        return render(request, "error_plain.html", context, status=status)
