from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Site

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.models import HomePage
from masthead.pages.models import StandardPage
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def test_a_fresh_database_has_the_english_home_at_the_root():
    home = HomePage.objects.get(locale__language_code="en")

    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.site_name


def test_home_shows_the_latest_stories_newest_first(client, home, politics):
    now = timezone.now()
    for hours, title in [
        (5, "Five hours ago"),
        (1, "One hour ago"),
        (3, "Three hours ago"),
    ]:
        ArticlePageFactory(
            parent=politics,
            title=title,
            first_published_at=now - timedelta(hours=hours),
        )

    soup = soup_of(client.get("/"))

    shown = [h.get_text(strip=True) for h in soup.select(".card__headline")]
    assert shown == ["One hour ago", "Three hours ago", "Five hours ago"]
    assert soup.select_one(".card--lead .card__headline").get_text(strip=True) == (
        "One hour ago"
    )


def test_cards_name_their_section(client, politics):
    ArticlePageFactory(parent=politics)

    soup = soup_of(client.get("/"))

    assert soup.select_one(".card__section a").get_text() == "Politics"


def test_masthead_shows_the_editions_name_and_slogan(client, home):
    home.site_name, home.slogan = "The Daily Test", "All the news that fits"
    home.save_revision().publish(skip_permission_checks=True)

    soup = soup_of(client.get("/"))

    assert soup.select_one(".site-header__name").get_text() == "The Daily Test"
    assert (
        soup.select_one(".site-header__slogan").get_text() == "All the news that fits"
    )
    assert soup.title.get_text().startswith("The Daily Test")


def test_menu_has_sections_and_subsections_in_tree_order(client, home, news, politics):
    SectionPageFactory(parent=news, title="Economy", slug="economy")
    SectionPageFactory(parent=home, title="Videos", slug="videos")
    SectionPageFactory(parent=home, title="Hidden", slug="hidden", show_in_menus=False)
    unpublished = SectionPageFactory(parent=home, title="Unpublished", slug="unpub")
    unpublished.unpublish()

    soup = soup_of(client.get("/"))
    menu = soup.select_one(".menu--desktop")

    top = [a.get_text() for a in menu.select(".menu__link")]
    assert top == ["News", "Videos"]
    assert [a.get_text() for a in menu.select(".menu__sublink")] == [
        "Politics",
        "Economy",
    ]


def test_footer_links_the_sites_own_pages(client, home):
    about = home.add_child(
        instance=StandardPage(title="About Us", slug="about-us", show_in_menus=True)
    )

    soup = soup_of(client.get("/"))

    footer_links = {a.get_text(): a["href"] for a in soup.select(".site-footer a")}
    assert footer_links == {"About Us": about.url}


def test_every_page_has_a_skip_link_to_the_main_content(client, home):
    soup = soup_of(client.get("/"))

    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#main"
    assert soup.select_one("main#main") is not None
