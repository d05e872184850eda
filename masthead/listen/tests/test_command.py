import pytest
from django.core.management import CommandError, call_command

from masthead.listen.actions import request_missing_audio
from masthead.listen.models import ArticleAudio, AudioStatus

pytestmark = pytest.mark.django_db


def test_now_makes_the_missing_audio_here(listen, article, capsys):
    call_command("listen_audio", "--now")
    assert ArticleAudio.objects.get(page=article).status == AudioStatus.READY
    assert "1 stories have audio; 0 failed." in capsys.readouterr().out


def test_a_failure_is_reported_and_fails_the_command(listen, article):
    listen.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.tests.engines.FailingEngine"]
    with pytest.raises(CommandError, match="1 story/stories could not be spoken"):
        call_command("listen_audio", "--now")


def test_an_unknown_story_is_an_error(listen, db):
    with pytest.raises(CommandError, match="No published story has the id 999"):
        call_command("listen_audio", "--page", "999")


def test_nothing_is_made_while_listen_is_off(settings, article):
    settings.MASTHEAD_LISTEN_ENABLED = False
    with pytest.raises(CommandError, match="Listen is turned off"):
        call_command("listen_audio")


def test_the_missing_audio_is_queued_for_the_worker(
    listen, article, politics, author, settings, django_capture_on_commit_callbacks
):
    """What the demo does after loading: one task per story without current
    audio, in the worker's queue."""
    from django_tasks_db.models import DBTaskResult

    from masthead.articles.tests.factories import ArticlePageFactory

    spoken = ArticlePageFactory(parent=politics, authors=[author])
    call_command("listen_audio", "--now", "--page", str(spoken.pk))
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        assert request_missing_audio() == 1
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "masthead.listen.tasks.build_story_audio"
    assert queued.args_kwargs["args"] == [article.pk, False]
    assert queued.priority == -10
