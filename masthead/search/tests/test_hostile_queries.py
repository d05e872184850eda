"""Whatever arrives in the query string, the reader gets a normal page."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import result_headlines, soup_of, story

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "   ",
    "x" * 10 * 1024,
    "drought " * 2000,
    "' OR 1=1--",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '"unbalanced quote',
    "AND OR NOT NEAR",
    "drought*",
    "NEAR(drought farms)",
    "title:drought",
    "-drought",
    "^drought",
    "(drought",
    "drought\x00farms",
    "\\",
    "%",
    "{{ request }}",
    "\u202edrought",
]


@pytest.fixture
def corpus(politics):
    story(politics, "Drought grips the southern farms")


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_normal_page(client, corpus, query):
    response = client.get("/search/", {"q": query})

    soup = soup_of(response)
    assert soup.select_one("form[role=search]") is not None
    assert "<script>alert" not in response.content.decode()
    assert "<img src=x" not in response.content.decode()


def test_a_query_is_shown_back_escaped(client, corpus):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})

    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body


def test_markup_in_a_query_is_only_words(client, corpus):
    response = client.get("/search/", {"q": "<em>drought</em>"})

    # "em" is a word like any other: no story has it, so nothing matches.
    assert result_headlines(response) == []
    assert "&lt;em&gt;drought&lt;/em&gt;" in response.content.decode()


def test_an_overlong_query_is_cut_and_still_searched(client, corpus):
    response = client.get("/search/", {"q": "drought " * 1300})  # 10 KB

    assert result_headlines(response) == ["Drought grips the southern farms"]
    field = soup_of(response).select_one("main input[name=q]")
    assert len(field["value"]) <= 200


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%ff%fe",
        "q=drought%ff",
        "q=%c3%28",
        "q=%00",
        "q=a&q=b",
        "section=%ff&kind=%fe",
    ],
)
def test_undecodable_query_strings_give_a_normal_page(client, corpus, query_string):
    response = client.get(f"/search/?{query_string}")

    assert soup_of(response).select_one("form[role=search]") is not None


def test_other_methods_are_refused_politely(client, corpus):
    assert client.post("/search/", {"q": "drought"}).status_code == 405


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(max_size=300))
def test_any_text_gives_a_normal_page(client, home, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
