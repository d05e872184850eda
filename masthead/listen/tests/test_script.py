"""What a story's audio says: headline, standfirst and the body's words in order,
made speakable in the story's language; never captions, related boxes or embeds."""

import pytest
from wagtail.embeds.blocks import EmbedValue
from wagtail.rich_text import RichText

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.setup import ensure_edition_home
from masthead.listen.script import SpokenScript, spoken_script
from masthead.sections.tests.factories import SectionPageFactory

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def related_story(politics, author):
    return ArticlePageFactory(
        parent=politics, title="Unrelated harbour strike ends", authors=[author]
    )


def story_body(image, related_story, *, opening="The talks opened", caption=None):
    return [
        (
            "paragraph",
            RichText(
                f"<p>{opening} on <b>Mon</b>day in "
                '<a href="https://example.com/geneva">Geneva</a>.</p>'
                "<p>Officials said Smith &amp; Jones &quot;agreed&quot;&nbsp;to "
                "meet&#8230; again.</p>"
            ),
        ),
        ("subheading", "What was agreed"),
        (
            "paragraph",
            RichText(
                "<p>They agreed on:</p>"
                f'<ul><li>trade</li><li><a linktype="page" id="{related_story.pk}">'
                "energy</a> &amp; water</li><li>a visit on 4/12/2026</li></ul>"
            ),
        ),
        (
            "image",
            {
                "image": image,
                "alt_text": "Fishing boats in a harbour",
                "caption": caption or "Boats wait in the harbour at dawn",
            },
        ),
        ("quote", {"text": "We have a deal", "attribution": "Dr. Amal Nasser"}),
        ("related", {"heading": "Read more", "stories": [related_story]}),
        ("embed", EmbedValue(YOUTUBE)),
        # A paragraph that is only an address says nothing.
        ("paragraph", RichText("<p>https://example.com/live</p>")),
    ]


@pytest.fixture
def story(politics, author, image, related_story):
    return ArticlePageFactory(
        parent=politics,
        title="Ministers meet in Geneva",
        standfirst="Talks resume for the first time since the crisis of 2019-2021",
        body=story_body(image, related_story),
        authors=[author],
    )


