"""Folding near duplicates: the same story from two agencies, or resent by one
under a new identifier, is shown once in the list of incoming wires.

A new item is compared with the items received in the last 48 hours in its
language (at most RECENT_WINDOW of them, read in one query per poll): SimHash
fingerprints within NEAR_DUPLICATE_DISTANCE bits of each other are near
duplicates, and the new item joins the group of the closest one.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from .fingerprint import NEAR_DUPLICATE_DISTANCE
from .models import WireItem

RECENT_HOURS = 48
RECENT_WINDOW = 5000
UNSIGNED = (1 << 64) - 1


class FoldingIndex:
    """Recent items' fingerprints per language, oldest first."""

    def __init__(self):
        # Kept unsigned, so that the bits two fingerprints differ in are simply
        # those of their XOR (fingerprint.distance, without a call per item).
        self._fingerprints: dict[str, list[int]] = defaultdict(list)
        self._heads: dict[str, list[int]] = defaultdict(list)

    @classmethod
    def recent(cls, now: datetime) -> "FoldingIndex":
        index = cls()
        rows = (
            WireItem.objects.filter(
                received_at__gte=now - timedelta(hours=RECENT_HOURS)
            )
            .order_by("-received_at", "-pk")
            .values_list("pk", "fingerprint", "duplicate_of_id", "language")[
                :RECENT_WINDOW
            ]
        )
        for pk, fingerprint, head_id, language in reversed(list(rows)):
            index.add(pk, fingerprint, head_id or pk, language)
        return index

    def add(self, pk: int, fingerprint: int, head_id: int, language: str) -> None:
        self._fingerprints[language].append(fingerprint & UNSIGNED)
        self._heads[language].append(head_id)

    def head_for(self, fingerprint: int, language: str) -> int | None:
        """The group of the closest near duplicate (the newest of equals), if any.

        Every fingerprint of the language is compared: one pass over a list of
        integers costs less than narrowing the candidates down first would."""
        if fingerprint == 0:
            return None  # a text without words is like no other
        fingerprints = self._fingerprints.get(language)
        if not fingerprints:
            return None
        target = fingerprint & UNSIGNED
        distances = [(target ^ other).bit_count() for other in fingerprints]
        closest = min(distances)
        if closest > NEAR_DUPLICATE_DISTANCE:
            return None
        newest = len(distances) - 1 - distances[::-1].index(closest)
        return self._heads[language][newest]
