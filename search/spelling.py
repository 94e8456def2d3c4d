"""Spelling correction for queries that find nothing, from the words of a locale's published pages.

Works the same on every database: the words come from the database backend's own index table
(its plain-text title and body columns), so a misspelled or unfinished word ("pasport",
"trafficing", "accomod") is replaced by the closest word that appears in that locale's live,
public pages. Words of drafts and private pages are never suggested.

The vocabulary is cached per locale under a key that changes whenever a page of the locale is
published, unpublished, deleted or made private, so it is rebuilt only after content changes.
With Elasticsearch or OpenSearch (README "Search") the index table is empty and nothing is
corrected.
"""

import re
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField, Count, Max, TextField
from django.db.models.functions import Cast
from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry

from .text import fold

VOCABULARY_CACHE_SECONDS = 24 * 60 * 60
MIN_WORD_LENGTH = 4  # shorter words are too ambiguous to respell or complete
# A word of letters only: numbers and codes are never "corrected".
WORD = re.compile(r"[^\W\d_]{3,}")


def _index_text_fields():
    # PostgreSQL keeps tsvectors in `title`/`body` and plain text in `title_text`/`body_text`;
    # SQLite and MySQL keep plain text in `title`/`body`.
    fields = {field.name: field for field in IndexEntry._meta.get_fields()}
    return [name for name in ("title_text", "body_text", "title", "body") if isinstance(fields.get(name), TextField)]


def _state_key(prefix, pages):
    """A cache key that changes whenever one of `pages` is published, unpublished, deleted or made private."""
    state = pages.aggregate(count=Count("pk"), latest=Max("last_published_at"))
    latest = state["latest"].timestamp() if state["latest"] else 0
    return f"{prefix}:{state['count']}:{latest}"


def vocabulary(locale):
    """{folded word: (word as written, occurrences)} and the same grouped by first letter."""
    pages = Page.objects.live().public().filter(locale=locale)
    key = _state_key(f"search-vocabulary:{locale.pk}", pages)
    words = cache.get(key)
    if words is None:
        words = _build_vocabulary(pages)
        cache.set(key, words, VOCABULARY_CACHE_SECONDS)
    return words


# The latest site-wide word set, kept in the process too: it is read on every logged search, and
# fetching it from a shared cache each time would move the whole set over the network.
_site_words = {}


def site_words():
    """The folded words of every live, public page in any language (what the search log may keep)."""
    key = _state_key("search-site-words", Page.objects.live().public())
    if key not in _site_words:
        words = cache.get(key)
        if words is None:
            words = frozenset(fold(word) for word in _word_counts(Page.objects.live().public()))
            cache.set(key, words, VOCABULARY_CACHE_SECONDS)
        _site_words.clear()
        _site_words[key] = words
    return _site_words[key]


def _word_counts(pages):
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    entries = IndexEntry.objects.filter(
        content_type__in=page_types,
        object_id__in=pages.annotate(text_id=Cast("pk", CharField())).values("text_id"),
    )
    counts = Counter()
    for texts in entries.values_list(*_index_text_fields()):
        counts.update(WORD.findall(" ".join(text for text in texts if text)))
    return counts


def _build_vocabulary(pages):
    counts = _word_counts(pages)
    by_folded = {}
    for word, count in counts.most_common():  # the most common spelling of a word wins
        folded = fold(word)
        if folded in by_folded:
            by_folded[folded][1] += count
        else:
            by_folded[folded] = [word.lower() if word[1:].islower() else word, count]
    by_letter = defaultdict(list)
    for folded, (word, count) in by_folded.items():
        by_letter[folded[0]].append((folded, word, count))
    return {"words": {folded: tuple(entry) for folded, entry in by_folded.items()}, "by_letter": dict(by_letter)}


def _distance(a, b, limit):
    """Optimal string alignment distance (typos: one letter wrong, missing, extra or swapped).

    Stops early, returning limit + 1, once the distance must exceed `limit`.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _closest(folded, candidates):
    limit = 1 if len(folded) <= 5 else 2
    best, best_key = None, None
    for candidate, word, count in candidates:
        score = _distance(folded, candidate, limit)
        if len(candidate) > len(folded):
            # An unfinished word: the beginning of the longer word, with at most one typo.
            partial = min(_distance(folded, candidate[:length], 1) for length in (len(folded), len(folded) + 1))
            if partial <= 1:
                score = min(score, partial + 0.5)
        if score <= limit and (best_key is None or (score, -count) < best_key):
            best, best_key = word, (score, -count)
    return best


def correct(terms, locale):
    """`terms` with unknown words replaced by the closest words of the locale, or None."""
    known = vocabulary(locale)
    corrected = []
    for term in terms.split():
        folded = fold(term)
        if folded in known["words"] or len(folded) < MIN_WORD_LENGTH or not folded.isalpha():
            corrected.append(term)
            continue
        # Typos rarely touch the first letter: only words that share it are compared.
        corrected.append(_closest(folded, known["by_letter"].get(folded[0], ())) or term)
    suggestion = " ".join(corrected)
    return suggestion if fold(suggestion) != fold(terms) else None
