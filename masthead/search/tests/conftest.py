import pytest

from masthead.syndication.tests.editions import arabic_section, make_arabic_edition


@pytest.fixture
def arabic_home(home):
    return make_arabic_edition(home)


@pytest.fixture
def arabic_news(arabic_home):
    return arabic_section(arabic_home)


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    # Tests search far faster than readers; test_rate_limit.py sets its own budget.
    settings.SEARCH_RATE_LIMIT = (10_000, 60)
