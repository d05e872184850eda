"""Near-duplicate wire stories: a 64-bit SimHash of a story's word 3-shingles.

Two agencies rarely send the same story word for word, but a story lightly
rewritten keeps most of its three-word runs, so its fingerprint differs from
the original's in few bits; an unrelated story's differs in about half of them.

Text is compared the way a reader would: case, punctuation, Unicode
composition and the optional marks and letter variants of Arabic make no
difference.
"""

import hashlib
import re
import unicodedata

from masthead.common.normalise import normalise

BITS = 64
_MASK = (1 << BITS) - 1
SHINGLE_WORDS = 3

# The largest Hamming distance at which two fingerprints are the same story,
# chosen on the stories in tests/test_fingerprint.py. A story retold by a
# second agency, or with one of its sentences replaced, keeps 70-80% of its
# three-word runs and lands about 12 bits from the original (3, the figure
# usual for whole web pages, misses every one of them). Different stories on
# the same topic share almost no runs and land 31-36 bits apart, as unrelated
# texts do (32 on average). Two unrelated stories come within 12 bits once in
# about four million pairs: the tail of 64 fair coin tosses.
NEAR_DUPLICATE_DISTANCE = 12

_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script


def fingerprint(text: str) -> int:
    """The SimHash of `text` as a signed 64-bit integer (a BigIntegerField holds
    it); 0 for text without words."""
    shingles = _shingles(_words(text))
    if not shingles:
        return 0
    # Each bit of the fingerprint is the majority vote of that bit across the
    # shingles' hashes; as bit strings, a column's votes are counted in C.
    hashes = [format(_shingle_hash(shingle), "064b") for shingle in shingles]
    half = len(hashes) / 2
    bits = "".join(
        "1" if column.count("1") > half else "0" for column in zip(*hashes, strict=True)
    )
    return _signed(int(bits, 2))


def distance(a: int, b: int) -> int:
    """The number of bits in which two fingerprints differ."""
    return ((a ^ b) & _MASK).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    return distance(a, b) <= NEAR_DUPLICATE_DISTANCE


def _words(text: str) -> list[str]:
    if not isinstance(text, str):
        return []
    text = normalise(unicodedata.normalize("NFKC", text).casefold())
    return _WORD.findall(text)


def _shingles(words: list[str]) -> set[str]:
    """The distinct runs of three words; a text shorter than that is one."""
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {
        " ".join(words[start : start + SHINGLE_WORDS])
        for start in range(len(words) - SHINGLE_WORDS + 1)
    }


def _shingle_hash(shingle: str) -> int:
    # blake2b, not hash(): Python salts str hashes per process, and a stored
    # fingerprint must compare with one computed tomorrow.
    digest = hashlib.blake2b(shingle.encode("utf-8", "replace"), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


def _signed(value: int) -> int:
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value
