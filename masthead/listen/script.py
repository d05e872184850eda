"""What a story's audio says: the headline, the standfirst and the body's text,
in order, ready for a speech engine. Pictures, their captions, related-story
boxes and embeds are not read; a list's items are read as sentences."""

import hashlib
import html
import re
from dataclasses import dataclass

from .normalise import normalise_for_speech

# Tags after which a reader would pause: each ends a sentence when spoken.
BREAKS = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
TAGS = re.compile(r"<[^>]*>")
ENDS_A_SENTENCE = (".", "!", "?", "…", "؟", ":", '"', "'", ")", "”", "’", "»")
# Bump when the way text becomes speech changes, so that every story is made again.
SCRIPT_VERSION = "1"


@dataclass(frozen=True)
class SpokenScript:
    language: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def hash(self) -> str:
        """Names the text: equal hashes say the same words in the same language."""
        digest = hashlib.sha256(f"{SCRIPT_VERSION}\0{self.language}\0".encode())
        digest.update(self.text.encode())
        return digest.hexdigest()


def rich_text_paragraphs(source: str) -> list[str]:
    # Other tags (bold, links) are inside a sentence, often inside a word:
    # "<b>Min</b>isters" is one word.
    text = html.unescape(TAGS.sub("", BREAKS.sub("\n\n", source)))
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def as_sentence(text: str) -> str:
    """Headlines and list items end without a full stop; spoken, they need the
    pause one gives."""
    text = " ".join(text.split())
    if text and not text.endswith(ENDS_A_SENTENCE):
        text += "."
    return text


def written_paragraphs(page) -> list[str]:
    """The story's own words as written, before they are made speakable."""
    found = [page.title, page.standfirst]
    for block in page.body:
        if block.block_type == "paragraph":
            found.extend(rich_text_paragraphs(block.value.source))
        elif block.block_type == "subheading":
            found.append(block.value)
        elif block.block_type == "quote":
            found.append(block.value["text"])
            if block.value.get("attribution"):
                found.append(block.value["attribution"])
    return found


def spoken_script(page) -> SpokenScript:
    language = page.locale.language_code
    paragraphs = []
    for written in written_paragraphs(page):
        spoken = normalise_for_speech(as_sentence(written), language)
        # A paragraph that was only an address leaves its full stop behind.
        if any(character.isalnum() for character in spoken):
            paragraphs.append(spoken)
    return SpokenScript(language=language, paragraphs=tuple(paragraphs))
