"""What changed between two versions of a wire item, paragraph by paragraph."""

import difflib
from dataclasses import dataclass

from .models.items import WireText


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "removed" or "added"
    text: str


def _lines(text: WireText) -> list[str]:
    return [text.headline, *([text.summary] if text.summary else []), *text.paragraphs]


def compare(old: WireText, new: WireText) -> list[Line]:
    """The headline, summary and paragraphs of `new`, with those of `old` that
    it dropped or replaced shown before what replaced them."""
    before, after = _lines(old), _lines(new)
    lines = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            lines.extend(Line("same", text) for text in after[new_start:new_end])
            continue
        lines.extend(Line("removed", text) for text in before[old_start:old_end])
        lines.extend(Line("added", text) for text in after[new_start:new_end])
    return lines
