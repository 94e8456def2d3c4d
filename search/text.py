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
# Seven or more digits, however spaced: phone numbers, case and reference numbers.
LONG_NUMBER = re.compile(r"\+?\d(?:[\s().-]*\d){6,}")
# Placeholders survive clean_query as words, then read as below in the report.
PLACEHOLDERS = {"xxemailxx": "[email]", "xxnumberxx": "[number]"}


def clean_query(raw):
    """The words of a query, at most MAX_TERMS of them, without punctuation."""
    words = NOT_WORD_CHARACTERS.sub(" ", raw[:MAX_QUERY_LENGTH].replace("\x00", " ")).split()
    words = [word.strip(EDGE_PUNCTUATION) for word in words]
    return " ".join([word for word in words if word][:MAX_TERMS])


def fold(word):
    """Lower case without accents: "Prąca" → "praca", as the search backends compare words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def query_for_log(raw):
    """A query as the search log keeps it: lower case, plain words, nothing that identifies anyone."""
    text = raw[:MAX_QUERY_LENGTH]
    text = EMAIL.sub(" xxemailxx ", text)
    text = POSTCODE.sub(r"\1", text)
    text = LONG_NUMBER.sub(" xxnumberxx ", text)
    words = [PLACEHOLDERS.get(word, word) for word in clean_query(text).lower().split()]
    return " ".join(words)[:MAX_LOGGED_LENGTH].strip()
