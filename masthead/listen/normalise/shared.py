"""The rules every language shares, and the frame each language fills in."""

import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

# Arabic-Indic (U+0660) and Eastern Arabic-Indic (U+06F0, Persian/Urdu) digits.
DIGITS = str.maketrans(
    {
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)
# An address ends before the punctuation that ends its sentence. The scheme
# needs no word boundary: "Source:https://..." and "seehttps://..." are addresses.
URL = re.compile(r"(?:https?://|\bwww\.)(?:\S*[^\s.,;:!?)\]\"'»”’])?", re.IGNORECASE)
# Starts only where a run of address characters starts: tried at every word
# boundary, a long "1.1.1.1..." would take quadratic time.
EMAIL = re.compile(
    r"(?:\bmailto:)?(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.IGNORECASE
)
# NFKC would make the ordinal indicators plain letters: "1.º" would be read
# "one point o", "40 ºC" "forty o C".
ORDINALS = re.compile("([ºª])")
# "º" is often typed for the degree sign.
ORDINAL_AS_DEGREE = re.compile(r"(?<=\d)(\s?)º(?=[CF](?!\w))")
# Control characters (other than line breaks, which mark paragraphs) say nothing.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# Day first: the editions write 4/12/2026 for 4 December.
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
YEAR_RANGE = re.compile(r"\b((?:1[5-9]|20)\d{2})\s?[-–—]\s?((?:1[5-9]|20)\d{2})\b")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Left where an address was: "(see https://...)" is "(see )", "(https://...)" "( )".
EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
SPACES = re.compile(r"\s+")
# Marks that mean nothing aloud but that engines may spell out.
SILENT = str.maketrans(
    {
        "*": " ",
        "#": " ",
        "_": " ",
        "|": ", ",
        "\u200b": "",
        "\u200e": "",
        "\u200f": "",
        "\u061c": "",
        "\u00ad": "",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
    }
)

Replacement = tuple[re.Pattern, str | Callable[[re.Match], str]]
# Enough for any text seen; a bound all the same.
MAX_PASSES = 4


def words(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern that matches only whole words (Unicode-aware)."""
    return re.compile(rf"(?<!\w){pattern}(?!\w)", flags)


# After an abbreviation: more of its paragraph, and the letter that starts it.
GOES_ON = re.compile(r"(?P<space>[^\S\n]*)(?P<next>\S)")


def unit_rules(units: dict[str, str]) -> tuple[Replacement, ...]:
    """A unit after a number ("10km", "40 °C") said in words."""
    return tuple(
        (re.compile(rf"(?<=\d)\s?{re.escape(unit)}(?!\w)"), f" {spoken}")
        for unit, spoken in units.items()
    )


def abbreviation_rules(
    abbreviations: dict[str, str], may_end_a_sentence: frozenset[str] = frozenset()
) -> tuple[Replacement, ...]:
    """Each written form said in full. When its full stop also ended the
    sentence it stays, so that the engine still pauses: at the end of a
    paragraph, and for those in `may_end_a_sentence` ("etc.") before a capital."""

    def rule(short: str, long: str) -> Replacement:
        def spoken(match: re.Match) -> str:
            if not short.endswith("."):
                return long
            goes_on = GOES_ON.match(match.string, match.end())
            if goes_on is None:
                return long + "."
            next_letter = goes_on["next"]
            if (
                short in may_end_a_sentence
                and goes_on["space"]
                and (next_letter.isupper() or next_letter in "¿¡")
            ):
                return long + "."
            return long

        return words(re.escape(short)), spoken

    return tuple(rule(short, long) for short, long in abbreviations.items())


@dataclass(frozen=True)
class Rules:
    months: tuple[str, ...]  # January..December as spoken
    date: str  # "{day} {month} {year}"
    year_range: str  # "{start} to {end}"
    # Applied in order after the shared clean-up and before the dates.
    replacements: tuple[Replacement, ...] = field(default_factory=tuple)

    def spoken_date(self, year: str, month: str, day: str) -> str | None:
        """None for a day that is not in the calendar (2026-13-45, 31/02/2026)."""
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError:
            return None
        return self.date.format(
            day=date.day, month=self.months[date.month - 1], year=date.year
        )

    def apply(self, text: str) -> str:
        """Normalised text is left as it is: a rule whose result another rule
        would still change (a stray sign left by one amount, a full stop that
        tidying joins to an abbreviation) is run again until nothing changes."""
        for _ in range(MAX_PASSES):
            spoken = self.apply_once(text)
            if spoken == text:
                break
            text = spoken
        return text

    def apply_once(self, text: str) -> str:
        text = tidy(clean(text))
        text = ISO_DATE.sub(lambda m: self.spoken_date(m[1], m[2], m[3]) or m[0], text)
        text = NUMERIC_DATE.sub(
            lambda m: self.spoken_date(m[3], m[2], m[1]) or m[0], text
        )
        text = YEAR_RANGE.sub(
            lambda m: self.year_range.format(start=m[1], end=m[2]), text
        )
        for pattern, replacement in self.replacements:
            text = pattern.sub(replacement, text)
        return tidy(text)


def clean(text: str) -> str:
    """Compatibility forms folded, digits made ASCII, addresses dropped."""
    text = "".join(
        part if ORDINALS.fullmatch(part) else unicodedata.normalize("NFKC", part)
        for part in ORDINALS.split(text)
    )
    text = CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Addresses go before the silent marks: "_" and "#" are parts of them.
    text = EMAIL.sub(" ", URL.sub(" ", text))
    text = text.translate(DIGITS).translate(SILENT)
    return ORDINAL_AS_DEGREE.sub(r"\1°", text)


def tidy(text: str) -> str:
    """One space between words, none before punctuation, paragraphs kept."""
    paragraphs = []
    for paragraph in PARAGRAPH_BREAK.split(text):
        found = 1
        while found:
            paragraph, found = EMPTY_BRACKETS.subn(" ", paragraph)
        paragraph = SPACES.sub(" ", paragraph).strip()
        paragraph = re.sub(r" +([,.;:!?،؛؟])", r"\1", paragraph)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


SIGNS = r"US\$|[$€£¥]"
NUMBER = r"\d+(?:[.,]\d+)*"


def currency_rules(
    currencies: dict[str, tuple[str, str]], scales: dict[str, str], one: set[str]
) -> tuple[Replacement, ...]:
    """Amounts said with the currency after the number and the scale between:
    "$5bn" and "5 $" become "5 billion dollars" in the language's words.
    `currencies` maps a sign to its (singular, plural) names, `scales` the
    abbreviations of million and billion, `one` the numbers that take the
    singular."""
    scale_names = "|".join(
        sorted((re.escape(name) for name in {*scales, *scales.values()}), key=len)[::-1]
    )
    scale = rf"(?:\s?(?P<scale>{scale_names})(?!\w))?"

    def spoken(match: re.Match) -> str:
        number, found_scale = match["number"], match["scale"]
        singular, plural = currencies[match["sign"]]
        if found_scale:
            found_scale = scales.get(found_scale, found_scale)
        name = singular if number in one and not found_scale else plural
        return " ".join(part for part in (number, found_scale, name) if part)

    # "$5bn" is an amount only if nothing follows that is not its scale: in an
    # edition with no "bn", "$5bn" is left alone, not read "5 dollars bn".
    before = re.compile(
        rf"(?P<sign>{SIGNS})\s?(?P<number>{NUMBER}){scale}(?![\w]|[.,]\d)"
    )
    after = re.compile(rf"(?<![\w.,])(?P<number>{NUMBER}){scale}\s?(?P<sign>{SIGNS})")
    return ((before, spoken), (after, spoken))
