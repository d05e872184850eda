"""The page-type inventory: every public page type answers in every edition."""

import pytest
from bs4 import BeautifulSoup

from .newsroom import EDITIONS, PAGE_TYPES


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_type_answers_in_its_edition(client, newsroom, edition):
    assert tuple(newsroom) == EDITIONS
    assert tuple(newsroom[edition]) == PAGE_TYPES
    for page_type, path in newsroom[edition].items():
        response = client.get(path)
        expected = 404 if page_type == "not-found" else 200
        assert response.status_code == expected, (page_type, path)
        soup = BeautifulSoup(response.content, "html5lib")
        assert soup.html["lang"] == edition, path
        assert soup.select_one(".site-header") is not None, path
        assert soup.h1 is not None, path
        # Search engines show it under the link (on pages they may index).
        robots = soup.find("meta", attrs={"name": "robots"})
        if robots is None or "noindex" not in robots["content"]:
            description = soup.find("meta", attrs={"name": "description"})
            assert description is not None, path
            assert description["content"].strip(), path
