from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from .actions import request_preparation
from .models import VideoPage


def prepare_again(request, page_id: int):
    """Ask, then queue the preparation of a page's uploaded video once more."""
    page = get_object_or_404(VideoPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not page.source_file:
        raise Http404(_("This video has no uploaded file."))
    if request.method == "POST":
        request_preparation(page.source_file.name, again=True)
        messages.success(request, _("The video will be prepared again."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(request, "video/admin/prepare_again.html", {"page": page})
