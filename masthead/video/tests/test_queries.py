"""A video, an episode and a series cost a fixed number of queries, however many
captions, neighbours or episodes they have."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from masthead.common.tests.queries import render_counting_queries
from masthead.media.tests.factories import ImageFactory
from masthead.video.models import VideoCaption
from masthead.video.tests.factories import SeriesPageFactory, VideoPageFactory, publish

pytestmark = pytest.mark.django_db

# Wagtail's routing (formats, site, locale, one query per level of the tree, view
# restrictions) and the chrome (edition home, menu, regions, switcher and hreflang
# links, ticker), as on every page; then the breadcrumbs, the captions, and the
# poster with all its renditions (2).
VIDEO_QUERIES = 22
# A video's, one level deeper, plus the series and the previous and next episodes.
EPISODE_QUERIES = 27
# Routing and chrome, the breadcrumbs, the series poster with its renditions (2),
# and the episodes with their posters and renditions (2).
SERIES_QUERIES = 23


def small_image():
    return ImageFactory(file__width=160, file__height=120)


def captioned_video(parent, languages):
    page = publish(
        VideoPageFactory(parent=parent, lead_image=small_image(), lead_image_alt="Road")
    )
    for order, language in enumerate(languages):
        VideoCaption.objects.create(
            page=page, language=language, sort_order=order,
            file=SimpleUploadedFile("c.vtt", b"WEBVTT\n"),
        )  # fmt: skip
    return page


def test_a_video_costs_the_same_with_one_caption_or_many(client, news):
    few = captioned_video(news, ["en"])
    many = captioned_video(news, ["en", "ar", "es", "fr", "de", "tr"])

    few_count = render_counting_queries(client, few.url)[1]
    many_count = render_counting_queries(client, many.url)[1]

    assert few_count == many_count == VIDEO_QUERIES


def series_of(parent, count):
    series = publish(
        SeriesPageFactory(parent=parent, lead_image=small_image(), lead_image_alt="Set")
    )
    episodes = [
        publish(
            VideoPageFactory(
                parent=series, kind="tv_episode", lead_image=small_image(),
                lead_image_alt="Studio", season_number=1 + number // 10,
                episode_number=1 + number % 10,
            )
        )
        for number in range(count)
    ]  # fmt: skip
    return series, episodes


def test_an_episode_costs_the_same_in_a_short_or_a_long_series(client, news):
    _, short = series_of(news, 2)
    _, long = series_of(news, 30)

    short_count = render_counting_queries(client, short[1].url)[1]
    long_count = render_counting_queries(client, long[15].url)[1]

    assert short_count == long_count == EPISODE_QUERIES


def test_a_series_costs_the_same_with_2_or_30_episodes(client, news):
    short, _ = series_of(news, 2)
    long, _ = series_of(news, 30)

    short_soup, short_count = render_counting_queries(client, short.url)
    long_soup, long_count = render_counting_queries(client, long.url)

    assert len(short_soup.select(".episode-card")) == 2
    assert len(long_soup.select(".episode-card")) == 30
    assert short_count == long_count == SERIES_QUERIES
