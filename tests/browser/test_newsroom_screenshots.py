"""The admin as the newsroom's editors meet it, clicked through and photographed
for docs/newsroom/.

Each test walks one part of the editors' documentation in a small newsroom
(English and Spanish editions, one account per role), checks that the admin shows
what the documentation says (the labels, the buttons, what happens on pressing
them) and saves a picture at 1366×900 in test-results/newsroom/. With
MASTHEAD_DOCS_SCREENSHOTS=1 the pictures also replace those in
docs/newsroom/screenshots/, which the documentation shows.
"""

import os
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from masthead.articles.models import ArticleAuthor, ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.tests.factories import AuthorFactory
from masthead.breaking.actions import publish_breaking_item
from masthead.demo.newsroom_users import DEMO_USERS
from masthead.front.setup import ensure_edition_home
from masthead.newsroom.embargo import set_embargo
from masthead.newsroom.models import Embargo
from masthead.newsroom.setup import ensure_newsroom
from masthead.sections.tests.factories import SectionPageFactory
from masthead.wires.models import WireUse
from masthead.wires.tests.factories import (
    WireItemFactory,
    WireSourceFactory,
    new_version,
)

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results" / "newsroom"
DOCS = ROOT / "docs" / "newsroom" / "screenshots"
VIEWPORT = {"width": 1366, "height": 900}


@pytest.fixture(autouse=True)
def quiet_admin(settings):
    # No avatar fetched from the internet (a broken picture in every shot), and
    # no background pings or autosaves racing the test's own database queries.
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 3_600_000


def save(page, name: str) -> Path:
    """Photograph what the browser window shows as `name`.png."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=path, full_page=False, animations="disabled")
    if os.environ.get("MASTHEAD_DOCS_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS / path.name)
    return path


def paragraphs(*texts: str) -> list:
    """Body paragraphs as the editor stores them (with their block keys), so that
    opening a story in the editor and acting on it saves no new revision."""
    return [
        ("paragraph", RichText(f'<p data-block-key="p{number}">{text}</p>'))
        for number, text in enumerate(texts)
    ]


BODY = paragraphs(
    "The talks opened in the capital on Monday morning.",
    "Officials said the meeting covered trade, energy and security.",
)


def story(parent, title, slug, author, *, live=True, owner=None, **fields):
    fields.setdefault("body", BODY)
    if live:
        return ArticlePageFactory(
            parent=parent, title=title, slug=slug, authors=[author], **fields
        )
    page = ArticlePageFactory.build(
        title=title, slug=slug, live=False, first_published_at=None, **fields
    )
    page.authors = [ArticleAuthor(author=author, sort_order=0)]
    page.owner = owner
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return page


class Newsroom:
    """English and Spanish editions, News › Politics in both, the roles and their
    review workflows, one account per role (as `make demo` makes them), and a
    few stories."""

    def __init__(self, users_model, url):
        self.url = url
        home = ensure_edition_home("en")
        Site.objects.update(site_name="The Masthead")
        news = SectionPageFactory(parent=home, title="News", slug="news")
        self.politics = SectionPageFactory(
            parent=news, title="Politics", slug="politics"
        )
        ensure_edition_home("es", "The Masthead en Español")
        self.spanish = Locale.objects.get(language_code="es")
        for section in (news, self.politics):
            copy = section.copy_for_translation(self.spanish)
            copy.save_revision().publish(skip_permission_checks=True)
        groups = ensure_newsroom()
        self.users = {}
        for username, full_name, group_name in DEMO_USERS:
            first, last = full_name.split(" ", 1)
            user = users_model.objects.create_user(
                username, f"{username}@masthead.example", first_name=first,
                last_name=last,
            )  # fmt: skip
            user.groups.add(groups[group_name])
            self.users[username] = user
        self.author = AuthorFactory(name="Lina Haddad", slug="lina-haddad")
        self.published = story(
            self.politics,
            "Ministers affirm strategic partnership in Tehran talks",
            "ministers-affirm-partnership",
            self.author,
        )
        self.draft = story(
            self.politics,
            "Ceasefire talks to resume in Cairo",
            "ceasefire-talks",
            self.author,
            live=False,
            owner=self.users["writer"],
            standfirst="Negotiators will meet in Cairo on Sunday for a new round "
            "of ceasefire talks, mediators said.",
            body=paragraphs(
                "Negotiators will meet in Cairo on Sunday, mediators said on Friday.",
                "The talks stalled last week over the sequence of prisoner releases.",
            ),
        )
        self.embargoed = story(
            self.politics,
            "Central bank raises its main rate to 4.5 per cent",
            "central-bank-rate",
            self.author,
            live=False,
            owner=self.users["editor"],
            standfirst="The central bank raised its main interest rate by a quarter "
            "point, its third rise this year.",
        )
        until = (timezone.now() + timedelta(days=1)).replace(
            hour=6, minute=0, second=0, microsecond=0
        )
        self.embargo = set_embargo(
            self.embargoed, until, self.users["editor"], "Agency embargo, 06:00 GMT"
        )

    def sign_in(self, browser, username):
        """A browser window signed in as the demo account `username`."""
        client = Client()
        client.force_login(self.users[username])
        context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": self.url,
                }
            ]
        )
        return context.new_page()

    def submit(self, page, username="writer"):
        page.get_workflow().start(page, self.users[username])


@pytest.fixture
def newsroom(django_user_model, live_server):
    return Newsroom(django_user_model, live_server.url)


def reload(page):
    return ArticlePage.objects.get(pk=page.pk)


def close(page):
    """Leave the admin before the test reads the database again: the editor tells
    the server when it is left, and SQLite's test database takes one writer."""
    page.goto("about:blank")
    page.wait_for_timeout(300)
    page.context.close()


