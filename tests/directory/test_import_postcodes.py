"""manage.py import_postcodes: outward-code centroids from an ONS Postcode Directory CSV."""

import io
from decimal import Decimal
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase

from directory.management.commands.import_postcodes import Command
from directory.models import Place, PlaceKind

ONSPD_SAMPLE = """pcd,pcd2,pcds,dointr,doterm,lat,long,oslaua
NR2 4AB,NR2  4AB,NR2 4AB,199906,,52.630000,1.280000,E07000148
NR2 4AD,NR2  4AD,NR2 4AD,199906,,52.632000,1.284000,E07000148
NR997ZZ,NR99 7ZZ,NR99 7ZZ,200101,,52.640000,1.300000,E07000148
NR1 9ZZ,NR1  9ZZ,NR1 9ZZ,200101,,99.999999,0.000000,
CB1 1AA,CB1  1AA,CB1 1AA,199906,,52.200000,0.130000,E07000008
"""


class ImportPostcodesTests(TestCase):
    def run_import(self, content, *args):
        path = self.tmp_path / "onspd.csv"
        path.write_text(content, encoding="utf-8")
        out = io.StringIO()
        call_command("import_postcodes", str(path), *args, stdout=out)
        return out.getvalue()

    def setUp(self):
        import tempfile
        from pathlib import Path

        self._tmp = tempfile.TemporaryDirectory()
        self.tmp_path = Path(self._tmp.name)
        self.addCleanup(self._tmp.cleanup)

    def test_outward_code_centroids_replace_the_seeded_approximations(self):
        output = self.run_import(ONSPD_SAMPLE, "--prefix", "NR")
        nr2 = Place.objects.get(key="NR2")
        self.assertEqual((nr2.latitude, nr2.longitude), (Decimal("52.631000"), Decimal("1.282000")))
        self.assertEqual(Place.objects.get(key="NR99").kind, PlaceKind.OUTCODE)
        self.assertFalse(Place.objects.filter(key="CB1").exists())
        self.assertIn("5 rows, 1 rows without a location skipped", output)

    def test_full_postcodes_are_never_stored_or_printed(self):
        output = self.run_import(ONSPD_SAMPLE)
        self.assertNotIn("4AB", output)
        self.assertFalse(Place.objects.filter(name__contains=" ").filter(kind=PlaceKind.OUTCODE).exists())
        self.assertFalse(Place.objects.filter(key__contains="4AB").exists())

    def test_running_twice_changes_nothing(self):
        self.run_import(ONSPD_SAMPLE)
        before = list(Place.objects.values_list("key", "latitude", "longitude").order_by("key"))
        output = self.run_import(ONSPD_SAMPLE)
        self.assertIn("Outward codes: 0 created, 0 updated, 3 unchanged in", output)
        self.assertEqual(list(Place.objects.values_list("key", "latitude", "longitude").order_by("key")), before)

    def test_missing_columns_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "Missing column(s): lat, long"):
            self.run_import("pcds,x\nNR2 4AB,1\n")

    def test_missing_file_is_a_clear_error(self):
        with self.assertRaises(CommandError):
            call_command("import_postcodes", str(self.tmp_path / "nope.csv"))

    def test_progress_lines_and_summary_when_not_on_a_terminal(self):
        rows = "".join(f"ZZ{n} 1AA,52.{n:06d},1.280000\n" for n in range(1, 41))  # no seeded place
        output = self.run_import("pcds,lat,long\n" + rows)
        lines = output.splitlines()
        reading = [line for line in lines if line.startswith("Reading postcodes: ") and "bytes" in line]
        self.assertEqual(len(reading), 10)  # one per tenth of the file
        self.assertTrue(reading[-1].endswith("(100%) bytes, 0 s"), reading[-1])
        self.assertIn("Reading postcodes: 40 rows, 0 rows without a location skipped in", output)
        saving = [line for line in lines if line.startswith("Outward codes: ") and "(" in line]
        self.assertEqual(len(saving), 10)
        self.assertRegex(lines[-1], r"^Outward codes: 40 created, 0 updated, 0 unchanged in \d+\.\d s\.$")

    def test_an_interrupt_saves_nothing_and_a_rerun_completes(self):
        self.run_import(ONSPD_SAMPLE, "--prefix", "NR")
        changed = ONSPD_SAMPLE.replace("52.630000", "52.620000") + "ZZ3 1AA,ZZ3  1AA,ZZ3 1AA,1,,52.64,1.29,\n"
        before = list(Place.objects.values_list("key", "latitude").order_by("key"))
        real_save = Command.save_place
        calls = []

        def interrupted_save(command, *args):
            calls.append(args)
            if len(calls) == 2:  # after the first place of the file is saved
                raise KeyboardInterrupt
            return real_save(command, *args)

        with mock.patch.object(Command, "save_place", interrupted_save), self.assertRaises(CommandError) as raised:
            self.run_import(changed, "--prefix", "NR", "--prefix", "ZZ")
        self.assertEqual(raised.exception.returncode, 130)
        self.assertIn("Outward codes, 1 of 3 outward codes done", str(raised.exception))
        self.assertIn("Nothing was saved", str(raised.exception))
        self.assertEqual(list(Place.objects.values_list("key", "latitude").order_by("key")), before)

        output = self.run_import(changed, "--prefix", "NR", "--prefix", "ZZ")
        self.assertIn("Outward codes: 1 created, 1 updated, 1 unchanged", output)
        self.assertEqual(Place.objects.get(key="NR2").latitude, Decimal("52.626000"))
