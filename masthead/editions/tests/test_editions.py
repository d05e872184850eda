"""The three editions: routing, right-to-left, switcher, hreflang, formats."""

from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.setup import ensure_edition_home

pytestmark = pytest.mark.django_db

BASE = "https://news.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.MASTHEAD_BASE_URL = BASE


def publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    return page


def translate(page, language_code, **fields):
    from wagtail.models import Locale

    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy)


@pytest.fixture
def editions(home, news, politics):
    arabic = ensure_edition_home("ar", "ذا ماستهيد", "أخبار من كل منطقة")
    spanish = ensure_edition_home("es", "The Masthead en Español")
    return {
        "en": (home, news, politics),
        "ar": (
            arabic,
            translate(news, "ar", title="أخبار", slug="أخبار"),
            None,
        ),
        "es": (
            spanish,
            translate(news, "es", title="Noticias", slug="noticias"),
            None,
        ),
    }


@pytest.fixture
def story(editions):
    _, _, politics = editions["en"]
    english = ArticlePageFactory(parent=politics, title="Talks resume in Cairo")
    politics_ar = translate(politics, "ar", title="سياسة", slug="سياسة")
    translate(politics, "es", title="Política", slug="politica")
    arabic = translate(
        english, "ar", title="استئناف المحادثات في القاهرة", slug="استئناف-المحادثات"
    )
    spanish = translate(
        english, "es", title="Se reanudan las conversaciones", slug="conversaciones"
    )
    assert arabic.get_parent().pk == politics_ar.pk
    return {"en": english, "ar": arabic, "es": spanish}


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html5lib")


def test_each_edition_has_its_own_home_under_its_prefix(client, editions):
    for code, prefix, name in [
        ("en", "/", "The Masthead"),
        ("ar", "/ar/", "ذا ماستهيد"),
        ("es", "/es/", "The Masthead en Español"),
    ]:
        soup = soup_of(client, prefix)
        assert soup.html["lang"] == code
        assert soup.select_one(".site-header__name").get_text() == name


def test_arabic_pages_are_right_to_left(client, editions, story):
    for url in ["/ar/", story["ar"].url]:
        soup = soup_of(client, url)
        assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    for url in ["/", "/es/", story["es"].url]:
        assert soup_of(client, url).html["dir"] == "ltr"


def test_unicode_slugs_route_and_are_percent_encoded_in_links(client, editions, story):
    arabic = story["ar"]
    encoded = (
        "/ar/"
        + quote("أخبار")
        + "/"
        + quote("سياسة")
        + "/"
        + quote("استئناف-المحادثات")
        + "/"
    )

    assert arabic.url == encoded
    assert soup_of(client, encoded).h1.get_text() == "استئناف المحادثات في القاهرة"
    menu_links = [a["href"] for a in soup_of(client, "/ar/").select(".menu--desktop a")]
    assert "/ar/" + quote("أخبار") + "/" in menu_links


def test_hreflang_alternates_are_reciprocal(client, story):
    expected = sorted(
        [(code, BASE + page.url) for code, page in story.items()]
        + [("x-default", BASE + story["en"].url)]
    )
    for page in story.values():
        soup = soup_of(client, page.url)
        alternates = sorted(
            (link["hreflang"], link["href"])
            for link in soup.find_all("link", rel="alternate", hreflang=True)
        )
        assert alternates == expected, page.url


def test_untranslated_pages_carry_no_alternates(client, editions, politics):
    lone = ArticlePageFactory(parent=politics)

    soup = soup_of(client, lone.url)

    assert soup.find_all("link", hreflang=True) == []


def test_switcher_leads_to_the_translation_or_the_editions_home(
    client, story, politics
):
    untranslated = ArticlePageFactory(parent=politics)

    switch = {
        a["hreflang"]: a["href"]
        for a in soup_of(client, story["en"].url).select(".edition-switcher a")
    }
    assert switch == {"ar": story["ar"].url, "es": story["es"].url}
    switch = {
        a["hreflang"]: a["href"]
        for a in soup_of(client, untranslated.url).select(".edition-switcher a")
    }
    assert switch == {"ar": "/ar/", "es": "/es/"}
    switch = {
        a["hreflang"]: a["href"]
        for a in soup_of(client, story["ar"].url).select(".edition-switcher a")
    }
    assert switch == {"en": story["en"].url, "es": story["es"].url}


def test_arabic_dates_use_arabic_months_and_digits(client, editions, story):
    arabic_home = editions["ar"][0]
    arabic_home.refresh_from_db()
    arabic_home.digits = "arabic-indic"
    arabic_home.date_format = "j F Y"
    arabic_home.time_zone = "Asia/Beirut"
    publish(arabic_home)
    page = story["ar"]
    page.first_published_at = datetime(2024, 8, 5, 19, 44, tzinfo=UTC)
    publish(page)

    soup = soup_of(client, page.url)

    published = soup.select_one(".article__meta time")
    assert published.get_text() == "٥ أغسطس ٢٠٢٤ ٢٢:٤٤"  # 22:44 in Beirut
    assert published["datetime"] == "2024-08-05T22:44:00+03:00"


