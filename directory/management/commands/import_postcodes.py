"""Load outward-code centroids from the ONS Postcode Directory (Open Government Licence).

    manage.py import_postcodes ONSPD_FEB_2026_UK.csv [--prefix NR --prefix PE --prefix IP]

Reads the ``pcds`` (postcode), ``lat`` and ``long`` columns, averages the coordinates of every
live postcode per outward code and creates or updates one ``Place`` per outward code. Full
postcodes are only held in memory while reading: they are never stored or printed. Running it
again with the same file changes nothing (idempotent). It shows its progress (a bar on a terminal,
a line per tenth of the file otherwise); Ctrl-C saves nothing, as all places are saved in one
transaction at the end.
"""

import csv
import os
from collections import defaultdict
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.geo import outward_code
from directory.models import Place, PlaceKind
from home.progress import progress

# The ONSPD uses 99.999999 / 0.000000 for postcodes without a grid reference.
NO_GRID_LATITUDE = 99.0


class Command(BaseCommand):
    help = "Create or update outward-code places from an ONS Postcode Directory CSV."

    def add_arguments(self, parser):
        parser.add_argument("csv_path")
        parser.add_argument(
            "--prefix",
            action="append",
            default=None,
            help="Only outward codes starting with this (repeatable), e.g. --prefix NR. Default: all.",
        )

    def handle(self, csv_path, prefix=None, **options):
        prefixes = tuple(p.upper() for p in prefix) if prefix else None
        try:
            with open(csv_path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                with progress(
                    self.stdout,
                    "Reading postcodes",
                    total=size,
                    unit="bytes",
                    counts=("rows", "rows without a location skipped"),
                    on_interrupt="Nothing was saved: run it again.",
                ) as reading:
                    sums = self.outward_code_sums(decoded_lines(handle, reading), prefixes, reading)
        except OSError as error:
            raise CommandError(f"Cannot read {csv_path}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{csv_path} is not UTF-8 text: {error.reason}") from error
        self.stdout.write(reading.summary())

        with (
            progress(
                self.stdout,
                "Outward codes",
                total=len(sums),
                unit="outward codes",
                counts=("created", "updated", "unchanged"),
                on_interrupt="Nothing was saved (one transaction): run it again.",
            ) as saving,
            transaction.atomic(),
        ):
            for code, (lat_sum, lon_sum, count) in sorted(sums.items()):
                saving.advance(**{self.save_place(code, lat_sum / count, lon_sum / count): 1})
        self.stdout.write(saving.summary())

    def outward_code_sums(self, lines, prefixes, reading):
        """{outward code: [latitude sum, longitude sum, postcodes]} of the live postcodes read."""
        sums = defaultdict(lambda: [0.0, 0.0, 0])
        reader = csv.DictReader(lines)
        missing = {"pcds", "lat", "long"} - set(reader.fieldnames or ())
        if missing:
            raise CommandError(f"Missing column(s): {', '.join(sorted(missing))}")
        for row in reader:
            reading.counts["rows"] += 1
            code = outward_code(row.get("pcds") or "")
            try:
                lat, lon = float(row["lat"]), float(row["long"])
            except (TypeError, ValueError):
                lat = lon = None
            if code is None or lat is None or lat >= NO_GRID_LATITUDE or (lat == 0 and lon == 0):
                reading.counts["rows without a location skipped"] += 1
                continue
            if prefixes and not code.startswith(prefixes):
                continue
            total = sums[code]
            total[0] += lat
            total[1] += lon
            total[2] += 1
        return sums

    def save_place(self, code, latitude, longitude):
        """Create or update the outward code's place: "created", "updated" or "unchanged"."""
        latitude, longitude = Decimal(f"{latitude:.6f}"), Decimal(f"{longitude:.6f}")
        place = Place.objects.filter(key=code).first()
        if place is None:
            Place.objects.create(name=code, kind=PlaceKind.OUTCODE, latitude=latitude, longitude=longitude)
            return "created"
        if (place.latitude, place.longitude, place.kind) == (latitude, longitude, PlaceKind.OUTCODE):
            return "unchanged"
        place.latitude, place.longitude, place.kind = latitude, longitude, PlaceKind.OUTCODE
        place.save()
        return "updated"


def decoded_lines(handle, reading):
    """The file's lines as text, counting bytes read for the progress shown (millions of rows)."""
    for raw in handle:
        reading.advance(len(raw))
        yield raw.decode("utf-8-sig")
