"""PostgreSQL only: the text-search configurations search/backend.py indexes and queries with,
and an index for its queries.

Each configuration is a copy of PostgreSQL's own with `unaccent` before the stemmer, so accents
are folded as SQLite folds them. `unaccent` is a trusted extension (PostgreSQL 13+): the
database owner may create it.

The database backend matches `title || body` against the query. Wagtail indexes `title` and
`body` separately, so without an index on the expression PostgreSQL could not use an index, had
no statistics for it, and on 10,000 pages chose plans taking seconds (BENCHMARKS.md).

On other databases this migration does nothing.

Pages indexed before this migration keep their old index entries: run
`manage.py update_index` once afterwards (README "Search").
"""

from django.db import migrations

# configuration name → (PostgreSQL configuration it copies, its stemming dictionary)
CONFIGURATIONS = {
    "nasn_simple": ("simple", "simple"),
    "nasn_arabic": ("arabic", "arabic_stem"),
    "nasn_english": ("english", "english_stem"),
    "nasn_lithuanian": ("lithuanian", "lithuanian_stem"),
    "nasn_portuguese": ("portuguese", "portuguese_stem"),
    "nasn_romanian": ("romanian", "romanian_stem"),
    "nasn_russian": ("russian", "russian_stem"),
}
INDEX = "search_indexentry_title_body_gin"


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (source, dictionary) in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})")
        # Words with non-ASCII letters (and their hyphenated parts) lose their accents first.
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR word, hword, hword_part WITH unaccent, {dictionary}"
        )
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))")


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_log"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
