import re

from .shared import Rules, abbreviation_rules, currency_rules, unit_rules, words

CURRENCIES = {
    "$": ("dollar", "dollars"),
    "US$": ("US dollar", "US dollars"),
    "€": ("euro", "euros"),
    "£": ("pound", "pounds"),
    "¥": ("yen", "yen"),
}
SCALES = {"bn": "billion", "m": "million", "k": "thousand", "tn": "trillion"}
ABBREVIATIONS = {
    "Dr": "Doctor",
    "Mr": "Mister",
    "Mrs": "Missus",
    "Prof": "Professor",
    "Gen": "General",
    "Col": "Colonel",
    "Lt": "Lieutenant",
    "Sgt": "Sergeant",
    "Gov": "Governor",
    "Sen": "Senator",
    "Rep": "Representative",
    "approx": "approximately",
    "vs": "versus",
    "etc": "et cetera",
    "Jan": "January",
    "Feb": "February",
    "Aug": "August",
    "Sept": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}
UNITS = {
    "km/h": "kilometres an hour",
    "km": "kilometres",
    "kg": "kilograms",
    "mph": "miles an hour",
    "°C": "degrees Celsius",
    "°F": "degrees Fahrenheit",
    "sq km": "square kilometres",
    # "km²" and "m²" after NFKC.
    "km2": "square kilometres",
    "m2": "square metres",
}


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

RULES = Rules(
    months=MONTHS,
    date="{day} {month} {year}",
    year_range="{start} to {end}",
    replacements=(
        *currency_rules(CURRENCIES, SCALES, one={"1"}),
        (words(r"No\.(?=\s?\d)"), "number"),
        *abbreviation_rules(
            {f"{short}.": long for short, long in ABBREVIATIONS.items()},
            may_end_a_sentence=frozenset({"etc."}),
        ),
        *unit_rules(UNITS),
        (re.compile(r"\s&\s"), " and "),
    ),
)
