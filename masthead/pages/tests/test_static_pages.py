import pytest
from bs4 import BeautifulSoup

from masthead.pages.models import ContactPage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [StandardPage, ContactPage])
def test_static_pages_render_their_text(client, home, model):
    page = home.add_child(
        instance=model(
            title="About Us",
            slug="about",
            intro="Who we are.",
            body="<p>An independent newsroom.</p>",
        )
    )

    response = client.get(page.url)

    soup = BeautifulSoup(response.content, "html5lib")
    assert response.status_code == 200
    assert soup.h1.get_text() == "About Us"
    assert "An independent newsroom." in soup.select_one("main").get_text()
