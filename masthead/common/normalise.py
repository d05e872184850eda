"""Spelling-insensitive search text, chiefly for Arabic.

Arabic is written with optional marks and several interchangeable letter forms:
"مُفاوضات" and "مفاوضات" are the same word, and readers type "اسرائيل" for
"إسرائيل" or "القاهره" for "القاهرة". The same normalisation is applied to the
indexed copy of every article (`ArticlePage.search_text_normalised`) and to every
query, so whichever spelling a reader uses meets the same form in the index.

Only Arabic-script code points are changed, so text in other languages passes
through untouched and one normaliser serves every edition.
"""

import re

# Harakat (fathatan … sukun, U+064B–U+0652), the further Arabic marks up to U+065F,
# the superscript alef (U+0670), Quranic annotation marks (U+06D6–U+06ED) and the
# tatweel (U+0640), which only stretches a word for typography.
_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

_LETTERS = str.maketrans(
    {
        "أ": "ا",  # alef with hamza above
        "إ": "ا",  # alef with hamza below
        "آ": "ا",  # alef with madda
        "ٱ": "ا",  # alef wasla
        "ى": "ي",  # alef maqsura, often typed for a final yeh and vice versa
        "ة": "ه",  # teh marbuta, often typed as heh
        "ؤ": "و",  # waw with hamza
        "ئ": "ي",  # yeh with hamza
        "ی": "ي",  # Farsi yeh, from Persian keyboards
        "ک": "ك",  # keheh, from Persian keyboards
    }
)


def normalise(text: str) -> str:
    """`text` with Arabic marks removed and interchangeable letters unified."""
    return _MARKS.sub("", text).translate(_LETTERS)
