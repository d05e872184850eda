"""The search page: relevance, freshness, filters, pagination, one edition."""

import pytest

from masthead.regions.tests.factories import RegionFactory
from masthead.search import ranking
from masthead.sections.tests.factories import SectionPageFactory

from .helpers import result_headlines, soup_of, story

pytestmark = pytest.mark.django_db


def test_the_form_is_a_search_landmark_with_a_q_field(client, home):
    soup = soup_of(client.get("/search/"))

    form = soup.select_one("main form[role=search]")
    assert form["action"] == "/search/"
    assert form.select_one("input[name=q]")["type"] == "search"
    assert soup.select(".search-result") == []
    # Beside the header's search landmark, this one has a name of its own.
    assert soup.select_one(f"#{form['aria-labelledby']}").get_text() == "Search"
    assert soup.select_one("header form[role=search]")["aria-label"] != "Search"


def test_the_site_header_has_a_search_form_that_leads_here(client, home):
    soup = soup_of(client.get("/"))

    form = soup.select_one(".site-header form[role=search]")
    assert form["action"] == "/search/"
    assert form.select_one("input[name=q]")["type"] == "search"


def test_the_story_whose_headline_matches_ranks_first(client, politics):
    story(politics, "Markets steady", body=["Analysts say the drought may last."])
    story(politics, "Drought grips the southern farms")
    story(politics, "Parliament debates the budget")

    headlines = result_headlines(client.get("/search/", {"q": "drought"}))

    assert headlines == ["Drought grips the southern farms", "Markets steady"]


def test_an_older_headline_match_still_beats_a_fresh_passing_mention(client, politics):
    story(politics, "Drought grips the southern farms", days_ago=45)
    story(politics, "Markets steady", body=["Analysts say the drought may last."])

    headlines = result_headlines(client.get("/search/", {"q": "drought"}))

    assert headlines[0] == "Drought grips the southern farms"


def test_between_equal_matches_the_recent_story_comes_first(client, politics):
    story(politics, "Flood warning for the river towns (archive)", days_ago=700)
    story(politics, "Flood warning for the river towns", days_ago=1)
    story(politics, "Flood warning for the river towns (last year)", days_ago=365)

    headlines = result_headlines(client.get("/search/", {"q": "flood warning"}))

    assert headlines == [
        "Flood warning for the river towns",
        "Flood warning for the river towns (last year)",
        "Flood warning for the river towns (archive)",
    ]


def test_every_word_must_match(client, politics):
    story(politics, "Flood warning for the river towns")
    story(politics, "Flood defences finished")

    headlines = result_headlines(client.get("/search/", {"q": "flood river"}))

    assert headlines == ["Flood warning for the river towns"]


def test_results_show_section_date_and_a_highlighted_standfirst(client, politics):
    story(
        politics,
        "Drought grips the southern farms",
        standfirst="Farmers say the drought is the worst in forty years of records.",
    )

    soup = soup_of(client.get("/search/", {"q": "drought"}))

    result = soup.select_one(".search-result")
    assert result.select_one(".card__section a").get_text() == "Politics"
    assert result.select_one("time")["datetime"]
    marked = [
        mark.get_text() for mark in result.select(".search-result__standfirst mark")
    ]
    assert marked == ["drought"]
    assert "1 result for" in soup.select_one(".search-results__summary").get_text()


def test_unpublished_stories_are_not_found(client, politics):
    page = story(politics, "Drought grips the southern farms")
    page.unpublish()

    assert result_headlines(client.get("/search/", {"q": "drought"})) == []


@pytest.fixture
def filter_corpus(home, politics):
    economy = SectionPageFactory(parent=politics.get_parent(), title="Economy")
    africa = RegionFactory(name="Africa", slug="africa")
    asia = RegionFactory(name="Asia", slug="asia")
    in_politics = story(politics, "Harvest report: politics", kind="news", days_ago=3)
    in_politics.regions.add(africa)
    in_politics.save_revision().publish(skip_permission_checks=True)
    in_economy = story(economy, "Harvest report: economy", kind="analysis", days_ago=40)
    in_economy.regions.add(asia)
    in_economy.save_revision().publish(skip_permission_checks=True)
    return {"economy": economy, "politics": politics}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Harvest report: politics", "Harvest report: economy"]),
        ({"region": "africa"}, ["Harvest report: politics"]),
        ({"region": "asia"}, ["Harvest report: economy"]),
        ({"kind": "analysis"}, ["Harvest report: economy"]),
        ({"kind": "opinion"}, []),
    ],
)
def test_filters_by_region_and_kind(client, filter_corpus, params, expected):
    response = client.get("/search/", {"q": "harvest", **params})

    assert result_headlines(response) == expected


