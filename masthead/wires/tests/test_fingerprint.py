"""Fingerprints find the same story retold, in any language, and keep stories apart.

The stories below set NEAR_DUPLICATE_DISTANCE: each retelling (a second agency's
wording, a replaced sentence) must fall within it, each different story on the
same topic well beyond it.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.wires.fingerprint import (
    NEAR_DUPLICATE_DISTANCE,
    distance,
    fingerprint,
    is_near_duplicate,
)

# Agency copy, one story each, as the desk receives it.

EARTHQUAKE = "\n\n".join(
    (
        "ANKARA, May 14 — A magnitude 6.1 earthquake struck eastern Turkey "
        "early on Tuesday, killing at least 12 people and injuring more than "
        "200, the country's disaster agency said.",
        "The quake hit at 4:12 a.m. local time near the town of Malatya at a "
        "depth of 10 kilometres, according to the Disaster and Emergency "
        "Management Authority (AFAD). Several buildings collapsed in the town"
        " centre and rescue teams were searching the rubble for survivors.",
        "Interior Minister Ali Yerlikaya said 40 aftershocks had been "
        "recorded, the strongest of magnitude 4.6. Schools in the province "
        "would stay closed for the rest of the week, he told reporters.",
        "Residents who fled their homes spent the night in cars and in tents "
        'set up by the Red Crescent in a football stadium. "We felt the house'
        ' lift and drop, then everything was falling," said Mehmet Kaya, a '
        "54-year-old shopkeeper.",
        "The region is still rebuilding after the February 2023 earthquakes, "
        "which killed more than 50,000 people in Turkey and Syria.",
    )
)

EARTHQUAKE_RETOLD = "\n\n".join(
    (
        "MALATYA, Turkey, May 14 — A 6.1-magnitude earthquake struck eastern "
        "Turkey early Tuesday, killing at least 12 people and injuring more "
        "than 200, the country's disaster agency said.",
        "The quake hit at 4:12 a.m. local time near the town of Malatya at a "
        "depth of 10 km, said the Disaster and Emergency Management Authority"
        " (AFAD). Several buildings collapsed in the town centre and rescuers"
        " were searching the rubble for survivors.",
        "Interior Minister Ali Yerlikaya said 40 aftershocks had been "
        "recorded, the strongest measuring 4.6. Schools in the province will "
        "stay closed for the rest of the week, he told reporters.",
        "Residents who fled their homes spent the night in their cars and in "
        'tents set up by the Red Crescent in a football stadium. "We felt the'
        ' house lift and drop, then everything was falling," said Mehmet '
        "Kaya, 54, a shopkeeper.",
        "The region is still rebuilding after the February 2023 earthquakes, "
        "which killed more than 50,000 people in Turkey and neighbouring "
        "Syria.",
    )
)

EARTHQUAKE_UPDATED = EARTHQUAKE.replace(
    '"We felt the house lift and drop, then everything was falling," said Mehmet '
    "Kaya, a 54-year-old shopkeeper.",
    "Hospitals in Malatya said they had treated 214 people, most of them for cuts "
    "and broken bones.",
)

EARTHQUAKE_AFTERMATH = "\n\n".join(
    (
        "ANKARA, May 14 — Turkey's government promised on Tuesday to rehouse "
        "families left homeless by the earthquake that struck Malatya "
        "province, as engineers began inspecting damaged buildings.",
        "Environment Minister Murat Kurum said 1,200 container homes would be"
        " sent to the region within days, and that buildings found unsafe "
        "would be demolished. About 3,000 people spent the night in temporary"
        " shelters, officials said.",
        "Opposition politicians accused the government of failing to enforce "
        "building codes after the 2023 disaster, saying many of the collapsed"
        " buildings had been repaired rather than rebuilt. The ministry said "
        "inspections would cover every building in the province.",
        "The Turkish lira was little changed and shares in construction "
        "companies rose on expectations of reconstruction contracts.",
    )
)

RATES = "\n\n".join(
    (
        "القاهرة، 14 مايو - قرر البنك المركزي المصري يوم الخميس تثبيت أسعار "
        "الفائدة الرئيسية دون تغيير للمرة الثالثة على التوالي، في خطوة توقعها"
        " معظم المحللين.",
        "وقال البنك في بيان إن لجنة السياسة النقدية أبقت سعر عائد الإيداع "
        "لليلة واحدة عند 27.25 بالمئة وسعر الإقراض عند 28.25 بالمئة.",
        "وأضاف البيان أن التضخم السنوي في المدن تراجع إلى 32.5 بالمئة في "
        "أبريل من 33.3 بالمئة في مارس، وأن اللجنة تتوقع استمرار تباطؤ التضخم "
        "خلال العام المقبل.",
        "وكان البنك قد رفع أسعار الفائدة 600 نقطة أساس في مارس الماضي وسمح "
        "بانخفاض حاد في قيمة الجنيه ضمن اتفاق مع صندوق النقد الدولي.",
    )
)

RATES_RETOLD = "\n\n".join(
    (
        "القاهرة 14 مايو (رويترز) - أبقى البنك المركزي المصري يوم الخميس "
        "أسعار الفائدة الرئيسية دون تغيير للمرة الثالثة على التوالي، في خطوة "
        "توقعها معظم المحللين.",
        "وقال البنك في بيان إن لجنة السياسة النقدية أبقت سعر عائد الايداع "
        "لليلة واحدة عند 27.25 بالمئة وسعر الاقراض عند 28.25 بالمئة.",
        "وأضاف البيان أن التضخم السنوي في المدن تراجع إلى 32.5 بالمئة في "
        "أبريل من 33.3 بالمئة في مارس، وأن اللجنة تتوقع أن يواصل التضخم "
        "التباطؤ خلال العام المقبل.",
        "وكان البنك قد رفع أسعار الفائدة 600 نقطة أساس في مارس الماضي وسمح "
        "بانخفاض حاد في قيمة الجنيه في إطار اتفاق مع صندوق النقد الدولي.",
    )
)

RATES_MARKETS = "\n\n".join(
    (
        "القاهرة، 14 مايو - ارتفعت الأسهم المصرية يوم الخميس بعد أن أعلن "
        "البنك المركزي قراره بشأن أسعار الفائدة، وصعد المؤشر الرئيسي للبورصة "
        "1.8 بالمئة في أعلى مستوى له منذ شهرين.",
        "وقال متعاملون إن المستثمرين الأجانب كانوا مشترين صافين للأسهم، خاصة "
        "في قطاع البنوك والعقارات، وإن أحجام التداول تجاوزت متوسطها الشهري.",
        "وتوقع محللون في بنوك استثمار محلية أن يبدأ البنك خفض الفائدة في "
        "النصف الثاني من العام إذا واصل التضخم تراجعه.",
    )
)

DROUGHT = "\n\n".join(
    (
        "MADRID, 14 may (EFE).- El Gobierno español aprobó este martes un "
        "plan de 2.000 millones de euros para ayudar a los agricultores "
        "afectados por la sequía, que ha reducido la cosecha de cereales a la"
        " mitad en algunas regiones.",
        "El ministro de Agricultura, Luis Planas, dijo en rueda de prensa que"
        " las ayudas se pagarán antes de septiembre y que darán prioridad a "
        "las pequeñas explotaciones de Andalucía, Castilla-La Mancha y "
        "Extremadura.",
        "Las organizaciones agrarias calificaron el plan de insuficiente y "
        "pidieron una rebaja de impuestos para el gasóleo agrícola y los "
        "fertilizantes.",
        "Los embalses españoles están al 38 por ciento de su capacidad, "
        "frente a una media del 60 por ciento en la última década, según "
        "datos del Ministerio para la Transición Ecológica.",
    )
)

DROUGHT_RETOLD = "\n\n".join(
    (
        "MADRID, 14 may (Europa Press).- El Gobierno aprobó el martes un plan"
        " de 2.000 millones de euros para ayudar a los agricultores afectados"
        " por la sequía, que ha reducido la cosecha de cereales a la mitad en"
        " algunas regiones.",
        "El ministro de Agricultura, Luis Planas, afirmó en rueda de prensa "
        "que las ayudas se pagarán antes de septiembre y que darán prioridad "
        "a las pequeñas explotaciones de Andalucía, Castilla-La Mancha y "
        "Extremadura.",
        "Las organizaciones agrarias calificaron el plan de insuficiente y "
        "reclamaron una rebaja de impuestos para el gasóleo agrícola y los "
        "fertilizantes.",
        "Los embalses españoles se encuentran al 38 por ciento de su "
        "capacidad, frente a una media del 60 por ciento en la última década,"
        " según datos del Ministerio para la Transición Ecológica.",
    )
)

DROUGHT_PROTEST = "\n\n".join(
    (
        "SEVILLA, 14 may (EFE).- Miles de agricultores andaluces se "
        "manifestaron este martes en Sevilla para exigir más agua para el "
        "riego, después de que la Confederación Hidrográfica del Guadalquivir"
        " recortara las dotaciones por tercer año consecutivo.",
        "Los manifestantes, que llegaron en tractores desde varias "
        "provincias, cortaron durante dos horas el tráfico en el centro de la"
        " ciudad y entregaron un manifiesto en la sede de la Junta de "
        "Andalucía.",
        "Los regantes calculan que la falta de agua ha dejado sin sembrar más"
        " de 200.000 hectáreas de arroz y algodón.",
    )
)

PINNED = 3332262941018910605  # fingerprint of the headline pinned below


RETELLINGS = [
    (EARTHQUAKE, EARTHQUAKE_RETOLD),
    (EARTHQUAKE, EARTHQUAKE_UPDATED),
    (RATES, RATES_RETOLD),
    (DROUGHT, DROUGHT_RETOLD),
]
DIFFERENT_STORIES_SAME_TOPIC = [
    (EARTHQUAKE, EARTHQUAKE_AFTERMATH),
    (EARTHQUAKE_RETOLD, EARTHQUAKE_AFTERMATH),
    (RATES, RATES_MARKETS),
    (DROUGHT, DROUGHT_PROTEST),
]
UNRELATED = [(EARTHQUAKE, DROUGHT), (RATES, DROUGHT), (EARTHQUAKE, RATES)]


def apart(pair) -> int:
    first, second = pair
    return distance(fingerprint(first), fingerprint(second))


def test_the_same_text_has_the_same_fingerprint():
    assert fingerprint(EARTHQUAKE) == fingerprint(EARTHQUAKE)
    assert distance(fingerprint(EARTHQUAKE), fingerprint(EARTHQUAKE)) == 0
    assert is_near_duplicate(fingerprint(RATES), fingerprint(RATES))


def test_case_punctuation_and_spacing_make_no_difference():
    shouted = EARTHQUAKE.upper().replace(". ", "! ").replace("\n\n", " ;\t")

    assert fingerprint(shouted) == fingerprint(EARTHQUAKE)


def test_arabic_marks_and_letter_variants_make_no_difference():
    plain = "قال وزير الخارجية إن المفاوضات مستمرة في القاهرة"
    marked = "قال وزيرُ الخارجيةِ إنَّ المُفاوضات مستمـــرة في القاهره"

    assert fingerprint(marked) == fingerprint(plain) != 0


def test_composed_and_decomposed_accents_are_the_same_word():
    composed = "La sequía reduce la cosecha en Andalucía"
    decomposed = "La sequi\u0301a reduce la cosecha en Andaluci\u0301a"

    assert fingerprint(decomposed) == fingerprint(composed)


@pytest.mark.parametrize("pair", RETELLINGS, ids=["en", "en-sentence", "ar", "es"])
def test_a_story_retold_is_a_near_duplicate(pair):
    first, second = pair

    assert is_near_duplicate(fingerprint(first), fingerprint(second))


@pytest.mark.parametrize(
    "pair", DIFFERENT_STORIES_SAME_TOPIC, ids=["en", "en-2", "ar", "es"]
)
def test_a_different_story_on_the_same_topic_is_not(pair):
    first, second = pair

    assert not is_near_duplicate(fingerprint(first), fingerprint(second))


def test_the_threshold_sits_in_the_gap_between_retellings_and_other_stories():
    retold = [apart(pair) for pair in RETELLINGS]
    different = [apart(pair) for pair in DIFFERENT_STORIES_SAME_TOPIC + UNRELATED]

    assert max(retold) <= NEAR_DUPLICATE_DISTANCE
    # And far beyond it, not just past it: other stories lie where unrelated
    # text does, around 32 bits away.
    assert min(different) > 2 * NEAR_DUPLICATE_DISTANCE


@pytest.mark.parametrize("text", ["", "   ", "— … !!", "\n\n"])
def test_text_without_words_has_the_zero_fingerprint(text):
    assert fingerprint(text) == 0


def test_a_short_text_still_has_a_fingerprint():
    assert fingerprint("Flash") != 0
    assert fingerprint("Flash") != fingerprint("Bulletin")


def test_fingerprints_do_not_change_between_processes_or_releases():
    # Stored fingerprints are compared with new ones: the hash must not be
    # salted per process (as Python's hash() is), nor change unnoticed.
    assert fingerprint("Magnitude 6.1 earthquake strikes eastern Turkey") == PINNED


def test_distance_reads_the_signed_form_as_64_bits():
    assert distance(0, -1) == 64  # -1 is every bit set
    assert distance(-(2**63), 2**63 - 1) == 64
    assert distance(-(2**63), 0) == 1


@given(st.text(max_size=2000))
def test_a_fingerprint_fits_a_signed_64_bit_column(text):
    value = fingerprint(text)

    assert -(2**63) <= value < 2**63


@given(st.integers(-(2**63), 2**63 - 1), st.integers(-(2**63), 2**63 - 1))
def test_distance_is_a_symmetric_count_of_bits(a, b):
    assert distance(a, b) == distance(b, a)
    assert 0 <= distance(a, b) <= 64
    assert (distance(a, b) == 0) == (a == b)


def test_fingerprints_take_both_signs():
    values = [
        fingerprint(text)
        for text in (
            EARTHQUAKE,
            RATES,
            DROUGHT,
            EARTHQUAKE_AFTERMATH,
            RATES_MARKETS,
            DROUGHT_PROTEST,
        )
    ]

    assert any(value < 0 for value in values)
    assert any(value > 0 for value in values)
