from django.core.management.base import BaseCommand

from editorial.translation_report import GROUPS, translation_coverage


class Command(BaseCommand):
    help = "Prints, per language, how many key pages, advice pages and services are translated and out of date."

    def add_arguments(self, parser):
        parser.add_argument("--details", action="store_true", help="List the missing and out-of-date pages.")

    def handle(self, *args, details=False, **options):
        headings = ["language"] + [f"{label.lower()}" for label in GROUPS.values()]
        rows = []
        for row in translation_coverage():
            cells = [f"{row.locale.language_code} {row.locale.get_display_name()}"]
            for coverage in row.groups.values():
                cells.append(f"{len(coverage.translated)}/{coverage.total}, {len(coverage.out_of_date)} out of date")
            rows.append((row, cells))
        widths = [
            max(len(cells[i]) for cells in [headings] + [cells for _row, cells in rows]) for i in range(len(headings))
        ]
        self.stdout.write("  ".join(heading.ljust(width) for heading, width in zip(headings, widths, strict=True)))
        for row, cells in rows:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)))
            if details:
                for group, coverage in row.groups.items():
                    for label, pages in (("out of date", coverage.out_of_date), ("missing", coverage.missing)):
                        if pages:
                            titles = ", ".join(page.title for page in pages)
                            self.stdout.write(f"    {GROUPS[group]} {label}: {titles}")
