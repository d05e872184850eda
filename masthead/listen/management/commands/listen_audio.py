from django.core.management.base import BaseCommand, CommandError

from masthead.common.roles import story_page_model
from masthead.listen.actions import listen_enabled, request_audio, request_missing_audio
from masthead.listen.building import build_audio
from masthead.listen.models import ArticleAudio, AudioStatus


class Command(BaseCommand):
    help = (
        "Make the audio of published stories: queue every story whose audio is "
        "missing or out of date for the task worker, or make it here with --now."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--page", type=int, metavar="ID", help="Only this story (its page id)."
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Make the audio in this process instead of queueing it.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Make it again even where the text is unchanged (a new voice).",
        )

    def handle(self, *args, **options):
        if not listen_enabled():
            raise CommandError("Listen is turned off (MASTHEAD_LISTEN_ENABLED).")
        stories = story_page_model().objects.live().select_related("locale")
        if options["page"] is not None:
            stories = stories.filter(pk=options["page"])
            if not stories.exists():
                raise CommandError(f"No published story has the id {options['page']}.")
        if options["now"]:
            self.make_here(stories, options["force"])
        elif options["page"] is not None or options["force"]:
            for page in stories:
                request_audio(page, force=options["force"])
            self.stdout.write(f"Queued {stories.count()} story/stories.")
        else:
            self.stdout.write(f"Queued {request_missing_audio()} story/stories.")

    def make_here(self, stories, force: bool) -> None:
        failed = 0
        for page in stories.order_by("pk").iterator():
            audio = build_audio(page.pk, force=force)
            if audio is None:
                continue
            if audio.status == AudioStatus.FAILED:
                failed += 1
                self.stdout.write(self.style.WARNING(f"{page.pk}: {audio.error}"))
            elif self.verbosity > 1:
                self.stdout.write(f"{page.pk}: {audio.duration:.0f} s")
        ready = ArticleAudio.objects.filter(status=AudioStatus.READY).count()
        self.stdout.write(f"{ready} stories have audio; {failed} failed.")
        if failed:
            raise CommandError(f"{failed} story/stories could not be spoken.")

    def execute(self, *args, **options):
        self.verbosity = options.get("verbosity", 1)
        return super().execute(*args, **options)
