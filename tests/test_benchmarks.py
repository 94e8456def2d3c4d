"""The search benchmark's page generator: progress lines, a summary, and Ctrl-C that keeps nothing."""

import importlib.util
import io
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError
from wagtail.models import Page

from directory.models import ServiceCategory

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "search_latency.py"


@pytest.fixture
def generator(monkeypatch):
    spec = importlib.util.spec_from_file_location("search_latency", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # 10 English pages and one in each other language: 24 pages, not 10,560.
    monkeypatch.setattr(module, "ENGLISH_PAGES", 10)
    monkeypatch.setattr(module, "PAGES_PER_OTHER_LOCALE", 1)
    return module


@pytest.mark.django_db
def test_generation_prints_progress_and_a_summary(generator):
    out = io.StringIO()
    assert generator.generate(out) == 24
    lines = out.getvalue().splitlines()
    assert [line.rsplit(", ", 1)[0] for line in lines[:-1]] == [
        f"Generating pages: {done} of 24 ({done * 100 // 24}%) pages" for done in (3, 5, 8, 10, 12, 15, 17, 20, 22, 24)
    ]
    assert lines[-1].startswith("Generating pages: 24 created in ")


@pytest.mark.django_db
def test_an_interrupt_keeps_nothing_and_a_rerun_starts_cleanly(generator):
    pages = Page.objects.count()
    real_body = generator.body
    calls = []

    def interrupted_body(*args):
        calls.append(args)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return real_body(*args)

    with mock.patch.object(generator, "body", interrupted_body), pytest.raises(CommandError) as raised:
        generator.generate(io.StringIO())
    assert raised.value.returncode == 130
    assert str(raised.value).startswith("Generating pages, ")
    assert "Nothing was kept" in str(raised.value)
    assert Page.objects.count() == pages
    assert not ServiceCategory.objects.filter(slug="advice").exists()

    assert generator.generate(io.StringIO()) == 24
