"""Arabic spelling variants meet in one form; other scripts pass through."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.common.normalise import normalise


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("مُفاوَضات", "مفاوضات"),  # harakat
        ("مفاوضــات", "مفاوضات"),  # tatweel
        ("إسرائيل", "اسراييل"),  # alef with hamza below, yeh with hamza
        ("أحمد", "احمد"),  # alef with hamza above
        ("آمال", "امال"),  # alef with madda
        ("ٱلله", "الله"),  # alef wasla
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("القاهرة", "القاهره"),  # teh marbuta
        ("مؤتمر", "موتمر"),  # waw with hamza
        ("رئيس", "رييس"),  # yeh with hamza
        ("ایران", "ايران"),  # Farsi yeh
    ],
)
def test_arabic_variants_are_unified(written, normalised):
    assert normalise(written) == normalised


def test_a_reader_spelling_and_the_headline_meet():
    assert normalise("اسرائيل") == normalise("إسرائيل")
    assert normalise("القاهره") == normalise("القاهرة")
    assert normalise("مفاوضات") == normalise("مُفاوضات")


@pytest.mark.parametrize(
    "text", ["Ministers meet in Tehran", "Négociations à Genève", "Ñandú, año"]
)
def test_other_scripts_are_untouched(text):
    assert normalise(text) == text


@given(st.text())
def test_normalising_twice_changes_nothing_more(text):
    assert normalise(normalise(text)) == normalise(text)
