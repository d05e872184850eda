"""The newsroom's side of live blogs: which are running, and the form that posts
an update to one. Posting goes through `actions.post_entry`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .actions import post_entry
from .forms import EntryForm
from .models import LiveBlogPage, LiveBlogStatus

RECENT_ENTRIES_SHOWN = 10


def can_post(user, blog: LiveBlogPage) -> bool:
    """Those who may publish the blog may post to it."""
    return blog.permissions_for_user(user).can_publish()


def post_url(blog: LiveBlogPage) -> str:
    return reverse("live_admin:post", args=[blog.pk])


class LiveBlogIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The running live blogs, each with its way to the form."""

    template_name = "live/admin/index.html"
    page_title = gettext_lazy("Live blogs")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        blogs = (
            LiveBlogPage.objects.filter(status=LiveBlogStatus.LIVE)
            .select_related("locale")
            .order_by("-latest_revision_created_at")
        )
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "blogs": [(blog, post_url(blog)) for blog in blogs if can_post(user, blog)],
        }


class PostEntryView(WagtailAdminTemplateMixin, FormView):
    form_class = EntryForm
    template_name = "live/admin/post_entry.html"
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        self.blog = get_object_or_404(LiveBlogPage, pk=kwargs["page_id"])
        if not can_post(request.user, self.blog):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Post an update")

    def get_page_subtitle(self):
        return self.blog.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("live_admin:index"), "label": _("Live blogs")},
            {"url": "", "label": self.blog.title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "blog": self.blog}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["body"].widget.attrs["autofocus"] = True
        return form

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "blog": self.blog,
            "action_url": post_url(self.blog),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[self.blog.pk]),
            "recent": self.blog.entries.order_by("-posted_at", "-pk")[
                :RECENT_ENTRIES_SHOWN
            ],
        }

    def form_invalid(self, form):
        messages.validation_error(
            self.request, _("The update was not posted: correct it below."), form
        )
        return super().form_invalid(form)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            entry = post_entry(
                self.blog,
                body=data["body"],
                headline=data["headline"],
                author=data["author"],
                is_key_event=data["is_key_event"],
                image=data["image"],
                image_alt=data["image_alt"],
                embed_url=data["embed_url"],
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Posted to %(blog)s: %(entry)s") % {"blog": self.blog, "entry": entry},
            buttons=[
                messages.button(
                    self.blog.get_url(self.request) + f"#{entry.anchor}",
                    _("View live"),
                )
            ]
            if self.blog.live
            else [],
        )
        return redirect(post_url(self.blog))
