"""The story page carries its audio player once the audio is ready, and is
purged from the page cache when it is."""

import pytest
from django.test import Client

from masthead.caching.models import CachedResponse
from masthead.listen.building import build_audio
from masthead.listen.models import ArticleAudio, AudioStatus

pytestmark = pytest.mark.django_db


def ready_audio(page, **fields) -> ArticleAudio:
    return ArticleAudio.objects.create(
        page=page,
        status=AudioStatus.READY,
        opus=f"listen/en/{page.pk}-0123456789abcdef.opus",
        mp3=f"listen/en/{page.pk}-0123456789abcdef.mp3",
        duration=187.4,
        **fields,
    )


def test_a_story_with_audio_has_a_player_that_works_without_javascript(client, article):
    audio = ready_audio(article)
    page = client.get(article.url).content.decode()

    assert f'data-listen="{article.pk}"' in page
    assert '<audio class="listen__audio" controls preload="none"' in page
    assert f'<source src="{audio.opus_url}" type="audio/ogg; codecs=opus">' in page
    assert f'<source src="{audio.mp3_url}" type="audio/mpeg">' in page
    assert f'href="{audio.mp3_url}" download' in page
    assert "3:07" in page  # the total time, before any script runs
    assert "listen/player.js" in page


@pytest.mark.parametrize("status", [AudioStatus.PENDING, AudioStatus.FAILED])
def test_a_story_without_audio_files_has_no_player(client, article, status):
    ArticleAudio.objects.create(page=article, status=status)
    assert "data-listen=" not in client.get(article.url).content.decode()


def test_readers_keep_the_old_audio_while_the_new_one_is_made(client, article):
    audio = ready_audio(article)
    ArticleAudio.objects.filter(pk=audio.pk).update(
        status=AudioStatus.PROCESSING, wanted_hash="newer"
    )
    assert audio.mp3_url in client.get(article.url).content.decode()


def test_the_cached_story_is_purged_when_its_audio_is_ready(
    listen, page_cache, article, django_capture_on_commit_callbacks
):
    reader = Client()
    assert "data-listen=" not in reader.get(article.url).content.decode()
    assert CachedResponse.objects.filter(url__endswith=article.url).exists()

    with django_capture_on_commit_callbacks(execute=True):
        build_audio(article.pk)

    assert not CachedResponse.objects.filter(url__endswith=article.url).exists()
    assert f'data-listen="{article.pk}"' in reader.get(article.url).content.decode()