def test_filters_by_section(client, filter_corpus):
    economy = filter_corpus["economy"]

    response = client.get("/search/", {"q": "harvest", "section": economy.pk})

    assert result_headlines(response) == ["Harvest report: economy"]


def test_filters_by_date_range(client, filter_corpus):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    recent = {"date_from": (today - timedelta(days=10)).isoformat()}
    older = {"date_to": (today - timedelta(days=10)).isoformat()}

    assert result_headlines(client.get("/search/", {"q": "harvest", **recent})) == [
        "Harvest report: politics"
    ]
    assert result_headlines(client.get("/search/", {"q": "harvest", **older})) == [
        "Harvest report: economy"
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"section": "999999"},
        {"section": "news"},
        {"region": "atlantis"},
        {"kind": "<b>gossip</b>"},
        {"date_from": "yesterday"},
        {"date_from": "2026-02-30"},
        {"date_from": "2026-05-02", "date_to": "2026-05-01"},
    ],
)
def test_a_rejected_filter_is_explained_and_left_out(client, filter_corpus, params):
    response = client.get("/search/", {"q": "harvest", **params})

    soup = soup_of(response)
    assert soup.select(".search-form__error")
    assert len(result_headlines(response)) == 2
    assert "<b>gossip" not in response.content.decode()


def test_results_are_paginated_twenty_to_a_page(client, politics):
    for number in range(25):
        story(politics, f"Budget talks, day {number}", days_ago=number)

    first = client.get("/search/", {"q": "budget"})
    second = client.get("/search/", {"q": "budget", "page": "2"})

    assert len(result_headlines(first)) == 20
    assert len(result_headlines(second)) == 5
    assert "25 results" in soup_of(first).select_one(".search-results__summary").text
    next_link = soup_of(first).select_one("a[rel=next]")["href"]
    assert "q=budget" in next_link and "page=2" in next_link


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99", "9" * 40, "1.5", "\x00"])
def test_any_page_number_gives_a_page_of_results(client, politics, page):
    for number in range(3):
        story(politics, f"Budget talks, day {number}")

    response = client.get("/search/", {"q": "budget", "page": page})

    assert len(result_headlines(response)) == 3


def test_results_go_no_deeper_than_the_candidates(client, politics, monkeypatch):
    monkeypatch.setattr(ranking, "CANDIDATES", 4)
    for number in range(6):
        story(politics, f"Budget talks, day {number}", days_ago=number)

    response = client.get("/search/", {"q": "budget"})

    assert len(result_headlines(response)) == 4
    assert "4 results" in soup_of(response).select_one(".search-results__summary").text


def test_each_edition_searches_only_its_own_stories(client, politics, arabic_news):
    story(politics, "Election results announced")
    story(arabic_news, "Election نتائج الانتخابات")

    assert result_headlines(client.get("/search/", {"q": "election"})) == [
        "Election results announced"
    ]
    assert result_headlines(client.get("/ar/search/", {"q": "election"})) == [
        "Election نتائج الانتخابات"
    ]


def test_results_are_not_kept_by_shared_caches(client, home):
    response = client.get("/search/", {"q": "anything"})

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "max-age=0"} <= directives
    assert b'<meta name="robots" content="noindex">' in response.content


def test_twenty_results_cost_no_more_queries_than_two(client, politics):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(2):
        story(politics, f"Budget talks, day {number}")
    client.get("/search/", {"q": "budget"})  # warm the per-process caches
    # The ticker is cached for a second: on a busy machine it can expire between
    # two requests, so both counts start from an empty cache.
    cache.clear()
    with CaptureQueriesContext(connection) as two:
        client.get("/search/", {"q": "budget"})
    for number in range(2, 20):
        story(politics, f"Budget talks, day {number}")
    client.get("/search/", {"q": "budget"})
    cache.clear()
    with CaptureQueriesContext(connection) as twenty:
        response = client.get("/search/", {"q": "budget"})

    assert len(result_headlines(response)) == 20
    assert len(twenty.captured_queries) == len(two.captured_queries)
