"""What a reader typed becomes plain, bounded words for the backend."""

from hypothesis import given
from hypothesis import strategies as st

from masthead.search.query import MAX_QUERY_LENGTH, MAX_TERMS, parse_query


def test_words_are_normalised_lowered_and_distinct():
    query = parse_query("  Drought, DROUGHT and إسرائيل  ")

    assert query.text == "Drought, DROUGHT and إسرائيل"
    assert query.terms == ("drought", "and", "اسراييل")


def test_operators_and_punctuation_are_only_words_or_nothing():
    assert parse_query("' OR 1=1--").terms == ("or", "1")
    assert parse_query('"drought*" -farms (NEAR)').terms == ("drought", "farms", "near")
    assert parse_query("snake_case").terms == ("snake", "case")


def test_an_empty_or_symbolic_query_asks_for_nothing():
    assert not parse_query("")
    assert not parse_query("  <>  --  ")


def test_long_queries_are_cut():
    query = parse_query(" ".join(f"word{n}" for n in range(100)) + "x" * 10_000)

    assert len(query.text) <= MAX_QUERY_LENGTH
    assert len(query.terms) == MAX_TERMS


@given(st.text())
def test_any_input_gives_bounded_plain_words(raw):
    query = parse_query(raw)

    assert len(query.terms) <= MAX_TERMS
    assert len(query.text) <= MAX_QUERY_LENGTH
    for term in query.terms:
        assert term and all(char.isalnum() for char in term)
