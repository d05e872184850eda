import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from masthead.articles.models import STANDFIRST_MAX_LENGTH, STANDFIRST_MIN_LENGTH
from masthead.authors.tests.factories import AuthorFactory
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory
from masthead.wires.actions import find_draft, standfirst_for, use_wire_item
from masthead.wires.models import WireUse

from .factories import WireItemFactory, new_version

pytestmark = pytest.mark.django_db


def test_makes_an_unpublished_draft_with_the_wire_text(news, desk, admin_user):
    item = WireItemFactory(
        headline="Floods cut off villages",
        summary="Thousands spend the night in shelters after two days of rain.",
        body="First paragraph.\n\nSecond <b>paragraph</b> & more.",
        source__credit="Reuters",
    )

    page = use_wire_item(item, news, admin_user)

    page.refresh_from_db()
    assert not page.live
    assert page.has_unpublished_changes
    assert page.get_parent().specific == news
    assert page.locale == news.locale
    assert page.title == "Floods cut off villages"
    assert page.standfirst == item.summary
    assert page.source == "Reuters"
    assert page.kind == "news"
    assert page.owner == admin_user
    assert [a.author for a in page.authors.all()] == [desk]
    paragraphs = [block.value.source for block in page.body]
    assert paragraphs == [
        "<p>First paragraph.</p>",
        "<p>Second &lt;b&gt;paragraph&lt;/b&gt; &amp; more.</p>",
    ]
    # The editor opens the draft's latest revision: it holds the same text.
    revision = page.get_latest_revision_as_object()
    assert revision.title == page.title
    assert len(revision.body) == 2


def test_records_the_use_of_the_version(news, desk, admin_user):
    item = new_version(WireItemFactory())

    page = use_wire_item(item, news, admin_user)

    use = WireUse.objects.get()
    assert (use.item, use.version, use.page_id, use.used_by) == (
        item,
        2,
        page.pk,
        admin_user,
    )
    assert not use.has_newer_version
    new_version(item, headline="Updated")
    use.refresh_from_db()
    assert use.has_newer_version


def test_the_credit_falls_back_on_the_items(news, desk):
    item = WireItemFactory(source__credit="", credit="Agence Exemple")
    assert use_wire_item(item, news).source == "Agence Exemple"


def test_the_given_author_is_the_byline(news, desk):
    writer = AuthorFactory(name="Lina Haddad")
    page = use_wire_item(WireItemFactory(), news, author=writer)
    assert [a.author for a in page.authors.all()] == [writer]


def test_without_a_desk_the_first_author_of_the_edition_signs(news):
    AuthorFactory(name="Zed")
    first = AuthorFactory(name="Amal")
    page = use_wire_item(WireItemFactory(), news)
    assert [a.author for a in page.authors.all()] == [first]


def test_a_standfirst_is_padded_from_the_body_and_trimmed():
    body = ["Short.", "A second paragraph that makes it long enough.", "Third."]
    padded = standfirst_for("", body)
    assert padded == "Short. A second paragraph that makes it long enough."
    assert len(padded) >= STANDFIRST_MIN_LENGTH

    trimmed = standfirst_for("word " * 200, [])
    assert len(trimmed) <= STANDFIRST_MAX_LENGTH
    assert trimmed.endswith("word…")


def test_a_wire_too_short_for_a_standfirst_still_makes_a_draft(news, desk):
    item = WireItemFactory(headline="FLASH: Minister resigns", summary="", body="")

    page = use_wire_item(item, news)

    page.refresh_from_db()
    assert page.title == "FLASH: Minister resigns"
    assert page.standfirst == ""
    assert not page.live
    assert WireUse.objects.filter(page=page).exists()


def test_a_second_use_opens_the_same_draft(news, desk):
    item = WireItemFactory()
    first = use_wire_item(item, news)

    again = use_wire_item(item, news)

    assert again.pk == first.pk
    assert WireUse.objects.count() == 1
    assert find_draft(item).pk == first.pk


def test_another_copy_can_be_asked_for(news, desk):
    item = WireItemFactory()
    first = use_wire_item(item, news)

    copy = use_wire_item(item, news, another_copy=True)

    assert copy.pk != first.pk
    assert copy.slug != first.slug
    assert WireUse.objects.count() == 2


def test_a_canceled_item_cannot_be_used(news, desk):
    with pytest.raises(ValidationError, match="canceled"):
        use_wire_item(WireItemFactory(status="canceled"), news)


def test_a_draft_in_another_edition_takes_that_editions_locale(news):
    ensure_edition_home("es")
    spanish = SectionPageFactory(
        parent=news.get_parent().get_translation(Locale.objects.get(language_code="es"))
    )
    AuthorFactory(locale=spanish.locale, is_desk=True)
    page = use_wire_item(WireItemFactory(language="es"), spanish)
    assert page.locale.language_code == "es"
