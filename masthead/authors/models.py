from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from masthead.caching import keys
from masthead.caching.pages import CachedPage
from masthead.common.listings import paginate_stories, published_stories
from masthead.common.pages import FewPagesManager


class Author(TranslatableMixin, index.Indexed, models.Model):
    """A byline: a journalist, or the desk itself ("The Masthead English")."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=True,
        help_text=_("The last part of the author's page address."),
    )
    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_('e.g. "Middle East correspondent" or "News desk".'),
    )
    bio = models.TextField(_("biography"), blank=True, max_length=1000)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_desk = models.BooleanField(
        _("is a desk"),
        default=False,
        help_text=_("Tick for a desk or the newsroom itself rather than a person."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("is_desk"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_author_slug_per_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AuthorIndexPage(RoutablePageMixin, CachedPage, Page):
    """The Authors directory, and each author's page beneath it (/authors/<slug>/)."""

    objects = FewPagesManager()

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    parent_page_types = ["front.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("authors directory")

    @path("")
    def directory(self, request):
        keys.add(keys.authors(self.locale.language_code))
        authors = (
            Author.objects.filter(locale_id=self.locale_id)
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        return self.render(request, context_overrides={"authors": authors})

    @path("<str:slug>/")
    def author_page(self, request, slug):
        author = get_object_or_404(
            Author.objects.select_related("photo"), locale_id=self.locale_id, slug=slug
        )
        keys.add(keys.author(author.pk))
        stories = paginate_stories(
            request, published_stories().filter(authors__author=author)
        )
        return self.render(
            request,
            context_overrides={"author": author, "stories": stories},
            template="authors/author_page.html",
        )

    def url_for_author(self, author: Author, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(
            "author_page", kwargs={"slug": author.slug}
        )
