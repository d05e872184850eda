import pytest

from .editions import arabic_section, make_arabic_edition


@pytest.fixture
def arabic_home(home):
    return make_arabic_edition(home)


@pytest.fixture
def arabic_news(arabic_home):
    return arabic_section(arabic_home)
