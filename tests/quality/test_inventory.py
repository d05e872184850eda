"""The page-type inventory: every public page type answers in every edition."""

import pytest
from bs4 import BeautifulSoup

from .newsroom import ARTICLE_KINDS, EDITIONS, PAGE_TYPES


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


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_story_page_carries_its_audio(client, newsroom, edition):
    """So the Listen player is in every gate the story pages pass, in every
    edition (its audio was made, in the edition's language, as the newsroom was
    built)."""
    for page_type in (f"article-{kind}" for kind in ARTICLE_KINDS):
        soup = BeautifulSoup(
            client.get(newsroom[edition][page_type]).content, "html5lib"
        )
        player = soup.select_one("section.listen")
        assert player is not None, (edition, page_type)
        sources = [source["src"] for source in player.select("audio source")]
        assert len(sources) == 2 and all(
            src.startswith(f"/audio/{edition}/") for src in sources
        ), sources
        assert client.get(sources[1]).status_code == 200
