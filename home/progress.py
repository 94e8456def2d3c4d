"""Progress, counts and Ctrl-C for long jobs (imports, the demo loader, the benchmark generator).

    with progress(self.stdout, "Services", total=len(records), on_interrupt="Run it again.") as job:
        for record in records:
            ...
            job.advance(created=1)
    self.stdout.write(job.summary())

On a terminal the job shows a tqdm bar on stderr; elsewhere (CI logs, cron, tests) it writes a
plain line to ``out`` at every tenth of ``total``, or every ``interval`` seconds when the total is
unknown. Ctrl-C inside the block becomes ``Interrupted``, a CommandError: Django prints its
message and exits with status 130, no traceback. Each job keeps its own transaction boundaries,
so what an interrupt leaves behind is whole, and says in ``on_interrupt`` what a rerun does.
"""

import sys
import time
from contextlib import contextmanager

from django.core.management.base import CommandError
from tqdm import tqdm

LINES_PER_JOB = 10  # plain lines for a job of known size: one per tenth


class Interrupted(CommandError):
    def __init__(self, message):
        super().__init__(message, returncode=130)


def is_terminal(stream):
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    def __init__(self, out, label, total=None, unit="items", counts=(), interval=10.0, bar_stream=None):
        self.out, self.label, self.total, self.unit = out, label, total, unit
        self.counts = dict.fromkeys(counts, 0)
        self.done = 0
        self.interval = interval
        self.started = self.last_line = time.monotonic()
        self.lines_written = 0
        bar_stream = bar_stream or sys.stderr
        self.bar = None
        if is_terminal(bar_stream):
            self.bar = tqdm(total=total, desc=label, unit=unit, file=bar_stream, leave=False, dynamic_ncols=True)

    @property
    def elapsed(self):
        return time.monotonic() - self.started

    def advance(self, amount=1, **counts):
        """``amount`` more of ``total`` done; ``counts`` (created=1…) added to the summary."""
        self.done += amount
        for name, number in counts.items():
            self.counts[name] = self.counts.get(name, 0) + number
        if self.bar is not None:
            self.bar.update(amount)
        elif self.total:
            tenth = min(self.done * LINES_PER_JOB // self.total, LINES_PER_JOB)
            if tenth > self.lines_written:
                self.lines_written = tenth
                self.write_line()
        elif time.monotonic() - self.last_line >= self.interval:
            self.write_line()

    def write_line(self):
        self.last_line = time.monotonic()
        of_total = f" of {self.total:,} ({self.done * 100 // self.total}%)" if self.total else ""
        self.write(f"{self.label}: {self.done:,}{of_total} {self.unit}, {self.elapsed:.0f} s")

    def write(self, message):
        """A line on ``out`` (a file or a command's stdout) that does not break the bar."""
        with self.writing():
            self.out.write(message + "\n")

    @contextmanager
    def writing(self):
        """Write other output (stderr…) inside this block without breaking the bar."""
        if self.bar is None:
            yield
        else:
            with tqdm.external_write_mode(file=self.bar.fp):
                yield

    @property
    def stream(self):
        """``out`` for code that writes to a stream itself, without breaking the bar."""
        return _BarSafeStream(self)

    def counted(self):
        return ", ".join(f"{number:,} {name}" for name, number in self.counts.items())

    def summary(self):
        counted = self.counted() or f"{self.done:,} {self.unit}"
        return f"{self.label}: {counted} in {self.elapsed:.1f} s."

    def close(self):
        if self.bar is not None:
            self.bar.close()


class _BarSafeStream:
    def __init__(self, job):
        self.job = job

    def write(self, text):
        with self.job.writing():
            self.job.out.write(text)


@contextmanager
def progress(out, label, total=None, *, on_interrupt="", **options):
    """A ``Progress`` for the block; Ctrl-C in it raises ``Interrupted`` saying what was done."""
    job = Progress(out, label, total, **options)
    try:
        yield job
    except KeyboardInterrupt:
        job.close()
        done = f"{job.done:,} of {job.total:,}" if job.total else f"{job.done:,}"
        counted = f" ({job.counted()})" if job.counts else ""
        # Django prints it as "Interrupted: <message>".
        raise Interrupted(f"{label}, {done} {job.unit} done{counted}. {on_interrupt}".strip()) from None
    finally:
        job.close()
