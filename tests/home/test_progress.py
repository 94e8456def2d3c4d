"""home.progress: a bar on a terminal, plain lines elsewhere, Ctrl-C as a clean CommandError."""

import io
from unittest import mock

import pytest

from home.progress import Interrupted, progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_gets_a_bar_and_no_plain_lines():
    out, terminal = io.StringIO(), Terminal()
    with progress(out, "Rows", total=4, unit="rows", counts=("created",), bar_stream=terminal) as job:
        for _ in range(4):
            job.advance(created=1)
        job.write("a message")
    assert "Rows" in terminal.getvalue()
    assert "4/4" in terminal.getvalue()
    assert out.getvalue() == "a message\n"
    assert job.summary().startswith("Rows: 4 created in ")


def test_without_a_total_a_plain_line_every_interval():
    out, now = io.StringIO(), [0.0]
    with (
        mock.patch("home.progress.time.monotonic", lambda: now[0]),
        progress(out, "Rows", unit="rows", interval=10, bar_stream=io.StringIO()) as job,
    ):
        for seconds in (5, 11, 15, 22):
            now[0] = seconds
            job.advance()
    # Lines at 11 s (10 s after the start) and 22 s (11 s after that line); none at 5 or 15 s.
    assert out.getvalue().splitlines() == ["Rows: 2 rows, 11 s", "Rows: 4 rows, 22 s"]


def test_ctrl_c_becomes_a_message_and_status_130():
    with (
        pytest.raises(Interrupted) as raised,
        progress(io.StringIO(), "Rows", total=10, unit="rows", counts=("created",), on_interrupt="Run again.") as job,
    ):
        job.advance(created=1)
        raise KeyboardInterrupt
    assert str(raised.value) == "Rows, 1 of 10 rows done (1 created). Run again."
    assert raised.value.returncode == 130
