"""Errors in what the reader's browser sent (400, 403) show the site's own page."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from masthead.front import views

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html5lib")


def test_a_form_sent_without_its_token_gets_the_sites_page(home):
    client = Client(enforce_csrf_checks=True)

    response = client.post(home.url, {"q": "anything"})

    assert response.status_code == 403
    soup = soup_of(response)
    assert soup.h1.get_text() == "This form has expired"
    assert soup.select_one(".site-header") is not None
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert b"CSRF" not in response.content


def test_an_unknown_host_gets_the_sites_bad_request_page(client, home):
    response = client.get("/", HTTP_HOST="elsewhere.example")

    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.h1.get_text() == "Bad request"
    assert soup.select_one(".site-header .site-header__name") is not None
    assert b"ALLOWED_HOSTS" not in response.content


def test_a_permission_error_gets_the_sites_page(rf, home):
    response = views.permission_denied(rf.get("/"))

    assert response.status_code == 403
    assert soup_of(response).select_one(".site-header") is not None


def test_the_error_page_falls_back_to_a_plain_one(rf, home, monkeypatch):
    def broken(request, template, *args, **kwargs):
        if template == "error.html":
            raise RuntimeError("the page chrome failed")
        return original(request, template, *args, **kwargs)

    original = views.render
    monkeypatch.setattr(views, "render", broken)

    response = views.bad_request(rf.get("/"))

    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.h1.get_text() == "Bad request"
    assert soup.select_one(".site-header") is not None
    assert b"the page chrome failed" not in response.content
