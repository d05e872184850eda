"""The Arabic edition finds a story however the reader spells its words."""

import pytest

from .helpers import result_headlines, soup_of, story

pytestmark = pytest.mark.django_db

STANDFIRST = "قال مسؤولون إن الاجتماع تناول التجارة والطاقة والأمن في المنطقة."


@pytest.fixture
def arabic_corpus(arabic_news):
    story(arabic_news, "إسرائيل تعلن موقفها من الاتفاق", standfirst=STANDFIRST)
    story(arabic_news, "استئناف مُفاوضات التجارة", standfirst=STANDFIRST)
    story(
        arabic_news,
        "قمة إقليمية في القاهرة",
        standfirst="وصل الوزراء إلى القاهرة صباح الاثنين لحضور القمة.",
    )


@pytest.mark.parametrize(
    ("typed", "headline"),
    [
        ("اسرائيل", "إسرائيل تعلن موقفها من الاتفاق"),
        ("إسرائيل", "إسرائيل تعلن موقفها من الاتفاق"),
        ("مفاوضات", "استئناف مُفاوضات التجارة"),
        ("مُفاوَضات", "استئناف مُفاوضات التجارة"),
        ("القاهره", "قمة إقليمية في القاهرة"),
        ("القاهرة", "قمة إقليمية في القاهرة"),
    ],
)
def test_any_spelling_finds_the_story(client, arabic_corpus, typed, headline):
    response = client.get("/ar/search/", {"q": typed})

    assert result_headlines(response) == [headline]


def test_the_words_found_are_marked_as_written_in_the_story(client, arabic_corpus):
    soup = soup_of(client.get("/ar/search/", {"q": "القاهره"}))

    marks = [mark.get_text() for mark in soup.select(".search-result mark")]
    assert marks == ["القاهرة", "القاهرة"]  # in the headline and the standfirst


def test_the_arabic_page_is_right_to_left_and_in_arabic(client, arabic_corpus):
    soup = soup_of(client.get("/ar/search/", {"q": "القاهره"}))

    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert soup.select_one("form[role=search]")["action"] == "/ar/search/"
