"""The newsroom's view of the audio: every story's audio and where it stands, one
story's audio with its player and error, and "Regenerate"."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from masthead.common.roles import story_page_model
from masthead.editions.rights import editions_for

from .actions import listen_enabled, request_audio
from .models import ArticleAudio, AudioStatus

PER_PAGE = 50


def audio_url_for(page: Page) -> str:
    return reverse("listen:story", args=[page.pk])


def sees_audio(user) -> bool:
    """The newsroom's roles grant it; the admin has loaded the user's permissions
    by the time the menu asks, so this costs no query."""
    return user.has_perm("listen.view_articleaudio")


def can_regenerate(user, page: Page) -> bool:
    return page.live and page.permissions_for_user(user).can_edit()


class AudioListView(WagtailAdminTemplateMixin, TemplateView):
    """Every story's audio in the user's editions; failures first."""

    template_name = "listen/admin/index.html"
    page_title = gettext_lazy("Story audio")
    header_icon = "media"

    def dispatch(self, request, *args, **kwargs):
        if not sees_audio(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        if status not in AudioStatus.values:
            status = ""
        in_editions = ArticleAudio.objects.filter(
            page__locale__in=editions_for(self.request.user, "change")
        )
        rows = in_editions.select_related("page", "page__locale").order_by(
            "-requested_at", "-pk"
        )
        if status:
            rows = rows.filter(status=status)
        counts = dict(in_editions.values_list("status").annotate(Count("pk")))
        listing = Paginator(rows, PER_PAGE).get_page(self.request.GET.get("p"))
        return {
            **super().get_context_data(**kwargs),
            "listing": listing,
            "rows": [(audio, audio_url_for(audio.page)) for audio in listing],
            "status": status,
            "statuses": [
                (value, label, counts.get(value, 0))
                for value, label in AudioStatus.choices
            ],
            "enabled": listen_enabled(),
        }


class StoryAudioView(WagtailAdminTemplateMixin, TemplateView):
    """One story's audio: status, figures, the files, the error, and Regenerate."""

    template_name = "listen/admin/story.html"
    header_icon = "media"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(
            story_page_model().objects.select_related("locale"), pk=kwargs["page_id"]
        )
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Audio")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("listen:index"), "label": _("Story audio")},
            {"url": "", "label": self.page.get_admin_display_title()},
        ]

    def post(self, request, *args, **kwargs):
        if not can_regenerate(request.user, self.page):
            messages.error(request, _("Only a published story has audio."))
        elif not listen_enabled():
            messages.error(request, _("Listen is turned off on this site."))
        else:
            request_audio(self.page, force=True)
            messages.success(
                request,
                _(
                    "The audio will be made again; the story keeps its current "
                    "audio until then."
                ),
            )
        return redirect(audio_url_for(self.page))

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "story": self.page,
            "audio": ArticleAudio.objects.filter(page_id=self.page.pk).first(),
            "can_regenerate": can_regenerate(self.request.user, self.page),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            "enabled": listen_enabled(),
        }
