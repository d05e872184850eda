"""A reader pages through a gallery's viewer with the keyboard in real Chromium."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from masthead.front.setup import ensure_edition_home
from masthead.galleries.tests.factories import GalleryPageFactory
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_keyboard_opens_pages_and_closes_the_viewer(page, live_server):
    home = ensure_edition_home("en")
    section = SectionPageFactory(parent=home, title="In Pictures", slug="in-pictures")
    gallery = GalleryPageFactory(parent=section, slug="harbour", pictures=5)
    gallery.save_revision().publish(skip_permission_checks=True)
    url = live_server.url + "/in-pictures/harbour/"

    page.goto(url)
    thumbnail = page.locator("#picture-2 a")
    thumbnail.focus()
    page.keyboard.press("Enter")
    viewer = page.locator("dialog[data-gallery-viewer]")
    expect(viewer).to_be_visible()
    status = viewer.locator("[data-viewer-status]")
    expect(status).to_have_text("Picture 2 of 5")

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")

    expect(status).to_have_text("Picture 4 of 5")
    expect(viewer.locator("[data-viewer-caption]")).to_have_text(
        "Caption of picture 4. (Staff photographer / The Masthead)"
    )
    shown = viewer.locator("[data-viewer-image]").get_attribute("src")
    assert shown == page.locator("#picture-4 a").get_attribute("data-src")
    assert page.evaluate("location.hash") == "#picture-4"

    page.keyboard.press("Escape")

    expect(viewer).to_be_hidden()
    # The dialog's close event, which returns focus, follows in a task of its own.
    page.wait_for_function("location.hash === ''")
    assert page.evaluate("document.activeElement.closest('li').id") == "picture-2"


def test_a_deep_link_opens_the_viewer_on_its_picture(page, live_server):
    home = ensure_edition_home("en")
    section = SectionPageFactory(parent=home, title="In Pictures", slug="in-pictures")
    gallery = GalleryPageFactory(parent=section, slug="harbour", pictures=3)
    gallery.save_revision().publish(skip_permission_checks=True)

    page.goto(live_server.url + "/in-pictures/harbour/#picture-3")

    viewer = page.locator("dialog[data-gallery-viewer]")
    expect(viewer).to_be_visible()
    expect(viewer.locator("[data-viewer-status]")).to_have_text("Picture 3 of 3")
    expect(viewer.locator("[data-viewer-next]")).to_be_disabled()
    page.keyboard.press("Home")
    expect(viewer.locator("[data-viewer-status]")).to_have_text("Picture 1 of 3")


def test_in_arabic_the_left_arrow_goes_on(page, live_server):
    home = ensure_edition_home("en")
    section = SectionPageFactory(parent=home, title="In Pictures", slug="in-pictures")
    gallery = GalleryPageFactory(parent=section, slug="harbour", pictures=3)
    gallery.save_revision().publish(skip_permission_checks=True)
    ensure_edition_home("ar")
    arabic = gallery.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic.save_revision().publish(skip_permission_checks=True)

    page.goto(live_server.url + arabic.url + "#picture-1")
    # Checked by the address: the status line is in the edition's language.
    expect(page.locator("dialog[data-gallery-viewer]")).to_be_visible()

    page.keyboard.press("ArrowLeft")
    page.wait_for_function("location.hash === '#picture-2'")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.hash === '#picture-1'")
