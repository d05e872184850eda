"""A reader listens to a story in real Chromium: the browser's own player without
JavaScript, ours with it (keyboard, speed, the remembered place), in English and
in the right-to-left Arabic edition. The audio is made by the real pipeline
(espeak-ng and ffmpeg) and served the way production serves it: at /audio/,
with HTTP Range (masthead/listen/serving.py). Without Range, Chromium cannot
read the end of the Ogg file: its duration is Infinity."""

import math
import re
import shutil
import time

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from masthead.articles.tests.factories import ArticlePageFactory, paragraphs
from masthead.editions.formatting import forget_formats
from masthead.front.setup import ensure_edition_home
from masthead.listen.models import ArticleAudio, AudioStatus
from masthead.sections.tests.factories import SectionPageFactory
from tests.conftest import skip_or_fail
from tests.quality.browsing import blocking, describe, run_axe
from tests.quality.tools import axe_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOOLS = ("espeak-ng", "ffmpeg", "ffprobe")
SPEED_KEY = "masthead:listen:speed"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# About half a minute of speech: room to seek by five seconds either way.
BODY = paragraphs(
    "The port authority said the harbour would reopen to shipping on Monday "
    "morning, a week after the storm forced its closure.",
    "Crews worked through the weekend to clear debris from the main channel and "
    "to repair two of the cranes damaged by the high winds.",
    "Fishing crews, who lost a week of work, welcomed the news but asked the "
    "government for help with the cost of repairs to their boats.",
    "The authority expects cargo traffic to return to normal within ten days.",
)
ARABIC_BODY = paragraphs(
    "قالت سلطة الميناء إن الميناء سيعاد فتحه أمام السفن صباح يوم الاثنين، بعد "
    "أسبوع من إغلاقه بسبب العاصفة.",
    "وعملت الفرق طوال عطلة نهاية الأسبوع على إزالة الحطام من القناة الرئيسية "
    "وإصلاح رافعتين تضررتا بفعل الرياح القوية.",
    "ورحب الصيادون الذين خسروا أسبوعا من العمل بالخبر، لكنهم طلبوا من الحكومة "
    "المساعدة في تكاليف إصلاح قواربهم.",
)

PLAYER = "section.listen"
CURRENT_TIME = "document.querySelector('section.listen audio').currentTime"


@pytest.fixture
def listen_site(settings):
    """Stories are spoken when published, by the real espeak-ng and ffmpeg."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        skip_or_fail(f"{', '.join(missing)} not found: Listen browser tests skipped")
    settings.MASTHEAD_LISTEN_ENABLED = True
    settings.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.engines.espeak.EspeakEngine"]
    return settings


def spoken(page):
    audio = ArticleAudio.objects.get(page=page)
    assert audio.status == AudioStatus.READY, audio.error
    assert audio.duration > 15
    return audio


@pytest.fixture
def story(listen_site, django_capture_on_commit_callbacks):
    news = SectionPageFactory(parent=ensure_edition_home("en"), title="News")
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(
            parent=news, title="Harbour reopens after storm", slug="harbour", body=BODY
        )
    spoken(page)
    return page


@pytest.fixture
def arabic_story(listen_site, django_capture_on_commit_callbacks):
    english_home = ensure_edition_home("en")
    news = SectionPageFactory(parent=english_home, title="News", slug="news")
    # The English original is not spoken: only the Arabic story is wanted here.
    listen_site.MASTHEAD_LISTEN_ENABLED = False
    english = ArticlePageFactory(parent=news, slug="harbour", body=BODY)
    listen_site.MASTHEAD_LISTEN_ENABLED = True
    home = ensure_edition_home("ar")
    home.digits = "arabic-indic"
    home.save_revision().publish(skip_permission_checks=True)
    forget_formats("ar")
    page = english.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    page.title = "الميناء يعاد فتحه بعد العاصفة"
    page.standfirst = "السفن تعود إلى الميناء بعد أسبوع من الإغلاق."
    page.body = ARABIC_BODY
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish(skip_permission_checks=True)
    spoken(page)
    return page


@pytest.fixture
def tab(browser):
    """A tab that records the page's errors (a CSP refusal is one)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console",
        lambda message: message.type == "error" and page.errors.append(message.text),
    )
    yield page
    context.close()


def open_story(tab, live_server, story):
    tab.goto(live_server.url + story.url)
    player = tab.locator(PLAYER)
    # The script has run once the browser's controls are gone.
    expect(player.locator("audio")).not_to_have_attribute("controls", re.compile(".*"))
    return player


