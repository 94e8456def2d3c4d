"""load_demo_content shows its progress, and Ctrl-C leaves whole steps that a rerun completes."""

import re
from io import StringIO
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.images import get_image_model
from wagtail.models import Page

from demo.loader import DemoContentLoader
from home.models import Helpline


def load(**options):
    out = StringIO()
    call_command("load_demo_content", "--skip-translations", stdout=out, **options)
    return out.getvalue()


class DemoProgressTests(TestCase):
    def test_an_interrupt_keeps_whole_steps_and_a_rerun_loads_the_rest(self):
        def interrupted(loader):
            yield from ()
            raise KeyboardInterrupt

        with mock.patch.object(DemoContentLoader, "load_media", interrupted), self.assertRaises(CommandError) as raised:
            load()
        self.assertEqual(raised.exception.returncode, 130)
        message = str(raised.exception)
        self.assertTrue(message.startswith("Demo content, 2 of 5 steps done ("), message)
        self.assertIn("run it again to load the rest", message)
        helplines = Helpline.objects.count()
        self.assertGreater(helplines, 0)  # the snippets step was committed…
        self.assertFalse(get_image_model().objects.exists())  # …the media step was not begun
        self.assertEqual(Page.objects.filter(depth__gt=2).count(), 0)

        output = load()
        lines = output.splitlines()
        self.assertEqual(
            [line.rsplit(", ", 1)[0] for line in lines if re.match(r"Demo content: \d of 5 ", line)],
            [f"Demo content: {n} of 5 ({n * 20}%) steps" for n in range(1, 6)],
        )
        self.assertRegex(lines[-2], r"^Demo content: [1-9]\d* created, [1-9]\d* already present in \d+\.\d s\.$")
        self.assertEqual(Helpline.objects.count(), helplines)
        self.assertTrue(get_image_model().objects.exists())
        self.assertTrue(Page.objects.filter(depth__gt=2).exists())

        again = load().splitlines()
        self.assertRegex(again[-2], r"^Demo content: 0 created, [1-9]\d* already present in ")