def edit(page, newsroom, story_page):
    page.goto(f"{newsroom.url}/admin/pages/{story_page.pk}/edit/")


def action_menu(page):
    """Open the menu beside Save draft at the foot of the editor."""
    page.locator("footer").get_by_role("button", name="More actions").click()
    menu = page.locator("footer [data-w-dropdown-target=content]")
    expect(menu).to_be_visible()
    return menu


def header_menu(page):
    """Open the ⋯ menu beside the page title in the header."""
    nav = page.get_by_role("navigation", name="Actions", exact=True)
    nav.get_by_role("button", name="Actions").click()
    return nav


def panel(page, heading):
    """One of the dashboard's panels, by its heading."""
    return page.get_by_role("region", name=heading, exact=True)


def scroll_to(page, locator):
    locator.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(100)


def test_dashboard_as_an_english_editor(browser, newsroom):
    newsroom.submit(newsroom.draft)
    later = story(
        newsroom.politics,
        "Budget debate opens in parliament",
        "budget-debate",
        newsroom.author,
        live=False,
        owner=newsroom.users["editor"],
    )
    revision = later.get_latest_revision()
    revision.content["go_live_at"] = (timezone.now() + timedelta(hours=3)).isoformat()
    revision.save()
    revision.publish(skip_permission_checks=True)  # schedules it
    publish_breaking_item(
        locale=Locale.get_default(),
        text="Polls close in the capital's municipal election",
        attribution="Our correspondent",
        user=newsroom.users["editor"],
    )
    source = WireSourceFactory(name="Agency Press")
    WireItemFactory(source=source, headline="Floods cut off villages in the north")

    page = newsroom.sign_in(browser, "editor")
    page.goto(f"{newsroom.url}/admin/")
    ticker = panel(page, "Breaking news on the ticker")
    expect(ticker).to_contain_text("Polls close in the capital's municipal election")
    scheduled = panel(page, "Scheduled")
    expect(scheduled).to_contain_text("Budget debate opens in parliament")
    expect(scheduled).to_contain_text("Goes live")
    expect(scheduled.get_by_role("heading", name="Under embargo")).to_be_visible()
    expect(scheduled).to_contain_text("Agency embargo, 06:00 GMT")
    in_review = panel(page, "In review")
    expect(in_review).to_contain_text("Ceasefire talks to resume in Cairo")
    expect(in_review).to_contain_text("English desk")
    expect(in_review).to_contain_text("Omar Khalil")
    wires = panel(page, "Wires")
    expect(wires).to_contain_text("Floods cut off villages in the north")
    for heading in ("Translations to update", "Most read now", "Awaiting your review"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    # The form at the top is pictured in breaking.md; start at the desk's lists.
    scroll_to(page, panel(page, "Breaking news on the ticker"))
    save(page, "dashboard")
    close(page)


def test_a_writer_submits_a_draft_for_desk_review(browser, newsroom):
    page = newsroom.sign_in(browser, "writer")
    edit(page, newsroom, newsroom.draft)
    menu = action_menu(page)
    submit = menu.get_by_role("button", name="Submit to English desk review")
    expect(submit).to_be_visible()
    expect(menu.get_by_role("button", name="Publish")).to_have_count(0)
    page.wait_for_timeout(300)
    save(page, "submit-for-review")

    submit.click()
    expect(page.get_by_text("has been submitted for moderation")).to_be_visible()
    # Now the desk has it: the writer reads, but may only withdraw it.
    edit(page, newsroom, newsroom.draft)
    expect(
        page.get_by_text(
            "This page is awaiting 'English desk' in the 'English desk review' "
            "workflow. Only reviewers for this task can edit the page."
        )
    ).to_be_visible()
    footer = page.locator("footer")
    expect(footer.get_by_role("button", name="Cancel workflow")).to_be_visible()
    expect(footer.get_by_role("button", name="Save draft")).to_have_count(0)
    expect(page.get_by_role("button", name="Toggle comments")).to_be_visible()
    close(page)
    assert reload(newsroom.draft).current_workflow_task.name == "English desk"

    # Administrators too stay out of a story while a step has it.
    page = newsroom.sign_in(browser, "chief")
    edit(page, newsroom, newsroom.draft)
    expect(page.get_by_text("Only reviewers for this task can edit")).to_be_visible()
    close(page)


def test_the_desk_sends_a_story_on_to_legal_review(browser, newsroom):
    newsroom.submit(newsroom.draft)
    page = newsroom.sign_in(browser, "editor")
    edit(page, newsroom, newsroom.draft)
    menu = action_menu(page)
    for label in (
        "Publish",
        "Cancel workflow",
        "Request changes",
        "Approve",
        "Approve with comment",
        "Approve and send to legal review",
    ):
        expect(menu.get_by_role("button", name=label, exact=True)).to_be_visible()
    page.wait_for_timeout(300)
    save(page, "review-actions")

    menu.get_by_role("button", name="Approve and send to legal review").click()
    dialog = page.locator(".modal-content")
    expect(dialog.get_by_role("heading")).to_have_text(
        "Approve and send to legal review"
    )
    dialog.get_by_label("Comment").fill("Names a man on trial: legal, please.")
    dialog.get_by_role("button", name="Approve and send to legal review").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    close(page)
    assert reload(newsroom.draft).current_workflow_task.name == "Legal review"

    # Legal finds it under "Awaiting your review" and approves: it is published.
    page = newsroom.sign_in(browser, "legal")
    page.goto(f"{newsroom.url}/admin/")
    waiting = panel(page, "Awaiting your review")
    waiting.get_by_role("link", name="Ceasefire talks to resume in Cairo").first.click()
    page.wait_for_url(re.compile(r"/edit/"))
    menu = action_menu(page)
    expect(menu.get_by_role("button", name="Request changes")).to_be_visible()
    # Legal is the last step: its approval publishes, and says so.
    menu.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    close(page)
    assert reload(newsroom.draft).live


def test_the_desk_asks_for_changes(browser, newsroom):
    newsroom.submit(newsroom.draft)
    page = newsroom.sign_in(browser, "editor")
    edit(page, newsroom, newsroom.draft)
    action_menu(page).get_by_role("button", name="Request changes").click()
    dialog = page.locator(".modal-content")
    dialog.get_by_label("Comment").fill("Name the second source.")
    dialog.get_by_role("button", name="Request changes").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    close(page)

    page = newsroom.sign_in(browser, "writer")
    edit(page, newsroom, newsroom.draft)
    page.get_by_role("button", name="Toggle status").click()
    status = page.get_by_role("complementary", name="Status")
    expect(status.get_by_text("Changes requested")).to_be_visible()
    status.get_by_role("button", name="View details").click()
    expect(page.get_by_text("Name the second source.").first).to_be_visible()
    page.keyboard.press("Escape")
    menu = action_menu(page)
    expect(menu.get_by_role("button", name="Resubmit to English desk")).to_be_visible()
    close(page)


def test_the_desk_corrects_and_approves_in_one_step(browser, newsroom):
    newsroom.submit(newsroom.draft)
    page = newsroom.sign_in(browser, "editor")
    edit(page, newsroom, newsroom.draft)
    page.locator("#id_title").fill("Ceasefire talks to resume in Cairo on Sunday")
    action_menu(page).get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    close(page)

    story = reload(newsroom.draft)
    assert story.live
    assert story.title == "Ceasefire talks to resume in Cairo on Sunday"


def test_an_embargo_holds_the_publish_button(browser, newsroom):
    embargo = newsroom.embargo
    page = newsroom.sign_in(browser, "editor")
    edit(page, newsroom, newsroom.embargoed)
    expect(page.get_by_text("Agency embargo, 06:00 GMT")).to_be_visible()
    header_menu(page).get_by_role("link", name="Embargo").click()
    page.wait_for_url(re.compile(r"/admin/newsroom/embargo/"))
    main = page.locator("main")
    expect(main.get_by_role("heading", name="In force")).to_be_visible()
    expect(main).to_contain_text("Nobody can publish this story before")
    expect(main.get_by_label("Why is the embargo lifted?")).to_be_visible()
    expect(main.get_by_role("button", name="Lift the embargo")).to_be_visible()
    expect(main.get_by_role("heading", name="Change the time")).to_be_visible()
    expect(main.get_by_role("heading", name="History")).to_be_visible()
    save(page, "embargo")

    main.get_by_role("link", name="Back to the story").click()
    action_menu(page).get_by_role("button", name="Publish").click()
    refusal = page.get_by_text(
        re.compile(r"This story is embargoed until .* It cannot be published before")
    )
    expect(refusal).to_be_visible()
    save(page, "embargo-refused")

    # A go-live time at the embargo's end is accepted: the story is scheduled.
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog", name="Set publishing schedule")
    local = timezone.localtime(embargo.until)
    dialog.get_by_label("Go live date/time").fill(local.strftime("%Y-%m-%d %H:%M"))
    # The date picker covers the button: press it from the keyboard.
    dialog.get_by_role("button", name="Save schedule").press("Enter")
    page.wait_for_load_state()
    action_menu(page).get_by_role("button", name="Schedule to publish").click()
    expect(page.get_by_text("has been scheduled for publishing")).to_be_visible()
    # Until it goes live, the scheduled story is locked; the desk may cancel.
    edit(page, newsroom, newsroom.embargoed)
    expect(
        page.get_by_text(re.compile("is locked and has been scheduled to go live at"))
    ).to_be_visible()
    expect(page.get_by_role("button", name="Cancel scheduled publish")).to_be_visible()
    close(page)
    scheduled = reload(newsroom.embargoed)
    assert not scheduled.live
    assert scheduled.scheduled_revision.approved_go_live_at == embargo.until

    # Lifting asks for a reason of ten characters or more, kept in the history.
    page = newsroom.sign_in(browser, "editor")
    page.goto(f"{newsroom.url}/admin/newsroom/embargo/{newsroom.embargoed.pk}/")
    page.get_by_label("Why is the embargo lifted?").fill("early")
    page.get_by_role("button", name="Lift the embargo").click()
    expect(page.get_by_text("at least 10 characters")).to_be_visible()
    page.get_by_label("Why is the embargo lifted?").fill(
        "The bank published its decision early."
    )
    page.get_by_role("button", name="Lift the embargo").click()
    expect(page.get_by_text("The embargo is lifted.")).to_be_visible()
    close(page)
    assert not Embargo.objects.in_force().exists()


def test_a_translator_makes_a_draft_in_their_edition(browser, newsroom):
    original = newsroom.published
    page = newsroom.sign_in(browser, "traductora")
    # The original's edition is out of the translator's reach in the admin.
    edit(page, newsroom, original)
    expect(page.get_by_text("Sorry, you do not have permission")).to_be_visible()

    page.goto(f"{newsroom.url}/admin/newsroom/translate/{original.pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("A draft copy of")
    into = main.get_by_label("Into")
    expect(into.locator("option")).to_have_text(["Español"])
    save(page, "translate-into-edition")

    main.get_by_role("button", name="Make the draft translation").click()
    expect(page.get_by_text("A draft translation is ready")).to_be_visible()
    menu = action_menu(page)
    expect(
        menu.get_by_role("button", name="Submit to Spanish desk review")
    ).to_be_visible()
    expect(menu.get_by_role("button", name="Publish")).to_have_count(0)
    close(page)
    translation = ArticlePage.objects.get(
        locale=newsroom.spanish, translation_key=original.translation_key
    )
    assert not translation.live


def test_the_desk_starts_a_translation_with_translate(browser, newsroom):
    original = newsroom.published
    page = newsroom.sign_in(browser, "editor")
    edit(page, newsroom, original)
    header_menu(page).get_by_role("link", name="Translate").click()
    page.get_by_label("Español").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("was successfully created in Español")).to_be_visible()
    # Wagtail then opens the copy, which an English editor may not edit.
    expect(page.get_by_text("Sorry, you do not have permission")).to_be_visible()
    close(page)
    translation = ArticlePage.objects.get(
        locale=newsroom.spanish, translation_key=original.translation_key
    )

    page = newsroom.sign_in(browser, "traductora")
    page.goto(f"{newsroom.url}/admin/pages/{translation.get_parent().pk}/")
    page.get_by_role("link", name=original.title).first.click()
    page.wait_for_url(re.compile(rf"/admin/pages/{translation.pk}/edit/"))
    expect(page.locator("#id_title")).to_have_value(original.title)
    close(page)


def test_breaking_news_quick_publish_form(browser, newsroom):
    page = newsroom.sign_in(browser, "editor")
    page.goto(f"{newsroom.url}/admin/pages/")
    page.get_by_role("button", name="Breaking news").click()
    page.get_by_role("list", name="Breaking news").get_by_role(
        "link", name="Publish breaking news"
    ).click()
    page.wait_for_url(re.compile(r"/breakingitem/publish/"))
    main = page.locator("main")
    for label in ("Text", "Attribution", "Edition", "Also post to the live blog"):
        expect(main.get_by_label(label)).to_be_visible()
    expect(main.get_by_role("button", name="Choose a page (Article)")).to_be_visible()
    # Only the editions the editor publishes in.
    expect(main.locator("select[name=locale] option")).to_have_text(
        ["---------", "English"]
    )
    main.get_by_label("Text").fill("Polls close in the capital's municipal election")
    main.get_by_label("Attribution").fill("Our correspondent")
    save(page, "breaking-publish")
    main.get_by_role("button", name="Publish now").click()
    expect(page.get_by_text("Published to the English ticker")).to_be_visible()
    close(page)

    page = newsroom.sign_in(browser, "editora")
    page.goto(f"{newsroom.url}/admin/snippets/breaking/breakingitem/publish/")
    expect(page.locator("main select[name=locale] option")).to_have_text(
        ["---------", "Español"]
    )
    close(page)


def test_a_writer_makes_a_draft_from_a_wire(browser, newsroom):
    source = WireSourceFactory(name="Agency Press")
    item = WireItemFactory(
        source=source, headline="Floods cut off villages north of the capital"
    )
    budget = WireItemFactory(
        source=source,
        headline="Parliament passes the budget after an all-night sitting",
    )
    new_version(budget, headline="Parliament passes the budget by 71 votes to 52")
    page = newsroom.sign_in(browser, "writer")
    page.goto(f"{newsroom.url}/admin/")
    page.get_by_role("button", name="Wires").click()
    page.get_by_role("list", name="Wires").get_by_role(
        "link", name="Incoming wires"
    ).click()
    page.wait_for_url(re.compile(r"/admin/wires/incoming/"))
    listing = page.locator("main table")
    for column in ("Headline", "Similar", "Source", "Language", "Received", "Status"):
        expect(listing.get_by_role("columnheader", name=column)).to_be_visible()
    expect(listing).to_contain_text("Floods cut off villages north of the capital")
    save(page, "wires-incoming")

    listing.get_by_role("link", name=item.headline).click()
    use = page.locator("section", has=page.get_by_role("heading", name="Use"))
    expect(use.get_by_label("Section")).to_contain_text("News › Politics")
    expect(use.get_by_label("Author")).to_contain_text("The edition's desk")
    use.get_by_label("Section").select_option(label="News › Politics")
    scroll_to(page, page.get_by_role("heading", name="Text"))
    save(page, "wires-use")
    use.get_by_role("button", name="Make a draft").click()
    expect(page.get_by_text("Draft made from the wire (version 1)")).to_be_visible()
    close(page)
    draft = WireUse.objects.get(item=item).page.specific
    assert not draft.live
    assert draft.get_parent().pk == newsroom.politics.pk
