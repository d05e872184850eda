"""What takes outside input never fails in an unexpected way."""

from django.core.exceptions import ValidationError
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Locale

from masthead.articles.models import STANDFIRST_MAX_LENGTH
from masthead.wires.actions import standfirst_for
from masthead.wires.fingerprint import distance, is_near_duplicate
from masthead.wires.folding import FoldingIndex
from masthead.wires.hosts import DisallowedAddress, check_address
from masthead.wires.models import WireSource

text = st.text(max_size=400)


@given(url=st.one_of(text, st.from_regex(r"https?://[a-z0-9.:@\[\]-]{0,40}/.*")))
def test_an_address_is_allowed_or_refused_with_a_reason(url):
    hosts = ["wires.example.com", "127.0.0.1:8080"]
    with override_settings(MASTHEAD_WIRE_HOSTS=hosts):
        try:
            host = check_address(url)
        except DisallowedAddress as refused:
            assert str(refused)
            return
    assert host in hosts or f"{host}:8080" in hosts


@given(folder=text)
def test_a_folder_name_is_cleaned_or_refused(folder):
    source = WireSource(
        name="x", transport="folder", folder=folder, locale=Locale(pk=1)
    )
    try:
        source._clean_folder()
    except ValidationError:
        return
    assert not source.folder.startswith("/")
    assert ".." not in source.folder.split("/")


@given(summary=text, paragraphs=st.lists(text, max_size=6))
def test_a_standfirst_is_never_too_long(summary, paragraphs):
    assert len(standfirst_for(summary, paragraphs)) <= STANDFIRST_MAX_LENGTH


signed_64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@given(new=signed_64, recent=st.lists(signed_64, max_size=30), flips=st.integers(0, 20))
def test_folding_agrees_with_the_fingerprint_distance(new, recent, flips):
    # A near copy of `new` among the recent ones, `flips` bits away.
    near = new ^ ((1 << flips) - 1)
    near = near - (1 << 64) if near >= 1 << 63 else near
    fingerprints = [*recent, near]
    index = FoldingIndex()
    for pk, fingerprint in enumerate(fingerprints, start=1):
        index.add(pk, fingerprint, pk, "en")

    head = index.head_for(new, "en")

    matches = [pk for pk, f in enumerate(fingerprints, 1) if is_near_duplicate(new, f)]
    if new == 0 or not matches:
        assert head is None
    else:
        closest = min(distance(new, f) for f in fingerprints)
        assert distance(new, fingerprints[head - 1]) == closest
        assert head == max(
            pk for pk, f in enumerate(fingerprints, 1) if distance(new, f) == closest
        )
    assert index.head_for(new, "fr") is None