def test_spanish_dates_keep_latin_digits_with_spanish_months(client, editions, story):
    page = story["es"]
    page.first_published_at = datetime(2024, 8, 5, 19, 44, tzinfo=UTC)
    publish(page)

    soup = soup_of(client, page.url)

    assert soup.select_one(".article__meta time").get_text() == "5 Ago 2024 19:44"


SEARCH_PATHS = {"en": "/search/", "ar": "/ar/search/", "es": "/es/search/"}


def test_every_page_of_every_edition_has_a_search_form_in_its_header(client, story):
    for code, search_path in SEARCH_PATHS.items():
        home, section = editions_home_and_section(story[code])
        for url in [home.url, section.url, story[code].url]:
            soup = soup_of(client, url)
            form = soup.select_one("header.site-header form[role=search]")
            assert form is not None, url
            assert (form["action"], form["method"]) == (search_path, "get")
            field = form.select_one("input[type=search][name=q]")
            # Labelled for screen readers, not only by its placeholder.
            label = form.select_one(f"label[for={field['id']}]")
            assert label is not None and label.get_text(strip=True), url
            assert form.select_one("button[type=submit]").get_text(strip=True)


@pytest.mark.parametrize(
    ("code", "word"), [("en", "Cairo"), ("ar", "المحادثات"), ("es", "conversaciones")]
)
def test_a_headline_word_sent_through_the_header_form_finds_the_story(
    client, story, code, word
):
    form = soup_of(client, story[code].url).select_one("header form[role=search]")
    field = form.select_one("input[type=search]")["name"]

    results = soup_of(client, f"{form['action']}?{field}={quote(word)}")

    headlines = [h.get_text() for h in results.select(".search-result__headline")]
    assert headlines == [story[code].title]


@pytest.fixture
def regions(editions):
    from wagtail.models import Locale

    from masthead.regions.tests.factories import RegionFactory

    def region(code, name, slug, order):
        locale = Locale.objects.get(language_code=code)
        return RegionFactory(locale=locale, name=name, slug=slug, sort_order=order)

    return {
        "en": [region("en", "Africa", "africa", 1), region("en", "MENA", "mena", 2)],
        "ar": [region("ar", "أفريقيا", "أفريقيا", 1)],
        "es": [],
    }


def menu_regions(soup, menu="desktop"):
    for item in soup.select(f".menu--{menu} .menu__item"):
        link = item.select_one(".menu__link")
        if link["href"].endswith("/regions/"):
            return link, [
                (a.get_text(), a["href"]) for a in item.select(".menu__sublink")
            ]
    return None, []


def test_the_menu_lists_the_editions_regions_after_the_sections(client, regions):
    soup = soup_of(client, "/")
    for menu in ("desktop", "mobile"):
        link, children = menu_regions(soup, menu)
        assert (link.get_text(), link["href"]) == ("Regions", "/regions/")
        assert children == [
            ("Africa", "/regions/africa/"),
            ("MENA", "/regions/mena/"),
        ]
    assert soup.select(".menu--desktop .menu__link")[-1] == link

    link, children = menu_regions(soup_of(client, "/ar/"))
    assert link["href"] == "/ar/regions/"
    assert link.get_text() != "Regions"  # in the edition's language
    assert children == [("أفريقيا", "/ar/regions/" + quote("أفريقيا") + "/")]

    # An edition with no regions has no empty entry.
    assert menu_regions(soup_of(client, "/es/")) == (None, [])


def test_the_regions_page_lists_regional_stories_and_links_every_region(
    client, regions, story
):
    mena = regions["en"][1]
    story["en"].regions.add(mena)
    publish(story["en"])
    ArticlePageFactory(parent=editions_politics(story), title="A story of nowhere")

    soup = soup_of(client, "/regions/")

    assert soup.h1.get_text() == "Regions"
    tabs = [a.get_text() for a in soup.select(".listing-header__nav a")]
    assert tabs == ["Africa", "MENA"]
    headlines = [a.get_text(strip=True) for a in soup.select(".story-list h2 a")]
    assert headlines == ["Talks resume in Cairo"]
    menu_link, _ = menu_regions(soup)
    assert menu_link["aria-current"] == "page"

    mena_page = soup_of(client, "/regions/mena/")
    assert mena_page.select_one(
        ".listing-header__nav [aria-current=page]"
    ).get_text() == ("MENA")


def editions_politics(story):
    return story["en"].get_parent()


def editions_home_and_section(story):
    section = story.get_parent()
    return section.get_parent().get_parent(), section