def wait_until(tab, expression: str, timeout: float = 10) -> None:
    """Poll a JavaScript expression until it is true. (Playwright's
    wait_for_function evaluates a string, which the site's CSP forbids; the
    policy stays on so that the player's own breaches of it would show.)"""
    deadline = time.monotonic() + timeout
    while not tab.evaluate(expression):
        if time.monotonic() > deadline:
            pytest.fail(f"Still false after {timeout}s: {expression}")
        tab.wait_for_timeout(50)


def clock(seconds: float, rounding=round) -> str:
    """As the player writes times: the total rounded, the time elapsed not."""
    whole = int(rounding(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def elapsed_clock(seconds: float) -> str:
    return clock(seconds, math.floor)


def start_playing(tab, player):
    player.get_by_role("button", name="Play").click()
    wait_until(tab, f"{CURRENT_TIME} > 0.5")


def saved_position(tab, story):
    return tab.evaluate(f"localStorage.getItem('masthead:listen:position:{story.pk}')")


def test_without_javascript_the_browser_controls_are_the_player(
    browser, live_server, story
):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + story.url)

    player = tab.locator(PLAYER)
    audio = player.locator("audio")
    expect(audio).to_be_visible()
    assert audio.get_attribute("controls") is not None
    assert audio.get_attribute("preload") == "none"
    expect(player.locator("[data-listen-controls]")).to_be_hidden()
    expect(player.get_by_role("button", name="Play")).to_be_hidden()
    download = player.get_by_role("link", name="Download the audio (MP3)")
    expect(download).to_be_visible()
    mp3 = tab.request.get(live_server.url + download.get_attribute("href"))
    assert mp3.ok and mp3.headers["content-type"] == "audio/mpeg"
    context.close()


def test_with_javascript_our_controls_replace_the_browser_ones(tab, live_server, story):
    audio = spoken(story)

    player = open_story(tab, live_server, story)

    expect(player.locator("[data-listen-controls]")).to_be_visible()
    expect(player.locator("audio")).to_be_hidden()
    play = player.get_by_role("button", name="Play")
    expect(play).to_be_visible()
    slider = player.get_by_role("slider", name="Position")
    total = clock(audio.duration)
    expect(slider).to_have_attribute("aria-valuetext", f"0:00 of {total}")
    expect(player.locator("[data-listen-total]")).to_have_text(total)
    speed = player.get_by_role("combobox", name="Speed")
    assert speed.locator("option").all_inner_texts() == [
        "0.75×", "1×", "1.25×", "1.5×", "1.75×", "2×"
    ]  # fmt: skip
    expect(speed).to_have_value("1")
    # WCAG 2.2's 24-pixel targets.
    for control in (play, slider, speed):
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, control
    assert not tab.errors


def test_play_starts_playback_and_the_button_becomes_pause(tab, live_server, story):
    duration = spoken(story).duration
    answers = []
    tab.on(
        "response",
        lambda response: response.url.endswith(".opus") and answers.append(response),
    )
    player = open_story(tab, live_server, story)

    start_playing(tab, player)

    # Served in ranges (by /audio/, not the live server's Range-less /media/),
    # the file's length is known: without, it is Infinity.
    assert answers and {answer.status for answer in answers} == {206}
    assert all("/audio/" in answer.url for answer in answers)
    length = tab.evaluate("document.querySelector('section.listen audio').duration")
    assert length == pytest.approx(duration, abs=0.5)

    pause = player.get_by_role("button", name="Pause")
    expect(pause).to_be_visible()
    expect(player.locator("[data-listen-elapsed]")).not_to_have_text("0:00")
    pause.click()
    expect(player.get_by_role("button", name="Play")).to_be_visible()
    assert tab.evaluate("document.querySelector('section.listen audio').paused")
    assert not tab.errors


def test_the_keyboard_reaches_play_and_space_and_enter_toggle_it(
    tab, live_server, story
):
    player = open_story(tab, live_server, story)
    play = player.locator("[data-listen-play]")

    for _ in range(60):
        tab.keyboard.press("Tab")
        if play.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Play button")
    # The focus is seen: the site's outline, not the browser's faint default.
    outline = play.evaluate(
        "b => [getComputedStyle(b).outlineStyle, getComputedStyle(b).outlineWidth]"
    )
    assert outline == ["solid", "3px"]

    tab.keyboard.press("Space")
    wait_until(tab, f"{CURRENT_TIME} > 0.5")
    expect(play).to_have_accessible_name("Pause")
    tab.keyboard.press("Enter")
    expect(play).to_have_accessible_name("Play")
    assert tab.evaluate("document.querySelector('section.listen audio').paused")


def test_arrow_keys_on_the_slider_seek(tab, live_server, story):
    player = open_story(tab, live_server, story)
    start_playing(tab, player)
    player.get_by_role("button", name="Pause").click()
    slider = player.get_by_role("slider", name="Position")
    total = clock(spoken(story).duration)
    at = tab.evaluate(CURRENT_TIME)

    slider.focus()
    slider.press("ArrowRight")
    slider.press("ArrowRight")

    assert tab.evaluate(CURRENT_TIME) == pytest.approx(at + 10, abs=0.1)
    expect(slider).to_have_attribute(
        "aria-valuetext", f"{elapsed_clock(at + 10)} of {total}"
    )
    slider.press("ArrowLeft")
    assert tab.evaluate(CURRENT_TIME) == pytest.approx(at + 5, abs=0.1)
    slider.press("Home")
    assert tab.evaluate(CURRENT_TIME) == 0
    expect(slider).to_have_attribute("aria-valuetext", f"0:00 of {total}")
    expect(player.locator("[data-listen-elapsed]")).to_have_text("0:00")
    slider.press("ArrowUp")
    assert tab.evaluate(CURRENT_TIME) == pytest.approx(5, abs=0.1)


def test_a_click_on_the_slider_seeks_to_that_point(tab, live_server, story):
    duration = spoken(story).duration
    player = open_story(tab, live_server, story)
    start_playing(tab, player)
    player.get_by_role("button", name="Pause").click()
    slider = player.get_by_role("slider", name="Position")
    box = slider.bounding_box()

    slider.click(position={"x": box["width"] * 0.75, "y": box["height"] / 2})

    wait_until(tab, f"Math.abs({CURRENT_TIME} - {duration * 0.75}) < 2")


def test_the_speed_sets_the_playback_rate_and_is_remembered(tab, live_server, story):
    player = open_story(tab, live_server, story)

    player.get_by_role("combobox", name="Speed").select_option("1.5")

    rate = "document.querySelector('section.listen audio').playbackRate"
    assert tab.evaluate(rate) == 1.5
    assert tab.evaluate(f"localStorage.getItem('{SPEED_KEY}')") == "1.5"
    tab.reload()
    player = open_story(tab, live_server, story)
    expect(player.get_by_role("combobox", name="Speed")).to_have_value("1.5")
    start_playing(tab, player)
    # Loading the file would reset a rate set on the element alone.
    assert tab.evaluate(rate) == 1.5


def test_the_place_is_remembered_after_a_reload(tab, live_server, story):
    total = clock(spoken(story).duration)
    player = open_story(tab, live_server, story)
    start_playing(tab, player)
    wait_until(tab, f"{CURRENT_TIME} > 3")
    player.get_by_role("button", name="Pause").click()
    wait_until(tab, "document.querySelector('section.listen audio').paused")
    at = tab.evaluate(CURRENT_TIME)
    # Saved when the pause event arrives, which a busy machine delays.
    stored = f"localStorage.getItem('masthead:listen:position:{story.pk}')"
    wait_until(tab, f"Math.abs(Number({stored}) - {at}) < 0.1")
    assert float(saved_position(tab, story)) == pytest.approx(at, abs=0.1)

    tab.reload()
    player = open_story(tab, live_server, story)

    # The remembered place shows at once, and the audio goes there once its
    # metadata (and only that) is in.
    slider = player.get_by_role("slider", name="Position")
    elapsed = elapsed_clock(at)
    expect(slider).to_have_attribute("aria-valuetext", f"{elapsed} of {total}")
    expect(player.locator("[data-listen-elapsed]")).to_have_text(elapsed)
    wait_until(tab, f"Math.abs({CURRENT_TIME} - {at}) < 0.2")
    assert int(float(slider.input_value())) == int(at)
    # Played on from there (the place is kept to a tenth of a second), not from
    # the start.
    player.get_by_role("button", name="Play").click()
    wait_until(tab, "!document.querySelector('section.listen audio').paused")
    tab.wait_for_timeout(300)
    assert tab.evaluate(CURRENT_TIME) > at - 0.1


def test_the_end_of_the_story_forgets_the_place(tab, live_server, story):
    player = open_story(tab, live_server, story)
    start_playing(tab, player)
    player.get_by_role("button", name="Pause").click()
    assert saved_position(tab, story) is not None
    slider = player.get_by_role("slider", name="Position")

    slider.focus()
    slider.press("End")

    wait_until(tab, "document.querySelector('section.listen audio').ended")
    assert saved_position(tab, story) is None
    expect(player.get_by_role("button", name="Play")).to_be_visible()
    tab.reload()
    player = open_story(tab, live_server, story)
    expect(player.locator("[data-listen-elapsed]")).to_have_text("0:00")


def test_a_forbidden_local_storage_does_not_break_the_player(tab, live_server, story):
    tab.add_init_script(
        """Object.defineProperty(window, "localStorage", {
            get() { throw new DOMException("Denied", "SecurityError"); },
        });"""
    )
    player = open_story(tab, live_server, story)

    player.get_by_role("combobox", name="Speed").select_option("2")
    start_playing(tab, player)
    player.get_by_role("button", name="Pause").click()

    expect(player.get_by_role("button", name="Play")).to_be_visible()
    assert not tab.errors


def test_in_arabic_the_player_runs_right_to_left_in_arabic_indic_digits(
    tab, live_server, arabic_story
):
    duration = spoken(arabic_story).duration
    total = clock(duration).translate(ARABIC_INDIC)

    player = open_story(tab, live_server, arabic_story)

    assert player.get_attribute("data-listen-digits") == "arabic-indic"
    assert player.evaluate("section => getComputedStyle(section).direction") == "rtl"
    play = player.locator("[data-listen-play]")
    slider = player.locator("[data-listen-seek]")
    # The button at the inline start: on the right.
    assert play.bounding_box()["x"] > slider.bounding_box()["x"]
    expect(player.locator("[data-listen-total]")).to_have_text(total)
    expect(player.locator("[data-listen-elapsed]")).to_have_text("٠:٠٠")
    pattern = player.get_attribute("data-listen-position-text")
    start = pattern.replace("%(elapsed)s", "٠:٠٠").replace("%(total)s", total)
    expect(slider).to_have_attribute("aria-valuetext", start)
    expect(player.locator("option[value='1.25']")).to_have_text("١.٢٥×")

    play.click()
    wait_until(tab, f"{CURRENT_TIME} > 0.5")
    play.click()
    wait_until(tab, "document.querySelector('section.listen audio').paused")
    at = tab.evaluate(CURRENT_TIME)
    # Left goes on in a right-to-left slider.
    slider.focus()
    slider.press("ArrowLeft")
    assert tab.evaluate(CURRENT_TIME) == pytest.approx(at + 5, abs=0.1)
    slider.press("ArrowRight")
    assert tab.evaluate(CURRENT_TIME) == pytest.approx(at, abs=0.1)
    elapsed = elapsed_clock(at).translate(ARABIC_INDIC)
    expect(slider).to_have_attribute(
        "aria-valuetext",
        pattern.replace("%(elapsed)s", elapsed).replace("%(total)s", total),
    )
    # A click a quarter of the way from the left is three quarters of the way in.
    box = slider.bounding_box()
    slider.click(position={"x": box["width"] * 0.25, "y": box["height"] / 2})
    wait_until(tab, f"Math.abs({CURRENT_TIME} - {duration * 0.75}) < 2")
    # The track fills from the right: its filled part is on the right.
    fill = slider.evaluate(
        "input => getComputedStyle(input).getPropertyValue('--listen-track')"
    )
    assert "to left" in fill
    assert not tab.errors


@pytest.mark.parametrize(
    ("edition", "scheme"),
    [("en", "light"), ("ar", "dark")],
    ids=["en-light", "ar-dark"],
)
def test_axe_finds_nothing_serious_on_a_story_with_the_player(
    request, browser, live_server, edition, scheme
):
    script = axe_source()
    story = request.getfixturevalue("story" if edition == "en" else "arabic_story")
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, color_scheme=scheme
    )
    tab = context.new_page()
    player = open_story(tab, live_server, story)
    play = player.locator("[data-listen-play]")
    play.click()
    wait_until(tab, f"{CURRENT_TIME} > 0.5")
    play.click()
    player.locator("[data-listen-seek]").focus()

    violations = run_axe(tab, script)

    context.close()
    name = f"{edition}-story-{scheme}"
    serious = blocking(violations)
    assert not serious, describe({name: serious})
    # Nothing at all, of any impact, in the player.
    listen = [
        violation
        for violation in violations
        if any("listen" in str(node["target"]) for node in violation["nodes"])
    ]
    assert not listen, describe({name: listen})
