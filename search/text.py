"""Turning what a visitor typed into search terms, and into something safe to log."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_LOGGED_LENGTH = 100

# Search needs words, not syntax: quotes, brackets and operators only break database
# full-text parsers (an unbalanced quote is an SQLite error).
NOT_WORD_CHARACTERS = re.compile(r"[^\w\s'’-]+")
EDGE_PUNCTUATION = "'’-_"

# Typed into a search box, these identify a person, so the log keeps only what is not personal.
EMAIL = re.compile(r"\S+@\S+")
# A full UK postcode: the outward code ("NR1", a district) is kept, the inward code dropped.
POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
# Six or more digits, however spaced: phone numbers, case, reference and account numbers.
LONG_NUMBER = re.compile(r"\+?\d(?:[\s().-]*\d){5,}")
# A National Insurance number, however spaced: "QQ 12 34 56 C".
NATIONAL_INSURANCE = re.compile(r"\b[A-Z]{2}\s*\d{2}\s*\d{2}\s*\d{2}\s*[A-D]?\b", re.IGNORECASE)
# Placeholders survive clean_query as words, then read as below in the report.
PLACEHOLDERS = {"xxemailxx": "[email]", "xxnumberxx": "[number]"}
# Any other word the site's pages do not use could be a name, a street or a registration: it is
# logged as this, keeping the query's shape ("[word] [word] farm") for the zero-results report.
UNKNOWN_WORD = "[word]"
# A district such as "nr1" or "pe30" (the outward code of a postcode) is kept: it names an area.
DISTRICT = re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?$")
# Numbers of up to three digits ("101", "999", "24") say little about anyone.
SHORT_NUMBER = re.compile(r"^[0-9]{1,3}$")
# Words too short or too common to be in the pages' vocabulary (which keeps words of 3+ letters)
# but that shape a query. Words of the site's own pages, in any language, are known anyway.
COMMON_WORDS = frozenset(
    """a an and are as at be by can do for from get go has have he her him his how i if in is it
    its me my near no not now of on or our she so that the their them they this to up us was we
    what when where which who why will with you your""".split()  # noqa: SIM905 -- a list of words
)


def clean_query(raw):
    """The words of a query, at most MAX_TERMS of them, without punctuation."""
    words = NOT_WORD_CHARACTERS.sub(" ", raw[:MAX_QUERY_LENGTH].replace("\x00", " ")).split()
    words = [word.strip(EDGE_PUNCTUATION) for word in words]
    return " ".join([word for word in words if word][:MAX_TERMS])


def fold(word):
    """Lower case without accents: "Prąca" → "praca", as the search backends compare words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def query_for_log(raw, known_words=frozenset()):
    """A query as the search log keeps it: lower case, plain words, nothing that identifies anyone.

    `known_words` are the folded words of the site's pages; other words become UNKNOWN_WORD.
    """
    text = raw[:MAX_QUERY_LENGTH]
    text = EMAIL.sub(" xxemailxx ", text)
    text = NATIONAL_INSURANCE.sub(" xxnumberxx ", text)
    text = POSTCODE.sub(r"\1", text)
    text = LONG_NUMBER.sub(" xxnumberxx ", text)
    words = [_loggable(word, known_words) for word in clean_query(text).lower().split()]
    return " ".join(words)[:MAX_LOGGED_LENGTH].strip()


def _loggable(word, known_words):
    if word in PLACEHOLDERS:
        return PLACEHOLDERS[word]
    folded = fold(word)
    if folded in known_words or folded in COMMON_WORDS or DISTRICT.match(folded) or SHORT_NUMBER.match(folded):
        return word
    # A plural or other short ending of a word the pages use ("passports", "wages").
    if len(folded) >= 5 and (folded[:-1] in known_words or (len(folded) >= 6 and folded[:-2] in known_words)):
        return word
    return UNKNOWN_WORD
