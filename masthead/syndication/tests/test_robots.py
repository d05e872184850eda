"""robots.txt names the sitemaps and keeps crawlers out of what is not content."""

import pytest

pytestmark = pytest.mark.django_db


def robots(client) -> list[str]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode().splitlines()


def test_admin_search_and_beacons_are_disallowed_in_every_edition(client, home):
    lines = robots(client)

    assert lines[0] == "User-agent: *"
    disallowed = [
        line.removeprefix("Disallow: ") for line in lines if "Disallow" in line
    ]
    assert disallowed == [
        "/admin/",
        "/search/",
        "/discovery/",
        "/ar/search/",
        "/ar/discovery/",
        "/es/search/",
        "/es/discovery/",
    ]


def test_the_sitemaps_are_named_with_absolute_addresses(client, article, arabic_home):
    sitemaps = [line for line in robots(client) if line.startswith("Sitemap: ")]

    assert sitemaps == [
        "Sitemap: http://127.0.0.1:8000/sitemap.xml",
        "Sitemap: http://127.0.0.1:8000/sitemaps/en/news.xml",
        "Sitemap: http://127.0.0.1:8000/sitemaps/ar/news.xml",
    ]


def test_content_is_not_disallowed(client, article):
    disallowed = [line for line in robots(client) if line.startswith("Disallow")]

    assert "Disallow: /" not in disallowed
    assert not any(article.url.startswith(line.split()[-1]) for line in disallowed)
