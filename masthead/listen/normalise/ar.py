import re

from .shared import Rules, currency_rules, unit_rules

CURRENCIES = {
    "$": ("دولار", "دولار"),
    "US$": ("دولار أمريكي", "دولار أمريكي"),
    "€": ("يورو", "يورو"),
    "£": ("جنيه إسترليني", "جنيه إسترليني"),
    "¥": ("ين", "ين"),
}
SCALES = {"مليون": "مليون", "مليار": "مليار"}
UNITS = {
    "كم/س": "كيلومتر في الساعة",
    "كلم": "كيلومتر",
    "كم": "كيلومتر",
    "كغ": "كيلوغرام",
    "km": "كيلومتر",
    "°C": "درجة مئوية",
    "°": "درجة",
}

MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)

RULES = Rules(
    months=MONTHS,
    date="{day} {month} {year}",
    year_range="{start} إلى {end}",
    replacements=(
        # The Arabic decimal separator as a point and the thousands separators
        # dropped (the digits are ASCII by now), so that "$٣٫٥" is one amount;
        # then the amounts, then the point and the percent signs, which the
        # engine skips.
        (re.compile(r"(?<=\d)\u066b(?=\d)"), "."),
        (re.compile(r"(?<=\d)[\u066c,](?=\d{3}\b)"), ""),
        *currency_rules(CURRENCIES, SCALES, one=set()),
        (re.compile(r"(?<=\d)\.(?=\d)"), " فاصلة "),
        (re.compile(r"\s?[%\u066a]"), " بالمئة"),
        *unit_rules(UNITS),
        (re.compile(r"\s&\s"), " و"),
    ),
)
