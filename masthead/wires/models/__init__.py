"""Agency wires: where they come from, what arrived, and what the newsroom used.

One concern per module: sources (and their errors), items (and their versions),
uses (an item turned into a draft).
"""

from .errors import WireSourceError
from .items import WireItem, WireItemVersion, WireStatus
from .sources import WireFormat, WireSource, WireTransport
from .uses import WireUse

__all__ = [
    "WireFormat",
    "WireItem",
    "WireItemVersion",
    "WireSource",
    "WireSourceError",
    "WireStatus",
    "WireTransport",
    "WireUse",
]
