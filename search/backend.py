"""The default search backend: Wagtail's database backend, with per-language stemming on PostgreSQL.

Wagtail's database backend keeps one index table with one text-search configuration
(wagtail#9253). On PostgreSQL this backend instead indexes each object with the configuration of
its locale's language, and a `LanguageQuery` is parsed with the same configuration, so
"exploited" finds "exploitation" in English and "drepturi" finds "drepturile" in Romanian. Every
configuration folds accents ("praca" finds "prąca", "thue" finds "thuê"), as SQLite does.

Languages PostgreSQL has no stemmer for, and objects without a locale, use `nasn_simple`: whole
words, accents folded. A query that names no language (Wagtail's admin, the API's ?search=)
matches any of the configurations. The configurations are created by
search/migrations/0002_postgres_text_search.py.

On SQLite (development and the tests) it is Wagtail's FTS5 backend with title words counting
more than body words (FTS5 has no field boosts); FTS5 folds accents but has no stemming. On
other databases it is Wagtail's database backend unchanged.
"""

from functools import cache, reduce
from operator import or_

from django.db import connection
from modelsearch.query import PlainText
from wagtail.models import Locale

SIMPLE_CONFIG = "nasn_simple"
# Language code → the configuration with PostgreSQL's Snowball stemmer for it.
STEMMED_CONFIGS = {
    "ar": "nasn_arabic",
    "en": "nasn_english",
    "lt": "nasn_lithuanian",
    "pt": "nasn_portuguese",
    "ro": "nasn_romanian",
    "ru": "nasn_russian",
}
ALL_CONFIGS = (SIMPLE_CONFIG, *STEMMED_CONFIGS.values())
# SQLite's FTS5 has no field boosts: a word in a title counts this many times one in the body.
SQLITE_TITLE_WEIGHT = 10.0


def config_for_language(language_code):
    return STEMMED_CONFIGS.get((language_code or "").split("-")[0].lower(), SIMPLE_CONFIG)


class LanguageQuery(PlainText):
    """Plain words in a known language. Other backends treat it as a `PlainText` query."""

    def __init__(self, query_string, language_code, operator="and"):
        super().__init__(query_string, operator=operator)
        self.language_code = language_code

    def __repr__(self):
        return f"<LanguageQuery {self.query_string!r} language={self.language_code!r} operator={self.operator!r}>"


def SearchBackend(params):  # Wagtail looks up a backend module's `SearchBackend`
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # not the fallback for an SQLite without FTS5
            return _sqlite_backend_class()(params)
    return backend


@cache
def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler

    class TitleWeightedBM25(BM25):
        def as_sql(self, compiler, connection, function=None, template=None):
            # The FTS5 table's columns are (autocomplete, body, title); the autocomplete column
            # repeats the title, so it counts for nothing.
            sql, params = super().as_sql(compiler, connection)
            return f"{sql[:-1]}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT})", params

    class TitleWeightedQueryCompiler(SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            # Upstream scales the whole row's bm25 by the title's shortness, whether or not the
            # title matched, which put "Advice" and "News" above the pages that answer a query.
            return TitleWeightedBM25()

    class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = TitleWeightedQueryCompiler

    return TitleWeightedSQLiteSearchBackend


@cache
def _postgres_backend_class():
    # Imported here: the PostgreSQL backend module cannot be imported on other databases.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            # modelsearch's indexer takes its configuration from the backend: index each
            # language's objects through a copy of the backend set to that language.
            groups = {}
            for obj in objs:
                groups.setdefault(self.backend.config_for_object(obj), []).append(obj)
            for config, group in groups.items():
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            if isinstance(self.query, LanguageQuery):
                return config_for_language(self.query.language_code)
            return ALL_CONFIGS

        def build_tsquery(self, query, config=None):
            if not isinstance(config, tuple):
                return super().build_tsquery(query, config=config)
            queries = [super(LanguageQueryCompiler, self).build_tsquery(query, config=c) for c in config]
            return None if None in queries else reduce(or_, queries)

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
        index_class = LanguageIndex

        def __init__(self, params):
            super().__init__(params)
            self.config = SIMPLE_CONFIG
            self.autocomplete_config = SIMPLE_CONFIG  # prefixes of whole words, accents folded
            self._languages = None

        def with_config(self, config):
            backend = type(self).__new__(type(self))
            backend.__dict__.update(self.__dict__, config=config)
            return backend

        def config_for_object(self, obj):
            locale_id = getattr(obj, "locale_id", None)
            if locale_id is None:
                return SIMPLE_CONFIG
            if self._languages is None:
                self._languages = dict(Locale.objects.values_list("pk", "language_code"))
            return config_for_language(self._languages.get(locale_id))

    return LanguagePostgresSearchBackend
