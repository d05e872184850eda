import re

from .shared import Rules, abbreviation_rules, currency_rules, unit_rules

CURRENCIES = {
    "$": ("dólar", "dólares"),
    "US$": ("dólar estadounidense", "dólares estadounidenses"),
    "€": ("euro", "euros"),
    "£": ("libra", "libras"),
    "¥": ("yen", "yenes"),
}
SCALES = {
    "M": "millones de",
    "mill.": "millones de",
    "mil M": "mil millones de",
    # Written out, they still need the "de" before the currency.
    "millón": "millón de",
    "millones": "millones de",
    "mil millones": "mil millones de",
}
# Longest first where one is the start of another (Sra. before Sr.).
ABBREVIATIONS = {
    "EE. UU.": "Estados Unidos",
    "EE.UU.": "Estados Unidos",
    "EEUU": "Estados Unidos",
    "p. ej.": "por ejemplo",
    "Sra.": "señora",
    "Srta.": "señorita",
    "Sr.": "señor",
    "Dra.": "doctora",
    "Dr.": "doctor",
    "Ud.": "usted",
    "Uds.": "ustedes",
    "aprox.": "aproximadamente",
    "etc.": "etcétera",
    "núm.": "número",
    "Gral.": "general",
    "Pdte.": "presidente",
    "pág.": "página",
}
UNITS = {
    "km/h": "kilómetros por hora",
    # "km²" and "m²" after NFKC.
    "km2": "kilómetros cuadrados",
    "m2": "metros cuadrados",
    "km": "kilómetros",
    "kg": "kilogramos",
    "°C": "grados centígrados",
}

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)

RULES = Rules(
    months=MONTHS,
    date="{day} de {month} de {year}",
    year_range="{start} a {end}",
    replacements=(
        *currency_rules(CURRENCIES, SCALES, one={"1"}),
        # "1 M€": one million, "un millón".
        (re.compile(r"(?<![\d.,])1 millones de\b"), "1 millón de"),
        (re.compile(r"\bn\.?º\s?(?=\d)", re.IGNORECASE), "número "),
        # Ordinals: "1.º" is "primero" once written as the engine knows it, "1º".
        (re.compile(r"(?<=\d)\.(?=[ºª])"), ""),
        *abbreviation_rules(
            ABBREVIATIONS, may_end_a_sentence=frozenset({"etc.", "EE. UU.", "EE.UU."})
        ),
        *unit_rules(UNITS),
    ),
)
