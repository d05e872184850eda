"""An item's page, its Use form, and the warning on a draft whose wire changed."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from masthead.articles.models import ArticlePage
from masthead.wires.actions import use_wire_item
from masthead.wires.models import WireUse

from .conftest import grant
from .factories import WireItemFactory, new_version

pytestmark = pytest.mark.django_db


def detail_url(item, query=""):
    return reverse("wires_items:inspect", args=[item.pk]) + query


def use_url(item):
    return reverse("wires_items:use", args=[item.pk])


def test_shows_the_text_versions_and_similar_items(wire_client):
    item = WireItemFactory(headline="Floods cut off villages", body="First.\n\nSecond.")
    new_version(item, body="First.\n\nSecond, longer.")
    similar = WireItemFactory(headline="Villages flooded", duplicate_of=item)

    response = wire_client.get(detail_url(item))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Floods cut off villages" in page
    assert "Second, longer." in page
    assert [v.version for v in response.context["versions"]] == [2, 1]
    assert response.context["similar"] == [similar]
    assert f'action="{use_url(item)}"' in page


def test_compares_two_versions(wire_client):
    item = WireItemFactory(body="Kept.\n\nOld sentence.")
    new_version(item, body="Kept.\n\nNew sentence.")

    response = wire_client.get(detail_url(item, "?compare=1"))

    kinds = [(line.kind, line.text) for line in response.context["changes"]]
    assert ("removed", "Old sentence.") in kinds
    assert ("added", "New sentence.") in kinds
    assert ("same", "Kept.") in kinds
    assert "<del>Old sentence.</del>" in response.content.decode()


@pytest.mark.parametrize("query", ["?compare=99", "?compare=x", "?version=-1"])
def test_unknown_versions_in_the_address_are_ignored(wire_client, query):
    response = wire_client.get(detail_url(WireItemFactory(), query))
    assert response.status_code == 200
    assert response.context["changes"] == []


def test_use_makes_a_draft_and_opens_it(wire_client, wire_editor, news, desk):
    item = WireItemFactory(headline="Floods cut off villages")

    response = wire_client.post(use_url(item), {"section": news.pk})

    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    use = WireUse.objects.get()
    assert (use.page_id, use.version, use.used_by) == (page.pk, 1, wire_editor)
    (message,) = get_messages(response.wsgi_request)
    assert "Draft made from the wire" in str(message)


def test_a_second_use_opens_the_first_draft(wire_client, news, desk):
    item = WireItemFactory()
    first = use_wire_item(item, news)

    response = wire_client.post(use_url(item), {"section": news.pk})

    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[first.pk])
    assert ArticlePage.objects.count() == 1


def test_another_copy_when_asked(wire_client, news, desk):
    item = WireItemFactory()
    use_wire_item(item, news)

    wire_client.post(use_url(item), {"section": news.pk, "another_copy": "on"})

    assert ArticlePage.objects.count() == 2


@pytest.mark.parametrize("section", ["", "abc", "999999"])
def test_a_bad_form_comes_back_with_a_message(wire_client, section, desk):
    item = WireItemFactory()

    response = wire_client.post(use_url(item), {"section": section, "author": "x"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert ArticlePage.objects.count() == 0


def test_only_sections_the_user_may_add_under_are_offered(
    client, django_user_model, home, news
):
    from masthead.front.setup import ensure_edition_home
    from masthead.sections.tests.factories import SectionPageFactory

    spanish_home = ensure_edition_home("es")
    SectionPageFactory(parent=spanish_home, title="Noticias")
    nobody = grant(
        django_user_model.objects.create_user("reader", "r@x.test"),
        "access_admin",
        "view_wireitem",
        "add_wireuse",
    )
    client.force_login(nobody)
    item = WireItemFactory()

    response = client.get(detail_url(item))
    assert not response.context["form"].has_sections
    assert "You may not add stories" in response.content.decode()

    response = client.post(use_url(item), {"section": news.pk})
    assert response.status_code == 200
    assert ArticlePage.objects.count() == 0


def test_sections_of_another_edition_are_refused(wire_client, news, desk):
    from masthead.front.setup import ensure_edition_home
    from masthead.sections.tests.factories import SectionPageFactory

    noticias = SectionPageFactory(parent=ensure_edition_home("es"), title="Noticias")

    response = wire_client.post(use_url(WireItemFactory()), {"section": noticias.pk})

    assert response.status_code == 200
    assert ArticlePage.objects.count() == 0


def test_a_canceled_item_offers_no_use(wire_client, news):
    item = WireItemFactory(status="canceled")

    assert wire_client.get(detail_url(item)).context["form"] is None
    response = wire_client.post(use_url(item), {"section": news.pk})
    assert response.status_code == 200
    assert ArticlePage.objects.count() == 0


def test_without_use_permission_no_form_and_no_draft(
    client, django_user_model, home, news
):
    viewer = grant(
        django_user_model.objects.create_user("viewer", "v@x.test"),
        "access_admin",
        "view_wireitem",
    )
    client.force_login(viewer)
    item = WireItemFactory()

    assert client.get(detail_url(item)).context["form"] is None
    assert client.post(use_url(item), {"section": news.pk}).status_code in (302, 403)
    assert ArticlePage.objects.count() == 0


def test_without_view_permission_the_item_is_refused(client, django_user_model, home):
    user = grant(django_user_model.objects.create_user("x", "x@x.test"), "access_admin")
    client.force_login(user)
    assert client.get(detail_url(WireItemFactory())).status_code in (302, 403)


def test_a_missing_item_is_not_found(wire_client):
    assert wire_client.get("/admin/wires/incoming/999999/").status_code == 404


def test_the_draft_of_a_changed_wire_warns_on_its_edit_page(wire_client, news, desk):
    item = WireItemFactory()
    page = use_wire_item(item, news)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "sent version" not in wire_client.get(edit_url).content.decode()

    new_version(item, body="Two people died.")
    response = wire_client.get(edit_url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "The agency sent version 2 of the wire" in html
    assert detail_url(item, "?compare=1") in html


def test_the_draft_of_a_canceled_wire_warns_too(wire_client, news, desk):
    item = WireItemFactory()
    page = use_wire_item(item, news)
    item.status = "canceled"
    item.save()

    response = wire_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert "The agency canceled the wire" in response.content.decode()


def test_the_admin_finds_an_items_page_and_no_page_for_an_error(wire_editor):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    from masthead.wires.models import WireSourceError

    item = WireItemFactory()
    error = WireSourceError.objects.create(source=item.source, message="x")

    assert AdminURLFinder(wire_editor).get_edit_url(item) == detail_url(item)
    assert AdminURLFinder().get_edit_url(error) is None


def test_the_pages_history_says_it_was_made_from_a_wire(wire_client, news, desk):
    page = use_wire_item(WireItemFactory(), news)

    response = wire_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))

    assert response.status_code == 200
    assert "Made from an agency wire" in response.content.decode()
