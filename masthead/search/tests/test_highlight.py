"""Matched words are marked; everything else is escaped text."""

from hypothesis import given
from hypothesis import strategies as st

from masthead.search.highlight import highlight


def test_matching_words_are_marked():
    marked = highlight("Ministers meet, then the minister leaves.", ["minister"])

    assert marked == (
        "<mark>Ministers</mark> meet, then the <mark>minister</mark> leaves."
    )


def test_the_text_is_escaped_before_marks_are_added():
    marked = highlight('<script>alert("x")</script> drought & farms', ["drought"])

    assert marked == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
        "<mark>drought</mark> &amp; farms"
    )


def test_a_query_cannot_inject_markup():
    marked = highlight("Plain text", ["<b>", "plain"])

    assert marked == "<mark>Plain</mark> text"


def test_short_words_mark_only_whole_words():
    assert highlight("an a ant", ["a"]) == "an <mark>a</mark> ant"


def test_arabic_words_are_marked_whatever_the_spelling():
    marked = highlight("بدء مُفاوضات في القاهرة", ["مفاوضات", "القاهره"])

    assert marked == "بدء <mark>مُفاوضات</mark> في <mark>القاهرة</mark>"


@given(st.text(), st.lists(st.text(min_size=1), max_size=3))
def test_no_tag_but_mark_ever_appears(text, terms):
    marked = str(highlight(text, terms))
    stripped = marked.replace("<mark>", "").replace("</mark>", "")

    assert "<" not in stripped and ">" not in stripped
