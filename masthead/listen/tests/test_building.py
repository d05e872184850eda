"""A published story gets its audio, made again only when its spoken text
changes; failures are recorded, retried, and never stop a publish."""

import re
import subprocess
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.common.ffmpeg import FFMPEG, probe
from masthead.listen import building
from masthead.listen.actions import enqueue_due_retries
from masthead.listen.building import build_audio
from masthead.listen.encoding import loudness
from masthead.listen.models import ArticleAudio, AudioStatus
from masthead.listen.script import spoken_script
from masthead.listen.tasks import build_story_audio

from . import engines
from .conftest import republish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_calls():
    engines.CALLS.clear()


@pytest.mark.parametrize("language", ["en", "ar", "es"])
def test_a_published_story_is_read_in_its_own_language(listen, publish_story, language):
    page = publish_story(language)
    audio = ArticleAudio.objects.get(page=page)

    assert audio.status == AudioStatus.READY, audio.error
    assert (audio.engine, audio.language) == ("espeak-ng", language)
    assert audio.voice == listen.MASTHEAD_LISTEN_ESPEAK_VOICES[language]
    opus, mp3 = probe(audio.opus.path), probe(audio.mp3.path)
    assert (opus.audio_codec, mp3.audio_codec) == ("opus", "mp3")
    assert opus.channels == mp3.channels == 1
    # Between 80 and 300 words a minute: slow dictation to the fastest newsreader
    # (espeak-ng is set to 165); pauses between paragraphs add a little.
    words = spoken_script(page).words
    assert words / 300 * 60 < audio.duration < words / 80 * 60 + 3
    assert abs(mp3.duration - opus.duration) < 0.3
    assert audio.words == words
    assert audio.opus_bytes == audio.opus.size and audio.mp3_bytes == audio.mp3.size


