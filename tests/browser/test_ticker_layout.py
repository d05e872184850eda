"""The ticker shows whole lines: none is cut at the strip's edge, in either
direction of writing, on a phone or a laptop, before or after scrolling."""

import pytest
from wagtail.models import Locale

from masthead.breaking.actions import publish_breaking_item
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db(transaction=True)

LINES = {
    "en": [
        ("Israeli media", "Three drones launched toward the north, army says"),
        ("", "Airport closed after power cut"),
        (
            "Our correspondent in Lebanon",
            "Strikes reported near the southern border "
            "villages as residents leave their homes for the coast",
        ),
        ("", "Parliament adjourns the budget debate to Thursday"),
        ("Informed source", "Talks in Cairo to resume on Monday with new proposals"),
        ("", "Storm warning for the coast; ferries suspended until further notice"),
    ],
    "ar": [
        ("وسائل إعلام إسرائيلية", "إطلاق ثلاث مسيّرات نحو الشمال بحسب الجيش"),
        ("", "إغلاق المطار بعد انقطاع الكهرباء"),
        ("مراسلنا في لبنان", "غارات قرب قرى الحدود الجنوبية ونزوح السكان نحو الساحل"),
        ("", "البرلمان يؤجل مناقشة الموازنة إلى الخميس"),
        ("مصدر مطّلع", "استئناف محادثات القاهرة يوم الاثنين بمقترحات جديدة"),
        ("", "تحذير من عاصفة على الساحل وتعليق رحلات العبّارات حتى إشعار آخر"),
    ],
}

# Items whose box crosses the strip's visible edge: partly shown, partly hidden.
CUT_ITEMS = """() => {
    const list = document.querySelector(".ticker__list");
    const box = list.getBoundingClientRect();
    const cut = [], whole = [];
    for (const item of list.querySelectorAll(".ticker__item")) {
        const rect = item.getBoundingClientRect();
        const shown = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
        if (shown <= 1) continue;  // scrolled out of sight altogether
        if (rect.left < box.left - 1 || rect.right > box.right + 1) {
            cut.push(item.textContent.trim().slice(0, 30));
        } else {
            whole.push(item.dataset.id);
        }
    }
    return {cut, whole: whole.length};
}"""

SCROLL_ALONG = """async (direction) => {
    const list = document.querySelector(".ticker__list");
    const step = list.clientWidth * 0.4 * direction;
    await new Promise((done) => {
        list.addEventListener("scrollend", done, {once: true});
        list.scrollBy({left: step});
        setTimeout(done, 1500);  // no scrollend where nothing moved
    });
    return list.scrollLeft;
}"""


@pytest.fixture
def tickers():
    for code, lines in LINES.items():
        home = ensure_edition_home(code)
        locale = Locale.objects.get(language_code=code)
        for attribution, text in lines:
            publish_breaking_item(locale=locale, text=text, attribution=attribution)
        assert home.locale == locale
    return {"en": "/", "ar": "/ar/"}


@pytest.mark.parametrize("width", [390, 768, 1366, 1920])
@pytest.mark.parametrize("edition", ["en", "ar"])
def test_no_ticker_line_is_cut_at_the_edge(
    browser, live_server, tickers, edition, width
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + tickers[edition])
        page.wait_for_selector(".ticker__item")
        at_rest = page.evaluate(CUT_ITEMS)
        # Along the strip: forward in the edition's direction of writing.
        page.evaluate(SCROLL_ALONG, -1 if edition == "ar" else 1)
        scrolled = page.evaluate(CUT_ITEMS)
    finally:
        context.close()

    assert at_rest["cut"] == [] and at_rest["whole"] >= 1, at_rest
    assert scrolled["cut"] == [] and scrolled["whole"] >= 1, scrolled
