"""The progress bar of the long commands: the time left, on a terminal or in a log."""

import io

from django.core.management.base import OutputWrapper

from masthead.common.management.commands.migrate import Command as MigrateCommand
from masthead.common.progress import ProgressBar, format_duration


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_time_left_follows_the_pace_so_far():
    clock = Clock()
    bar = ProgressBar(io.StringIO(), 10, "Loading", interactive=False, clock=clock)
    assert bar.time_left() is None

    clock.now += 30
    bar.advance()  # 1 of 10 in 30 s: 9 more at that pace

    assert bar.time_left() == 270
    assert "1/10, about 4 min 30 s left" in bar.line()


def test_durations_read_as_seconds_then_minutes():
    assert [format_duration(s) for s in (0.4, 59, 60, 125)] == [
        "0 s", "59 s", "1 min 00 s", "2 min 05 s",
    ]  # fmt: skip


def test_a_log_gets_a_line_at_each_tenth_and_one_at_the_end():
    clock = Clock()
    stream = io.StringIO()
    bar = ProgressBar(stream, 124, "Loading", interactive=False, clock=clock)
    for number in range(124):
        clock.now += 1
        bar.advance(f"story {number}")

    lines = stream.getvalue().splitlines()
    assert len(lines) == 11
    assert lines[-1].startswith(
        "Loading [" + "#" * 28 + "] 124/124, done in 2 min 04 s"
    )
    assert "\r" not in stream.getvalue()


def test_a_terminal_sees_one_line_redrawn_in_place():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    bar = ProgressBar(OutputWrapper(terminal), 3, "Migrating", clock=Clock())
    for _ in range(3):
        bar.advance("app.0001_initial")

    output = terminal.getvalue()
    assert output.count("\r\033[K") == 3
    assert output.count("\n") == 1 and output.endswith("\n")  # once, when done


def test_migrate_shows_the_bar_for_many_migrations_and_lines_for_few(db):
    stdout = io.StringIO()
    command = MigrateCommand(stdout=stdout)
    # The test database is migrated: nothing pending, Django's own lines stay.
    assert command.pending_count("default") == 0

    command.bar = ProgressBar(command.stdout, 2, "Migrating", interactive=False)
    for name in ("editions.0001_initial", "editions.0002_create_home_page"):
        command.migration_progress_callback("apply_start", name)
        command.migration_progress_callback("apply_success", name)

    assert "Applying" not in stdout.getvalue()
    assert "2/2, done in" in stdout.getvalue()