def true_peak(path: str) -> float:
    result = subprocess.run(
        [FFMPEG, "-nostdin", "-hide_banner", "-i", path,
         "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    summary = result.stderr.decode().rsplit("Summary:", 1)[1]
    return float(re.search(r"True peak:\s+Peak:\s+(-?[\d.]+)", summary)[1])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_audio_is_normalised_to_the_target_loudness(
    listen, publish_story, language
):
    audio = ArticleAudio.objects.get(page=publish_story(language))
    # Measured again from the stored files, independently of what was recorded:
    # -16 LUFS within 1 LU; the MP3 (podcast apps) under -1 dBTP, the Opus file
    # under full scale, so neither clips when decoded.
    for name in (audio.opus.path, audio.mp3.path):
        assert loudness(name) == pytest.approx(-16, abs=1.0)
    assert true_peak(audio.mp3.path) <= -1.0
    assert true_peak(audio.opus.path) <= -0.3
    assert audio.loudness == pytest.approx(-16, abs=1.0)


def test_another_target_loudness_is_honoured(listen, publish_story):
    listen.MASTHEAD_LISTEN_LOUDNESS = -23.0  # EBU R128 broadcast level
    audio = ArticleAudio.objects.get(page=publish_story("en"))
    assert loudness(audio.mp3.path) == pytest.approx(-23, abs=1.0)


def test_an_unchanged_text_is_not_spoken_again(
    listen, publish_story, django_capture_on_commit_callbacks
):
    listen.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.tests.engines.CountingEngine"]
    page = publish_story("en")
    before = ArticleAudio.objects.get(page=page)
    assert engines.CALLS == ["en"]

    # Tags, the source line and the lead caption are not read.
    page.tags.add("Energy")
    republish(
        page,
        django_capture_on_commit_callbacks,
        source="Reuters",
        lead_image_caption="A new caption",
    )
    republish(page, django_capture_on_commit_callbacks)

    after = ArticleAudio.objects.get(page=page)
    assert engines.CALLS == ["en"]
    assert (after.opus.name, after.mp3.name, after.built_at) == (
        before.opus.name,
        before.mp3.name,
        before.built_at,
    )


def test_a_changed_text_is_spoken_again_and_the_old_files_go(
    listen, publish_story, django_capture_on_commit_callbacks
):
    page = publish_story("en")
    before = ArticleAudio.objects.get(page=page)

    republish(page, django_capture_on_commit_callbacks, title="Ministers agree on gas")

    after = ArticleAudio.objects.get(page=page)
    assert after.status == AudioStatus.READY
    assert after.text_hash != before.text_hash
    assert after.opus.name != before.opus.name and after.mp3.name != before.mp3.name
    assert not default_storage.exists(before.opus.name)
    assert not default_storage.exists(before.mp3.name)
    assert default_storage.exists(after.opus.name)


def test_a_failure_is_recorded_retried_later_and_never_stops_the_publish(
    listen, publish_story, django_capture_on_commit_callbacks
):
    listen.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.tests.engines.FailingEngine"]
    page = publish_story("en")

    page.refresh_from_db()
    assert page.live
    audio = ArticleAudio.objects.get(page=page)
    assert audio.status == AudioStatus.FAILED
    assert audio.error == "the voice server answered 503"
    assert audio.attempts == 1
    first_delay = audio.retry_at - timezone.now()
    assert timedelta(seconds=55) < first_delay <= timedelta(seconds=60)

    # Not yet due: nothing is queued.
    assert enqueue_due_retries(timezone.now()) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue_due_retries(audio.retry_at + timedelta(seconds=1)) == 1
    audio.refresh_from_db()
    assert audio.attempts == 2
    # Four times longer after the second failure.
    assert audio.retry_at - timezone.now() > timedelta(minutes=3, seconds=55)

    # Once the engine works again the retry makes the audio.
    listen.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.engines.espeak.EspeakEngine"]
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_due_retries(audio.retry_at + timedelta(seconds=1))
    audio.refresh_from_db()
    assert audio.status == AudioStatus.READY
    assert (audio.error, audio.attempts, audio.retry_at) == ("", 0, None)


def test_retries_stop_after_the_last_attempt(listen, publish_story):
    listen.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.tests.engines.FailingEngine"]
    listen.MASTHEAD_LISTEN_MAX_ATTEMPTS = 2
    page = publish_story("en")
    build_audio(page.pk)

    audio = ArticleAudio.objects.get(page=page)
    assert (audio.status, audio.attempts, audio.retry_at) == (
        AudioStatus.FAILED,
        2,
        None,
    )
    assert enqueue_due_retries(timezone.now() + timedelta(days=30)) == 0


def test_a_story_that_cannot_be_scripted_is_still_published(
    listen, publish_story, monkeypatch, caplog
):
    def broken(page):
        raise RuntimeError("a block the script does not know")

    monkeypatch.setattr("masthead.listen.actions.spoken_script", broken)
    page = publish_story("en")

    page.refresh_from_db()
    assert page.live
    assert not ArticleAudio.objects.filter(page=page).exists()
    assert "Could not ask for the audio" in caplog.text


def test_a_story_taken_down_before_its_turn_gets_no_audio(
    listen, publish_story, settings
):
    settings.MASTHEAD_LISTEN_ENABLED = False
    page = publish_story("en")
    page.unpublish()

    assert build_audio(page.pk) is None
    assert not ArticleAudio.objects.filter(page=page).exclude(opus="").exists()


def test_a_build_in_hand_elsewhere_is_left_to_it_unless_abandoned(
    listen, publish_story, settings
):
    listen.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.tests.engines.CountingEngine"]
    settings.MASTHEAD_LISTEN_ENABLED = False
    page = publish_story("en")
    ArticleAudio.objects.create(page=page, status=AudioStatus.PROCESSING)

    build_audio(page.pk)
    assert engines.CALLS == []

    # A worker that stopped half-way leaves the build; after 30 minutes it is
    # anyone's.
    ArticleAudio.objects.filter(page=page).update(
        updated_at=timezone.now() - building.STALE_AFTER - timedelta(seconds=1)
    )
    build_audio(page.pk)
    assert engines.CALLS == ["en"]
    assert ArticleAudio.objects.get(page=page).status == AudioStatus.READY


def test_a_text_changed_while_its_audio_was_made_is_made_again(
    listen, publish_story, monkeypatch, django_capture_on_commit_callbacks
):
    listen.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.tests.engines.CountingEngine"]
    page = publish_story("en")
    make_files = building.make_files

    def edited_meanwhile(page, script):
        made = make_files(page, script)
        if len(engines.CALLS) == 2:  # an editor publishes while this one is made
            ArticlePage.objects.filter(pk=page.pk).update(title="Gas deal agreed")
            newer = spoken_script(ArticlePage.objects.get(pk=page.pk)).hash
            ArticleAudio.objects.filter(page_id=page.pk).update(wanted_hash=newer)
        return made

    monkeypatch.setattr(building, "make_files", edited_meanwhile)
    with django_capture_on_commit_callbacks(execute=True):
        build_story_audio.enqueue(page.pk, True)

    # The task saw the newer text wanted and made the audio once more.
    assert engines.CALLS == ["en", "en", "en"]
    audio = ArticleAudio.objects.get(page=page)
    assert audio.status == AudioStatus.READY
    page.refresh_from_db()
    assert audio.text_hash == audio.wanted_hash == spoken_script(page).hash


def test_audio_can_live_in_any_file_storage(listen, publish_story, settings):
    """Only the storage API is used, so S3-compatible stores work as configured."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    page = publish_story("en")
    audio = ArticleAudio.objects.get(page=page)

    assert audio.status == AudioStatus.READY, audio.error
    assert default_storage.size(audio.mp3.name) == audio.mp3_bytes > 1000
    # Not local files: linked at the store's own address, not served at /audio/.
    assert audio.mp3_url.startswith("/media/listen/en/")
