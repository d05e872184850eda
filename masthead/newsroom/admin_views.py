"""The newsroom's own admin pages: a story's embargo, and translating a story
into one's own edition."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from masthead.common.roles import story_page_model
from masthead.editions.rights import editions_for

from .embargo import embargo_in_force, lift_embargo, local_time, set_embargo
from .forms import EmbargoForm, LiftEmbargoForm, TranslateIntoEditionForm
from .models import Embargo


def can_embargo(user, page: Page) -> bool:
    return user.has_perm("newsroom.add_embargo") and (
        page.permissions_for_user(user).can_edit()
    )


def embargo_url(page: Page) -> str:
    return reverse("newsroom:embargo", args=[page.pk])


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def story_breadcrumbs(base, page: Page, label: str) -> list[dict]:
    return [
        *base,
        {"url": edit_url(page), "label": page.get_admin_display_title()},
        {"url": "", "label": label},
    ]


class EmbargoView(WagtailAdminTemplateMixin, FormView):
    """Set a story's embargo, see its history, and lift the one in force."""

    template_name = "newsroom/admin/embargo.html"
    form_class = EmbargoForm
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not can_embargo(request.user, self.page):
            raise PermissionDenied
        self.current = embargo_in_force(self.page.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Embargo")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return story_breadcrumbs(self.breadcrumbs_items, self.page, _("Embargo"))

    def post(self, request, *args, **kwargs):
        if "lift" in request.POST:
            return self.lift()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            embargo = set_embargo(
                self.page, form.cleaned_data["until"], self.request.user,
                form.cleaned_data["note"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Embargoed until %(until)s.") % {"until": local_time(embargo.until)},
        )
        return redirect(edit_url(self.page))

    def lift(self):
        lift_form = LiftEmbargoForm(self.request.POST)
        if self.current is None:
            messages.error(self.request, _("This story is not under embargo."))
            return redirect(embargo_url(self.page))
        if lift_form.is_valid():
            try:
                lift_embargo(
                    self.current, self.request.user, lift_form.cleaned_data["reason"]
                )
            except ValidationError as error:
                lift_form.add_error("reason", error)
            else:
                messages.success(self.request, _("The embargo is lifted."))
                return redirect(edit_url(self.page))
        return self.render_to_response(
            self.get_context_data(lift_form=lift_form), status=400
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("lift_form", LiftEmbargoForm())
        return {
            **context,
            "page": self.page,
            "current": self.current,
            "history": Embargo.objects.filter(page=self.page).select_related(
                "set_by", "lifted_by"
            ),
            "action_url": embargo_url(self.page),
            "edit_url": edit_url(self.page),
        }


def target_parent(page: Page, locale: Locale) -> Page | None:
    """Where the translation goes: the translation of the story's parent."""
    parent = page.get_parent()
    return parent.get_translation_or_none(locale)


def translatable_locales(user, page: Page) -> list[Locale]:
    """The editions the user may translate `page` into: those without a
    translation yet, whose translated parent the user may add pages under."""
    translated = set(
        page.get_translations(inclusive=True).values_list("locale_id", flat=True)
    )
    locales = []
    for locale in Locale.objects.exclude(pk__in=translated).order_by("language_code"):
        parent = target_parent(page, locale)
        if parent is not None and parent.permissions_for_user(user).can_add_subpage():
            locales.append(locale)
    return locales


class TranslateIntoEditionView(WagtailAdminTemplateMixin, FormView):
    """A translator's way in: copy a story of another edition into theirs as a
    draft, without rights over the original (Wagtail's own "Translate" asks for
    the right to edit it)."""

    template_name = "newsroom/admin/translate.html"
    header_icon = "globe"
    page_title = gettext_lazy("Translate")

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"], live=True).specific
        if not request.user.has_perm("simple_translation.submit_translation"):
            raise PermissionDenied
        self.locales = translatable_locales(request.user, self.page)
        if not self.locales:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsroom:to_translate"), "label": _("To translate")},
            {"url": "", "label": self.page.get_admin_display_title()},
        ]

    def get_form(self, form_class=None):
        return TranslateIntoEditionForm(self.locales, self.request.POST or None)

    def form_valid(self, form):
        translation = CopyPageForTranslationAction(
            page=self.page, locale=form.cleaned_data["locale"], user=self.request.user
        ).execute(skip_permission_checks=True)
        messages.success(
            self.request,
            _("A draft translation is ready: translate it and submit it for review."),
        )
        return redirect(edit_url(translation))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "page": self.page}


def translate_url(page: Page) -> str:
    return reverse("newsroom:translate", args=[page.pk])


STORIES_TO_TRANSLATE = 50


def stories_to_translate(user):
    """Recent stories of the other editions that have no translation yet in the
    editions where the user may add stories."""
    story = story_page_model()
    editions = editions_for(user, "add")
    translated = story.objects.filter(locale__in=editions).values("translation_key")
    return (
        story.objects.live()
        .exclude(locale__in=editions)
        .exclude(translation_key__in=translated)
        .select_related("locale")
        .order_by("-first_published_at")[:STORIES_TO_TRANSLATE]
    )


class StoriesToTranslateView(WagtailAdminTemplateMixin, TemplateView):
    """Where a translator finds the stories of other editions, which the page
    explorer does not show them."""

    template_name = "newsroom/admin/to_translate.html"
    page_title = gettext_lazy("To translate")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("simple_translation.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "stories": [
                (story, translate_url(story))
                for story in stories_to_translate(self.request.user)
            ],
        }
