"""The view beacon counts a reader's view once, and takes any input without harm."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.discovery import views
from masthead.discovery.counting import hour_bucket
from masthead.discovery.models import ArticleViewCount

from .conftest import BROWSER, add_views

pytestmark = pytest.mark.django_db

URL = reverse("discovery:record-view")
FORM = "application/x-www-form-urlencoded"
TOKEN = "0123456789abcdef0123456789abcdef"


def send(client, article_id, token=TOKEN, user_agent=BROWSER, url=URL, **extra):
    return client.post(
        url,
        urlencode({"article": article_id, "token": token}),
        content_type=FORM,
        headers={"User-Agent": user_agent},
        **extra,
    )


def views_of(article) -> int:
    return sum(
        ArticleViewCount.objects.filter(article=article).values_list("views", flat=True)
    )


def test_a_beacon_counts_one_view_in_the_current_hour(client, article):
    response = send(client, article.pk)

    assert response.status_code == 204
    count = ArticleViewCount.objects.get()
    assert (count.article_id, count.views) == (article.pk, 1)
    assert count.hour == hour_bucket(timezone.now())


@pytest.mark.parametrize("url", ["/discovery/views/", "/ar/discovery/views/"])
def test_every_edition_has_the_beacon(client, article, url):
    response = send(client, article.pk, url=url)

    assert response.status_code == 204
    assert views_of(article) == 1


def test_a_repeated_token_counts_once(client, article):
    send(client, article.pk)
    send(client, article.pk)
    assert views_of(article) == 1

    send(client, article.pk, token="another-page-load-0123456789")
    assert views_of(article) == 2


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 11) Chrome-Lighthouse",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "Wget/1.21",
        "python-requests/2.32.3",
        "Mozilla/5.0 AhrefsSpider",
        "Some-Crawler/1.0",
    ],
)
def test_bots_are_not_counted(client, article, user_agent):
    response = send(client, article.pk, user_agent=user_agent)

    assert response.status_code == 204
    assert not ArticleViewCount.objects.exists()


def test_ids_that_are_not_live_articles_are_ignored_silently(client, article, politics):
    withdrawn = ArticlePageFactory(parent=politics)
    withdrawn.unpublish()
    for article_id in (
        999_999,  # no such page
        10**18,  # longer than any page id
        withdrawn.pk,  # unpublished
        politics.pk,  # a section, not an article
        politics.get_parent().pk,
    ):
        response = send(client, article_id, token=f"token-for-page-{article_id}")
        assert response.status_code == 204, article_id
    assert not ArticleViewCount.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"article=1",
        b"token=" + TOKEN.encode(),
        b"article=&token=" + TOKEN.encode(),
        b"article=abc&token=" + TOKEN.encode(),
        b"article=-4&token=" + TOKEN.encode(),
        b"article=07&token=" + TOKEN.encode(),
        b"article=1.5&token=" + TOKEN.encode(),
        b"article=1&token=short",
        b"article=1&token=" + b"x" * 65,
        b"article=1&token=" + TOKEN.encode() + b"%00",
        b"article=1&article=2&token=" + TOKEN.encode(),
        b"article=1&token=" + TOKEN.encode() + b"&extra=1",
        b"article=1&token=\xff\xfe" + TOKEN.encode(),
        b"\x00\x01\x02",
        b"article=1;token=" + TOKEN.encode(),
        b"==&&==",
    ],
)
def test_malformed_bodies_are_refused(client, article, body):
    # CONTENT_TYPE is passed as well: the test client drops it for an empty body.
    response = client.post(URL, body, content_type=FORM, CONTENT_TYPE=FORM)

    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    assert not ArticleViewCount.objects.exists()


@pytest.mark.parametrize("method", ["get", "head", "put", "patch", "delete", "options"])
def test_other_methods_are_refused(client, article, method):
    response = getattr(client, method)(URL)

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert not ArticleViewCount.objects.exists()


def test_other_content_types_are_refused(client, article):
    response = client.post(
        URL, {"article": article.pk, "token": TOKEN}, content_type="application/json"
    )

    assert response.status_code == 415
    assert not ArticleViewCount.objects.exists()


def test_a_huge_body_is_refused_unread(client, article):
    body = urlencode({"article": article.pk, "token": TOKEN, "padding": "x" * 5000})

    response = client.post(URL, body, content_type=FORM)

    assert response.status_code == 413
    assert not ArticleViewCount.objects.exists()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    body=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(str.encode),
        st.dictionaries(
            st.sampled_from(["article", "token", "x", ""]),
            st.text(max_size=80),
            max_size=4,
        ).map(lambda fields: urlencode(fields).encode()),
    ),
    content_type=st.sampled_from(
        [FORM, f"{FORM}; charset=utf-8", "text/plain", "", "multipart/form-data"]
    ),
    query=st.text(max_size=100),
)
def test_any_input_gets_a_clear_answer_and_never_an_error(
    client, article, body, content_type, query
):
    response = client.post(
        f"{URL}?{urlencode({'q': query})}", body, content_type=content_type
    )

    assert response.status_code in {204, 400, 413, 415}
    assert response["Cache-Control"] == "no-store"
    assert not ArticleViewCount.objects.exists()


def test_a_flood_of_page_loads_grows_one_counter_not_the_table(client, article):
    for number in range(1000):
        assert (
            send(client, article.pk, token=f"flood-token-{number:06d}").status_code
            == 204
        )

    count = ArticleViewCount.objects.get()
    assert count.views == 1000


@pytest.mark.parametrize("article_id", ["valid", 999_999])
def test_no_cookie_and_no_caching(client, article, article_id):
    client.get(article.url)  # a reader arrives from the page, with whatever it set

    response = send(client, article.pk if article_id == "valid" else article_id)
    refused = client.post(URL, b"nonsense", content_type=FORM)

    for answer in (response, refused):
        assert answer["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in answer.headers
        assert not answer.cookies


def test_nothing_about_the_reader_is_stored(client, article):
    address, agent = "203.0.113.77", BROWSER + " DistinctiveReader/9.9"

    send(client, article.pk, user_agent=agent, REMOTE_ADDR=address)

    columns = {field.column for field in ArticleViewCount._meta.concrete_fields}
    assert columns == {"id", "article_id", "hour", "views"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ArticleViewCount._meta.db_table}")  # noqa: S608
        stored = repr(cursor.fetchall())
    for personal in (address, "DistinctiveReader", TOKEN):
        assert personal not in stored
    # The dedupe entry is keyed by the page-load token alone.
    cached = repr(cache._cache) + repr(list(cache._cache.values()))  # LocMemCache
    assert address.encode() not in cached.encode()
    assert "DistinctiveReader" not in cached


def test_each_hour_has_its_own_counter(client, article, monkeypatch):
    now = timezone.now()
    send(client, article.pk, token="first-page-load-000000")
    monkeypatch.setattr(views.timezone, "now", lambda: now + timedelta(hours=1))
    send(client, article.pk, token="second-page-load-00000")

    assert sorted(ArticleViewCount.objects.values_list("hour", flat=True)) == [
        hour_bucket(now),
        hour_bucket(now + timedelta(hours=1)),
    ]


def test_counters_past_eight_days_are_pruned_once_an_hour(client, article):
    stale = add_views(article, 50, hours_ago=8 * 24 + 2)
    kept = add_views(article, 40, hours_ago=7 * 24)

    send(client, article.pk, token="first-page-load-000000")

    assert not ArticleViewCount.objects.filter(pk=stale.pk).exists()
    assert ArticleViewCount.objects.filter(pk=kept.pk).exists()

    # Within the same hour the pruning is not repeated.
    late = add_views(article, 5, hours_ago=9 * 24)
    send(client, article.pk, token="second-page-load-00000")
    assert ArticleViewCount.objects.filter(pk=late.pk).exists()
