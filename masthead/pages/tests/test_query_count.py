"""A standard page and the contact form cost a fixed number of queries, however
long the edition's footer grows and however many messages readers have sent."""

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.common.tests.queries import render_counting_queries
from masthead.pages.models import ContactMessage, ContactPage, StandardPage

pytestmark = pytest.mark.django_db

# The edition's date formats; Wagtail's routing (site, active locale, the edition
# home, the page and its own fields, the view restrictions on it and its
# ancestors: 7); the chrome (edition home, menu and footer, regions: 3); the
# edition switcher (edition homes, the page's translations: 2); the site root
# paths behind every URL (2); the ticker; the breadcrumbs.
STANDARD_PAGE_QUERIES = 17
# Links to pages in its body, however many: the linked pages, their own fields (one
# query per page type), and the active locale their translations are chosen in.
BODY_LINKS_QUERIES = 3

# The same as a standard page: the form reads nothing from the database until a
# message is posted.
CONTACT_PAGE_QUERIES = 17

BODY = "<p>An independent newsroom.</p><p>Founded by its reporters.</p>"


def add_footer_pages(home, count):
    """Standard pages shown in menus: the footer links to each of them."""
    start = home.get_children().count()
    return [
        home.add_child(
            instance=StandardPage(
                title=f"Footer page {n}", slug=f"footer-{n}", show_in_menus=True
            )
        )
        for n in range(start, start + count)
    ]


def footer_links(soup):
    return {a.get_text() for a in soup.select(".site-footer__links a")}


def page_links(pages):
    return "".join(
        f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>' for page in pages
    )


@pytest.fixture
def about(home):
    return home.add_child(
        instance=StandardPage(
            title="About Us", slug="about", intro="Who we are.", body=BODY
        )
    )


@pytest.fixture
def contact(home):
    return home.add_child(
        instance=ContactPage(
            title="Contact Us",
            slug="contact-us",
            intro="Write to the newsroom.",
            body=BODY,
            to_address="desk@news.example",
        )
    )


def test_standard_page_queries_do_not_grow_with_the_footer(client, home, about):
    first = add_footer_pages(home, 2)
    soup, few = render_counting_queries(client, about.url)
    assert soup.h1.get_text() == "About Us"
    assert "Founded by its reporters." in soup.select_one("main").get_text()
    assert footer_links(soup) == {page.title for page in first}

    footer = first + add_footer_pages(home, 10)
    soup, many = render_counting_queries(client, about.url)
    assert footer_links(soup) == {page.title for page in footer}

    assert few == many == STANDARD_PAGE_QUERIES


def test_standard_page_queries_do_not_grow_with_links_in_its_body(
    client, politics, about
):
    stories = ArticlePageFactory.create_batch(12, parent=politics, lead_image=None)
    about.body = page_links(stories[:2])
    about.save_revision().publish()
    soup, few = render_counting_queries(client, about.url)
    assert len(soup.select("main .prose a")) == 2

    about.body = page_links(stories)
    about.save_revision().publish()
    soup, many = render_counting_queries(client, about.url)
    hrefs = {a["href"] for a in soup.select("main .prose a")}
    assert hrefs == {story.url for story in stories}

    assert few == many == STANDARD_PAGE_QUERIES + BODY_LINKS_QUERIES


def test_contact_form_queries_do_not_grow_with_the_messages_received(
    client, home, contact
):
    def receive(count):
        ContactMessage.objects.bulk_create(
            ContactMessage(
                page=contact,
                name="Rania Khoury",
                email="rania@example.org",
                subject=f"A date in your story ({n})",
                message="The vote took place on Tuesday, not Monday.",
            )
            for n in range(count)
        )

    receive(2)
    first = add_footer_pages(home, 2)
    soup, few = render_counting_queries(client, contact.url)
    assert soup.h1.get_text() == "Contact Us"
    assert "Founded by its reporters." in soup.select_one("main").get_text()
    assert soup.select_one("form.contact-form")["action"] == contact.url
    assert {"id_name", "id_email", "id_subject", "id_message"} <= {
        field["id"] for field in soup.select("form.contact-form [id]")
    }
    assert footer_links(soup) == {page.title for page in first}

    receive(10)
    footer = first + add_footer_pages(home, 10)
    soup, many = render_counting_queries(client, contact.url)
    assert footer_links(soup) == {page.title for page in footer}

    assert few == many == CONTACT_PAGE_QUERIES
