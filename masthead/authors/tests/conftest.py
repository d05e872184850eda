import pytest

from masthead.authors.models import AuthorIndexPage


@pytest.fixture
def directory(home):
    return home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
