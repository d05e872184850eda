"""What caches are told: shared lifetimes for readers, nothing for editors."""

import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_shareable_with_validators(client, article):
    response = client.get(article.url)

    control = response["Cache-Control"]
    assert "public" in control
    assert "s-maxage=600" in control
    assert "stale-while-revalidate=60" in control
    assert "stale-if-error=86400" in control
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]


def test_conditional_requests_get_304(client, article):
    etag = client.get(article.url)["ETag"]

    response = client.get(article.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_editors_get_private_pages(client, article, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", password="pw"))

    response = client.get(article.url)

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_views_that_choose_their_own_lifetime_keep_it(client, home):
    response = client.get("/breaking/live.json")

    assert response.status_code == 200
    assert "s-maxage=600" not in response["Cache-Control"]
