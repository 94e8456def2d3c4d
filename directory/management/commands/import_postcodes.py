"""Load outward-code centroids from the ONS Postcode Directory (Open Government Licence).

    manage.py import_postcodes ONSPD_FEB_2026_UK.csv [--prefix NR --prefix PE --prefix IP]

Reads the ``pcds`` (postcode), ``lat`` and ``long`` columns, averages the coordinates of every
live postcode per outward code and creates or updates one ``Place`` per outward code. Full
postcodes are only held in memory while reading: they are never stored or printed. Running it
again with the same file changes nothing (idempotent).
"""

import csv
from collections import defaultdict
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.geo import outward_code
from directory.models import Place, PlaceKind

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
        sums = defaultdict(lambda: [0.0, 0.0, 0])
        skipped = 0
        try:
            with open(csv_path, newline="", encoding="utf-8-sig") as handle:
                reader = csv.DictReader(handle)
                missing = {"pcds", "lat", "long"} - set(reader.fieldnames or ())
                if missing:
                    raise CommandError(f"Missing column(s): {', '.join(sorted(missing))}")
                for row in reader:
                    code = outward_code(row.get("pcds") or "")
                    try:
                        lat, lon = float(row["lat"]), float(row["long"])
                    except (TypeError, ValueError):
                        skipped += 1
                        continue
                    if code is None or lat >= NO_GRID_LATITUDE or (lat == 0 and lon == 0):
                        skipped += 1
                        continue
                    if prefixes and not code.startswith(prefixes):
                        continue
                    total = sums[code]
                    total[0] += lat
                    total[1] += lon
                    total[2] += 1
        except OSError as error:
            raise CommandError(f"Cannot read {csv_path}: {error.strerror}") from error

        created = updated = 0
        with transaction.atomic():
            for code, (lat_sum, lon_sum, count) in sorted(sums.items()):
                latitude = Decimal(f"{lat_sum / count:.6f}")
                longitude = Decimal(f"{lon_sum / count:.6f}")
                place = Place.objects.filter(key=code).first()
                if place is None:
                    Place.objects.create(name=code, kind=PlaceKind.OUTCODE, latitude=latitude, longitude=longitude)
                    created += 1
                elif (place.latitude, place.longitude, place.kind) != (latitude, longitude, PlaceKind.OUTCODE):
                    place.latitude, place.longitude, place.kind = latitude, longitude, PlaceKind.OUTCODE
                    place.save()
                    updated += 1
        self.stdout.write(
            f"{len(sums)} outward codes: {created} created, {updated} updated; "
            f"{skipped} rows without a location skipped."
        )
