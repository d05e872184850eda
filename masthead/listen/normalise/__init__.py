"""Text as it should be read aloud, in the story's language.

Speech engines read digits and most punctuation well enough; what they misread
is what this fixes: dates written as numbers, amounts with the currency sign in
front, year ranges, units, abbreviations with a full stop, web addresses, and in
Arabic the Arabic-Indic digits with their own decimal and percent signs. Each
language has its rules in its own module; `shared` has the ones they share.
"""

from . import ar, en, es
from .shared import Rules, clean, tidy

RULES: dict[str, Rules] = {"en": en.RULES, "es": es.RULES, "ar": ar.RULES}


def normalise_for_speech(text: str, language: str) -> str:
    """`text` rewritten for a speech engine of `language` ("en", "es", "ar"...);
    a language without rules of its own gets the shared ones only."""
    rules = RULES.get(language.split("-")[0].lower())
    if rules is None:
        return tidy(clean(text))
    return rules.apply(text)
