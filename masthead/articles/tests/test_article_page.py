from datetime import UTC

import pytest
from bs4 import BeautifulSoup

from masthead.articles.tests.factories import ArticlePageFactory, paragraphs
from masthead.authors.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def test_article_page_shows_the_story(client, article):
    soup = soup_of(client.get(article.url))

    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [article.title]
    assert "Lina Haddad" in soup.select_one(".article__byline").get_text()
    assert "Source: Agencies" in soup.select_one(".article__meta").get_text()
    published = soup.select_one(".article__meta time")
    # To the second: HTML allows no more than three digits of a second's fraction.
    assert published["datetime"] == article.first_published_at.isoformat(
        timespec="seconds"
    )
    assert soup.select_one(".article__standfirst").get_text() == article.standfirst
    figure = soup.select_one("figure.article__lead")
    assert figure.img["alt"] == "Two ministers shake hands in front of flags"
    assert "(Staff photographer / The Masthead)" in figure.figcaption.get_text()
    body = soup.select_one(".article__body").get_text()
    assert "The talks opened in the capital" in body
    assert [li.get_text(strip=True) for li in soup.select(".tag-list li")] == [
        "Iran",
        "Russia",
    ]


def test_bylines_keep_the_editors_order(client, politics):
    first, second = AuthorFactory(name="Zed Last"), AuthorFactory(name="Amy First")
    page = ArticlePageFactory(parent=politics, authors=[first, second])

    soup = soup_of(client.get(page.url))

    names = [tag.get_text() for tag in soup.select(".article__author")]
    assert names == ["Zed Last", "Amy First"]


def test_reading_time_grows_with_the_text(politics):
    short = ArticlePageFactory(parent=politics, body=paragraphs("word " * 100))
    long = ArticlePageFactory(parent=politics, body=paragraphs(*["word " * 230] * 5))

    assert short.reading_minutes == 1
    assert long.reading_minutes == 6  # 1,150 words of body plus the standfirst


def test_article_without_image_source_or_tags(client, politics):
    page = ArticlePageFactory(parent=politics, source="", lead_image=None)

    soup = soup_of(client.get(page.url))

    assert soup.select_one("figure.article__lead") is None
    assert "Source:" not in soup.get_text()
    assert soup.select_one(".tag-list") is None


def test_updated_time_only_after_a_significant_update(client, article):
    assert "Updated" not in soup_of(client.get(article.url)).get_text()

    article.significant_update_at = article.first_published_at
    article.save_revision().publish(skip_permission_checks=True)

    assert "Updated" in soup_of(client.get(article.url)).get_text()


def test_bylines_link_to_author_pages_and_tags_to_tag_pages(client, home, article):
    from masthead.authors.models import AuthorIndexPage

    home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))

    soup = soup_of(client.get(article.url))

    byline = soup.select_one("a.article__author")
    assert byline["href"] == "/authors/lina-haddad/"
    assert client.get(byline["href"]).status_code == 200
    tag_links = [a["href"] for a in soup.select(".tag-list a")]
    assert tag_links == ["/tags/iran/", "/tags/russia/"]
    assert all(client.get(href).status_code == 200 for href in tag_links)


def test_byline_is_plain_text_without_an_authors_directory(client, article):
    soup = soup_of(client.get(article.url))

    assert soup.select_one("a.article__author") is None
    assert soup.select_one("span.article__author").get_text() == "Lina Haddad"


def test_corrections_show_under_the_body_in_date_order(client, article):
    from datetime import datetime

    from masthead.articles.models import ArticleCorrection

    article.corrections = [
        ArticleCorrection(
            noted_at=datetime(2026, 11, 3, tzinfo=UTC), text="Second fix."
        ),
        ArticleCorrection(
            noted_at=datetime(2026, 11, 2, tzinfo=UTC), text="First fix."
        ),
    ]
    article.save_revision().publish(skip_permission_checks=True)

    soup = soup_of(client.get(article.url))

    items = [li.get_text(" ", strip=True) for li in soup.select(".corrections li")]
    assert items == ["2 Nov 2026 : First fix.", "3 Nov 2026 : Second fix."]
    assert soup.select_one(".corrections time")["datetime"].startswith("2026-11-02")


@pytest.mark.parametrize(
    ("kind", "label"), [("opinion", "Opinion"), ("analysis", "Analysis")]
)
def test_opinion_and_analysis_are_labelled(client, politics, kind, label):
    page = ArticlePageFactory(parent=politics, kind=kind)

    soup = soup_of(client.get(page.url))

    assert soup.select_one(".article__label").get_text() == label


def test_opinion_pieces_carry_the_authors_short_bio(client, politics):
    columnist = AuthorFactory(name="Omar Said", bio="Omar Said writes on energy.")
    opinion = ArticlePageFactory(parent=politics, kind="opinion", authors=[columnist])
    news = ArticlePageFactory(parent=politics, kind="news", authors=[columnist])

    assert "Omar Said writes on energy." in soup_of(client.get(opinion.url)).get_text()
    assert "Omar Said writes on energy." not in soup_of(client.get(news.url)).get_text()
    assert soup_of(client.get(news.url)).select_one(".article__label") is None


def test_breadcrumbs_lead_from_home_through_the_sections(client, article):
    soup = soup_of(client.get(article.url))

    crumbs = soup.select(".breadcrumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == [
        "Home",
        "News",
        "Politics",
        article.title,
    ]
    assert [a["href"] for a in soup.select(".breadcrumbs a")] == [
        "/",
        "/news/",
        "/news/politics/",
    ]
    assert crumbs[-1].span["aria-current"] == "page"


def test_share_links_need_no_third_party_script(client, article, settings):
    settings.MASTHEAD_BASE_URL = "https://news.example"
    soup = soup_of(client.get(article.url))

    links = {a.contents[0].strip(): a["href"] for a in soup.select(".share__link")}
    encoded = (
        "https%3A%2F%2Fnews.example%2Fnews%2Fpolitics%2Fministers-affirm-partnership%2F"
    )
    assert links["X"].startswith("https://x.com/intent/post?url=" + encoded)
    assert (
        links["Facebook"] == "https://www.facebook.com/sharer/sharer.php?u=" + encoded
    )
    assert links["WhatsApp"].startswith("https://wa.me/?text=")
    assert links["Telegram"].startswith("https://t.me/share/url?url=" + encoded)
    assert links["Email"].startswith("mailto:?subject=")
    # Without JavaScript the link is a selectable field; the copy button waits for JS.
    field = soup.select_one(".share__copy-url")
    assert field["value"] == "https://news.example" + article.url
    assert field.has_attr("readonly")
    assert soup.select_one(".share__copy-button").has_attr("hidden")
    scripts = [
        s.get("src", "")
        for s in soup.find_all("script")
        if s.get("type") != "application/ld+json"
    ]
    assert all(src.startswith("/static/") for src in scripts)
