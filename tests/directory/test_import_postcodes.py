"""manage.py import_postcodes: outward-code centroids from an ONS Postcode Directory CSV."""

import io
from decimal import Decimal

from django.core.management import CommandError, call_command
from django.test import TestCase

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
        self.assertIn("1 rows without a location skipped", output)

    def test_full_postcodes_are_never_stored_or_printed(self):
        output = self.run_import(ONSPD_SAMPLE)
        self.assertNotIn("4AB", output)
        self.assertFalse(Place.objects.filter(name__contains=" ").filter(kind=PlaceKind.OUTCODE).exists())
        self.assertFalse(Place.objects.filter(key__contains="4AB").exists())

    def test_running_twice_changes_nothing(self):
        self.run_import(ONSPD_SAMPLE)
        before = list(Place.objects.values_list("key", "latitude", "longitude").order_by("key"))
        output = self.run_import(ONSPD_SAMPLE)
        self.assertIn("0 created, 0 updated", output)
        self.assertEqual(list(Place.objects.values_list("key", "latitude", "longitude").order_by("key")), before)

    def test_missing_columns_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "Missing column(s): lat, long"):
            self.run_import("pcds,x\nNR2 4AB,1\n")

    def test_missing_file_is_a_clear_error(self):
        with self.assertRaises(CommandError):
            call_command("import_postcodes", str(self.tmp_path / "nope.csv"))
