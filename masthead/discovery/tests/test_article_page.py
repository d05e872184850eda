"""The article page loads the view beacon, except where no reader is reading."""

import pytest

from .conftest import make_story

pytestmark = pytest.mark.django_db


def test_the_page_loads_the_beacon_after_it_renders(client, article):
    html = client.get(article.url).content.decode()

    assert (
        f'<script src="/static/discovery/beacon.js" data-view-beacon '
        f'data-article="{article.pk}" data-endpoint="/discovery/views/" defer>'
    ) in html


def test_each_edition_sends_to_its_own_address(client, arabic_politics):
    story = make_story(arabic_politics)

    html = client.get(story.url).content.decode()

    assert 'data-endpoint="/ar/discovery/views/"' in html


def test_an_editors_preview_sends_no_beacon(article):
    response = article.make_preview_request()

    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert "beacon.js" not in response.content.decode()
