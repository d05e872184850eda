"""A progress bar with the time left, for commands that take minutes.

On a terminal the bar redraws itself on one line; in a log (piped output, CI) it
writes a line at every tenth of the way instead, so the log stays readable.
"""

import time
from collections.abc import Callable
from typing import TextIO

from django.core.management.base import OutputWrapper

BAR_WIDTH = 28
LOG_STEPS = 10  # lines written over the whole way when the output is not a terminal


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes} min {seconds:02d} s"


class ProgressBar:
    def __init__(
        self,
        stream: TextIO,
        total: int,
        label: str,
        *,
        interactive: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.stream = stream
        self.total = max(total, 1)
        self.label = label
        self.done = 0
        self.clock = clock
        self.started = clock()
        self.interactive = (
            stream.isatty() if interactive is None and hasattr(stream, "isatty")
            else bool(interactive)
        )  # fmt: skip
        self._logged_step = -1

    def time_left(self) -> float | None:
        """Seconds still to go at the pace so far; None until there is a pace."""
        if self.done == 0:
            return None
        elapsed = self.clock() - self.started
        return elapsed / self.done * (self.total - self.done)

    def line(self, note: str = "") -> str:
        filled = BAR_WIDTH * self.done // self.total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        left = self.time_left()
        if self.done >= self.total:
            eta = f"done in {format_duration(self.clock() - self.started)}"
        elif left is None:
            eta = "estimating the time left"
        else:
            eta = f"about {format_duration(left)} left"
        text = f"{self.label} [{bar}] {self.done}/{self.total}, {eta}"
        return f"{text}: {note}" if note else text

    def advance(self, note: str = "", steps: int = 1) -> None:
        self.done = min(self.total, self.done + steps)
        if self.interactive:
            # Cut to a terminal's width so the line redraws in place.
            self._write("\r\033[K" + self.line(note)[:118])
            if self.done >= self.total:
                self._write("\n")
        else:
            step = LOG_STEPS * self.done // self.total
            if step != self._logged_step:
                self._logged_step = step
                self._write(self.line(note) + "\n")
        self.stream.flush()

    def _write(self, text: str) -> None:
        if isinstance(self.stream, OutputWrapper):
            self.stream.write(text, ending="")  # it would end every write a line
        else:
            self.stream.write(text)
