"""Search latency on a large generated site, on PostgreSQL (BENCHMARKS.md).

Builds a site of about 10,500 live pages in all 15 locales (advice, news, services and standard
pages with realistic lengths of text) in an EMPTY database, indexes it, then times the search
page (/<language>/search/?q=…, rendered by the real view and template, including the search log
write) and the suggestion endpoint for a mix of queries, and prints p50/p95/p99.

    createdb -h 127.0.0.1 -U postgres nasn_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nasn_bench .venv/bin/python benchmarks/search_latency.py
    dropdb -h 127.0.0.1 -U postgres nasn_bench

--reuse measures an already generated database again; --generate-only builds the site and stops;
--add-to-existing-site adds the pages to a site already there (benchmarks/load.py --large adds them
to the demo site, so that the same pages can be measured at both sizes). Generation shows its
progress and runs in one transaction: Ctrl-C leaves the database as it was, ready for another run.
Not part of the test suite.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nasn.settings.test")  # DEBUG off, locmem cache

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from advice.models import AdviceIndexPage, AdvicePage  # noqa: E402
from directory.models import Area, DirectoryIndexPage, ServiceCategory, ServicePage  # noqa: E402
from home.models import HomePage, StandardPage  # noqa: E402
from home.progress import Interrupted, progress  # noqa: E402
from news.models import NewsIndexPage, NewsPage  # noqa: E402
from search.results import SiteSearch  # noqa: E402
from search.text import clean_query  # noqa: E402

ENGLISH_PAGES = 3000
PAGES_PER_OTHER_LOCALE = 540  # x 14 locales
RUNS = 3  # timed passes over the query list

# The site's own words, most frequent first, spread through a Zipf-distributed vocabulary of
# made-up words: "work" is in about half the English pages, "eviction" in a few percent.
DOMAIN_TEXT = (
    "work help rights police passport money employer house family advice safe agency wages support "
    "children report farm documents language doctor visa hours food contract factory rent bank "
    "debt interpreter helpline asylum immigration forced labour threat control school shelter "
    "transport clinic housing job benefits legal court council victim care community church hotel "
    "accommodation exploitation trafficking modern slavery packhouse identity fear account status "
    "overtime payslip landlord solicitor volunteer training network partner referral mechanism "
    "safeguarding concern anonymous recruitment classes crimestoppers nail car wash eviction"
)
DOMAIN_WORDS = DOMAIN_TEXT.split()
COMMON_TEXT = "the a of to and in is you your for it can be are with this that on or if not they do"
COMMON = COMMON_TEXT.split()
VOCABULARY_SIZE = 4000
# Other languages: the same words, each language's own ending.
SUFFIXES = {
    "pl": "a", "lt": "ų", "ro": "ul", "pt": "ão", "lv": "ie", "bg": "ът", "sq": "ës",
    "vi": "ai", "ti": "ን", "ar": "ة", "so": "ka", "fa": "ی", "uk": "ів", "ru": "ом",
}  # fmt: skip


def english_vocabulary(rng):
    syllables = [consonant + vowel for consonant in "bcdfghklmnprstvz" for vowel in "aeiou"]
    made_up = set()
    while len(made_up) < VOCABULARY_SIZE:
        made_up.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    vocabulary = sorted(made_up)
    rng.shuffle(vocabulary)
    step = (2000 - 50) // len(DOMAIN_WORDS)
    for position, word in enumerate(DOMAIN_WORDS):  # ranks 50 to 2000
        vocabulary.insert(50 + position * step, word)
    return vocabulary


def pool_for(language_code, vocabulary):
    if language_code == "en":
        return vocabulary
    return [word + SUFFIXES[language_code] for word in vocabulary]


ZIPF = list(accumulate(1 / rank for rank in range(1, VOCABULARY_SIZE + len(DOMAIN_WORDS) + 1)))

QUERIES = {
    "en": [
        ("one common word", "work"),
        ("one common word", "passport"),
        ("two words", "forced labour"),
        ("three words", "help with rent"),
        ("a rarer word", "eviction"),
        ("misspelled", "pasport"),
        ("unfinished", "accomod"),
        ("natural language", "i need help with my passport please"),
        ("nothing to find", "zzyzzx"),
    ],
    "pl": [("one word", "worka"), ("two words", "passporta employera"), ("an English word", "passport")],
    "ar": [("one word", "workة"), ("nothing to find", "zzyzzx")],
    "vi": [("one word", "workai"), ("misspelled", "pasportai")],
}
SUGGESTIONS = [("en", "pas"), ("en", "forced lab"), ("pl", "wor"), ("ar", "pass")]


def words(pool, rng, count):
    chosen = rng.choices(pool, cum_weights=ZIPF, k=count)
    return " ".join(rng.choice(COMMON) if rng.random() < 0.35 else word for word in chosen)


def sentence(pool, rng, count):
    text = words(pool, rng, count)
    return text[:1].upper() + text[1:] + "."


def body(pool, rng, paragraphs):
    return [
        ("text", "<p>" + " ".join(sentence(pool, rng, rng.randint(8, 18)) for _ in range(5)) + "</p>")
        for _ in range(paragraphs)
    ]


def generate(out=sys.stdout):
    """Create the pages in one transaction: Ctrl-C leaves the database as empty as it was."""
    total = ENGLISH_PAGES + PAGES_PER_OTHER_LOCALE * len(SUFFIXES)
    on_interrupt = "Nothing was kept (one transaction): run it again."
    with (
        progress(out, "Generating pages", total, unit="pages", counts=("created",), on_interrupt=on_interrupt) as job,
        transaction.atomic(),
    ):
        _generate(job)
    out.write(job.summary() + "\n")
    return job.counts["created"]


def _generate(job):
    rng = random.Random(20261127)
    vocabulary = english_vocabulary(rng)
    root = Page.get_first_root_node()
    english_home = HomePage.objects.get(locale__language_code="en", depth=2)
    english = english_home.locale
    category, _ = ServiceCategory.objects.get_or_create(slug="advice", locale=english, defaults={"name": "Advice"})
    area, _ = Area.objects.get_or_create(slug="norwich", locale=english, defaults={"name": "Norwich"})
    today = date.today()
    now = timezone.now()
    locales = list(Locale.objects.order_by("pk"))
    assert {locale.language_code for locale in locales} == {"en", *SUFFIXES}
    for locale in locales:
        code = locale.language_code
        pool = pool_for(code, vocabulary)
        total = ENGLISH_PAGES if code == "en" else PAGES_PER_OTHER_LOCALE
        # On an existing site (the demo's, for benchmarks/load.py --large) its homes and sections take the pages.
        home = HomePage.objects.filter(locale=locale, depth=2).first() or root.add_child(
            instance=HomePage(
                title=f"Home {code}", slug=f"home-{code}", locale=locale, translation_key=english_home.translation_key
            )
        )
        sections = {
            kind: model.objects.child_of(home).first()
            or home.add_child(instance=model(title=f"{kind.title()} {code}", slug=kind, locale=locale))
            for kind, model in (("advice", AdviceIndexPage), ("news", NewsIndexPage), ("services", DirectoryIndexPage))
        }
        # Advice 40%, services 30%, news 20%, standard pages 10%.
        for number in range(total):
            kind = rng.choices(["advice", "services", "news", "standard"], weights=[4, 3, 2, 1])[0]
            fields = {
                "title": sentence(pool, rng, rng.randint(3, 7))[:-1],
                "slug": f"generated-{kind}-{number}",
                "summary": sentence(pool, rng, rng.randint(12, 25)),
                "locale": locale,
                "live": True,
                "first_published_at": now,
                "last_published_at": now,
            }
            if kind == "advice":
                page = AdvicePage(**fields, body=body(pool, rng, rng.randint(3, 8)), last_reviewed=today)
            elif kind == "news":
                page = NewsPage(**fields, body=body(pool, rng, rng.randint(2, 5)), date=today)
            elif kind == "services":
                page = ServicePage(
                    **fields,
                    description="<p>" + sentence(pool, rng, 40) + "</p>",
                    who_for=sentence(pool, rng, 15),
                    phone="01603 000000",
                    last_verified=today,
                    categories=[category],
                    areas=[area],
                )
            else:
                page = StandardPage(**fields, body=body(pool, rng, rng.randint(2, 6)))
            parent = home if kind == "standard" else sections[kind]
            parent.add_child(instance=page)
            job.advance(created=1)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(client, url, params, runs):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    return timings


def measure_search(locale, query, runs):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        site_search = SiteSearch(query, clean_query(query), locale)
        list(site_search.run(None).object_list)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


TABLE_HEAD = "| query | runs | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|"


def report(label, timings):
    print(
        f"| {label} | {len(timings)} | {statistics.median(timings):.1f} | {percentile(timings, 0.95):.1f} "
        f"| {percentile(timings, 0.99):.1f} | {max(timings):.1f} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reuse", action="store_true", help="measure an already generated database")
    parser.add_argument("--generate-only", action="store_true", help="build and index the site, measure nothing")
    parser.add_argument(
        "--add-to-existing-site", action="store_true", help="add the pages to the site already in the database"
    )
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this against PostgreSQL: set DATABASE_URL=postgres://…/nasn_bench")

    call_command("migrate", verbosity=0)
    existing = Page.objects.filter(depth__gt=2).count()
    if existing and not (options.reuse or options.add_to_existing_site):
        sys.exit(f"The database already has {existing} pages: use an empty database, or --reuse to measure it.")
    if not options.reuse:
        print("Generating pages (search index updates off)…", flush=True)
        backends = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            generate()
        print("Indexing…", flush=True)
        start = time.perf_counter()
        try:
            call_command("update_index", verbosity=0)
        except KeyboardInterrupt:
            sys.exit("Interrupted while indexing: run `manage.py update_index`, then this script with --reuse.")
        print(f"Indexed in {time.perf_counter() - start:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM wagtailcore_page WHERE live")
        pages = cursor.fetchone()[0]
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('wagtailsearch_indexentry'))")
        index_size = cursor.fetchone()[0]
    print(f"\n{pages} live pages; search index table {index_size}; PostgreSQL {connection.pg_version // 10000}\n")
    if options.generate_only:
        return

    client = Client()
    cold = {}
    for language, cases in QUERIES.items():  # first searches fill the caches (vocabulary, site root)
        for _category, query in cases:
            cold[(language, query)] = measure(client, f"/{language}/search/", {"q": query}, 1)[0]

    print("Search only: `SiteSearch.run()` and its queries, no page rendering (ms)\n")
    print(TABLE_HEAD)
    searches = []
    for language, cases in QUERIES.items():
        locale = Locale.objects.get(language_code=language)
        for category, query in cases:
            timings = measure_search(locale, query, RUNS * 5)
            searches += timings
            report(f"`{language}` {category}: “{query}”", timings)
    report("**all searches**", searches)

    print("\nWhole search page: the view, template, site header and footer, and the search log write (ms)\n")
    print(TABLE_HEAD)
    report("`/en/search/` with no query (page without search)", measure(client, "/en/search/", {}, RUNS * 5))
    pages = []
    for language, cases in QUERIES.items():
        for category, query in cases:
            timings = measure(client, f"/{language}/search/", {"q": query}, RUNS * 5)
            pages += timings
            report(f"`/{language}/` {category}: “{query}”", timings)
    report("**all search pages**", pages)
    suggestions = []
    for language, query in SUGGESTIONS:
        suggestions += measure(client, f"/{language}/search/suggest/", {"q": query}, RUNS * 5)
    report("**suggestions** (JSON endpoint)", suggestions)
    cold = list(cold.values())
    print(f"\nFirst (cold) search page of each query, ms: median {statistics.median(cold):.0f}, max {max(cold):.0f}")


if __name__ == "__main__":
    try:
        main()
    except Interrupted as interrupted:
        sys.exit(f"Interrupted: {interrupted}")
    except KeyboardInterrupt:
        sys.exit("Interrupted.")  # while measuring: nothing to undo
