import pytest
from bs4 import BeautifulSoup
from django.test import Client

from masthead.articles.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_not_found_page_offers_search_and_the_latest_stories(client, politics):
    ArticlePageFactory(parent=politics, title="Harbour reopens")

    response = client.get("/no/such/page/")

    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html5lib")
    assert soup.h1.get_text() == "Page not found"
    search = soup.select_one("main form")
    assert search["action"] == "/search/"
    assert search.select_one("input[name=q]")
    # One search landmark on the page, the header's, named for what it searches.
    landmarks = soup.select("form[role=search]")
    assert [form.get("aria-label") for form in landmarks] == ["Search the site"]
    assert "Harbour reopens" in soup.select_one("main").get_text()
    assert soup.select_one(".site-header") is not None  # in the site's design


def test_server_errors_show_the_sites_page_and_no_trace(home, settings):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    settings.ROOT_URLCONF = "masthead.front.tests.failing_urls"
    client = Client(raise_request_exception=False)

    response = client.get("/fail/")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    assert "Traceback" not in body
    assert "ZeroDivisionError" not in body
    assert 'class="site-header"' in body
