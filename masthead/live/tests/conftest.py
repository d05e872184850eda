import pytest

from masthead.live.tests.factories import live_blog


@pytest.fixture
def blog(news):
    return live_blog(news)
