"""The video sitemap lists each edition's playable videos for search engines."""

import pytest
from lxml import etree

from masthead.common.absolute import absolute_url
from masthead.video.tests.factories import YOUTUBE_ID, VideoPageFactory, publish

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "video": "http://www.google.com/schemas/sitemap-video/1.1",
}


def xml_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(b"".join(response.streaming_content))


def test_an_edition_without_videos_has_no_video_file(client, home):
    index = xml_of(client, "/sitemap.xml")

    assert not [loc for loc in index.xpath("//s:loc/text()", namespaces=NS)
                if loc.endswith("videos.xml")]  # fmt: skip
    assert client.get("/sitemaps/en/videos.xml").status_code == 404


def test_each_video_has_its_thumbnail_title_player_and_duration(
    client, politics, image
):
    video = publish(
        VideoPageFactory(
            parent=politics, title="Floods close the coastal road",
            lead_image=image, lead_image_alt="A flooded road", duration=95,
        )
    )  # fmt: skip

    index = xml_of(client, "/sitemap.xml")
    files = index.xpath("//s:loc/text()", namespaces=NS)
    assert absolute_url("/sitemaps/en/videos.xml") in files

    urlset = xml_of(client, "/sitemaps/en/videos.xml")
    (url,) = urlset.xpath("//s:url", namespaces=NS)
    assert url.findtext("s:loc", namespaces=NS) == absolute_url(video.url)
    entry = url.find("video:video", namespaces=NS)
    assert entry.findtext("video:title", namespaces=NS) == video.title
    assert entry.findtext("video:description", namespaces=NS) == video.summary
    assert entry.findtext("video:thumbnail_loc", namespaces=NS).startswith(
        absolute_url("/media/images/")
    )
    assert entry.findtext("video:player_loc", namespaces=NS) == (
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
    )
    assert entry.findtext("video:duration", namespaces=NS) == "95"
    assert entry.findtext("video:publication_date", namespaces=NS)


def test_an_unknown_edition_is_a_404(client, home):
    assert client.get("/sitemaps/xx/videos.xml").status_code == 404