def republished(page, **changes):
    """The page as a reader gets it after an editor's change."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish(skip_permission_checks=True)
    return ArticlePage.objects.get(pk=page.pk)


EXPECTED = (
    "Ministers meet in Geneva.",
    "Talks resume for the first time since the crisis of 2019 to 2021.",
    "The talks opened on Monday in Geneva.",
    'Officials said Smith and Jones "agreed" to meet... again.',
    "What was agreed.",
    "They agreed on:",
    "trade.",
    "energy and water.",
    "a visit on 4 December 2026.",
    "We have a deal.",
    "Doctor Amal Nasser.",
)


def test_the_script_reads_the_story_in_order(story):
    script = spoken_script(ArticlePage.objects.get(pk=story.pk))

    assert script.language == "en"
    assert script.paragraphs == EXPECTED
    assert script.text == "\n\n".join(EXPECTED)
    assert script.words == len(" ".join(EXPECTED).split())


def test_pictures_related_stories_embeds_and_addresses_are_not_read(story):
    text = spoken_script(story).text

    assert "harbour" not in text.lower()  # caption, alt text, related story
    assert "Boats" not in text and "Fishing" not in text
    assert "Read more" not in text and "Unrelated" not in text
    assert "youtube" not in text.lower() and "example" not in text
    assert "http" not in text and "<" not in text and "&" not in text
    assert not any(
        paragraph.strip(".") == "" for paragraph in spoken_script(story).paragraphs
    )


def test_the_hash_names_the_words(story, image, related_story):
    before = spoken_script(story).hash
    assert spoken_script(ArticlePage.objects.get(pk=story.pk)).hash == before

    edited = republished(
        story, body=story_body(image, related_story, opening="The talks began")
    )
    assert spoken_script(edited).hash != before


def test_the_hash_ignores_what_is_not_read(
    story, image, related_story, politics, author
):
    before = spoken_script(story).hash

    captioned = republished(
        story, body=story_body(image, related_story, caption="A new caption")
    )
    assert spoken_script(captioned).hash == before

    other = ArticlePageFactory(parent=politics, title="Another story", authors=[author])
    body = story_body(image, related_story)
    body[5] = ("related", {"heading": "See also", "stories": [other]})
    relinked = republished(captioned, body=body)
    assert spoken_script(relinked).hash == before

    relinked.tags.add("Iran", "Geneva")
    tagged = republished(relinked)
    assert spoken_script(tagged).hash == before


def test_the_hash_changes_with_the_headline_and_standfirst(story):
    before = spoken_script(story).hash
    retitled = republished(story, title="Ministers meet in Bern")
    assert spoken_script(retitled).hash != before
    restood = republished(
        retitled,
        title="Ministers meet in Geneva",
        standfirst="Talks resume for the first time since the crisis of 2019-2022",
    )
    assert spoken_script(restood).hash != before


@pytest.fixture
def arabic_section(home):
    return SectionPageFactory(
        parent=ensure_edition_home("ar"), title="أخبار", slug="akhbar"
    )


@pytest.fixture
def spanish_section(home):
    return SectionPageFactory(
        parent=ensure_edition_home("es"), title="Noticias", slug="noticias"
    )


def test_an_arabic_story_is_normalised_as_arabic(arabic_section, author):
    page = ArticlePageFactory(
        parent=arabic_section,
        title="ارتفاع الأسعار ٥٠٪",
        standfirst="تبدأ المحادثات بين الوزيرين في العاصمة في ٢٠٢٦-١٢-٠٤",
        body=[
            ("paragraph", RichText("<p>بلغت الصفقة $٣٫٥ مليار</p>")),
            ("quote", {"text": "اتفقنا", "attribution": "وزير الخارجية"}),
        ],
        authors=[author],
    )
    script = spoken_script(page)

    assert script.language == "ar"
    assert script.paragraphs == (
        "ارتفاع الأسعار 50 بالمئة.",
        "تبدأ المحادثات بين الوزيرين في العاصمة في 4 ديسمبر 2026.",
        "بلغت الصفقة 3 فاصلة 5 مليار دولار.",
        "اتفقنا.",
        "وزير الخارجية.",
    )


def test_a_spanish_story_is_normalised_as_spanish(spanish_section, author):
    page = ArticlePageFactory(
        parent=spanish_section,
        title="La Sra. López visita EE. UU.",
        standfirst="El viaje oficial a Washington empieza el 4/12/2026",
        body=[
            (
                "paragraph",
                RichText(
                    "<p>Firmará un acuerdo de 3 M€.</p><ul><li>comercio</li></ul>"
                ),
            )
        ],
        authors=[author],
    )
    script = spoken_script(page)

    assert script.language == "es"
    assert script.paragraphs == (
        "La señora López visita Estados Unidos.",
        "El viaje oficial a Washington empieza el 4 de diciembre de 2026.",
        "Firmará un acuerdo de 3 millones de euros.",
        "comercio.",
    )


def test_the_same_words_in_two_languages_have_two_hashes(
    politics, spanish_section, author
):
    same = {
        "title": "Sevilla",
        "standfirst": "Madrid, Valencia, Bilbao, Zaragoza, Granada",
        "body": [("paragraph", RichText("<p>Barcelona.</p>"))],
        "authors": [author],
    }
    english = spoken_script(ArticlePageFactory(parent=politics, **same))
    spanish = spoken_script(ArticlePageFactory(parent=spanish_section, **same))

    assert (
        english.text
        == spanish.text
        == ("Sevilla.\n\nMadrid, Valencia, Bilbao, Zaragoza, Granada.\n\nBarcelona.")
    )
    assert english.hash != spanish.hash


def test_a_script_is_named_by_its_language_and_words():
    script = SpokenScript("en", ("One.", "Two."))
    assert script.hash == SpokenScript("en", ("One.", "Two.")).hash
    assert script.hash != SpokenScript("en", ("One. Two.",)).hash  # the pause
    assert script.hash != SpokenScript("es", ("One.", "Two.")).hash
    assert len(script.hash) == 64
