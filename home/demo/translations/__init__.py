"""Demo translations of the key pages and the snippets visitors see, as plain data.

One module per language (`pl`, `ro`, `ar`, `ti`), each a dict `STRINGS` from the exact English
segment text wagtail-localize extracts to its translation. Rich-text segments keep their inline
markup (`<b>`, `<a id="a1">`) and HTML entities (`&amp;`) exactly as in the English text.

`loader.load_demo_translations` feeds them through wagtail-localize, as the admin's "Translate"
does. None of these translations has been checked by a native speaker yet: every translated page
carries an admin comment saying so.
"""

import importlib

LANGUAGES = ("pl", "ro", "ar", "ti")


def strings_for(language_code):
    """The `STRINGS` dict of one language module."""
    return importlib.import_module(f"{__name__}.{language_code}").STRINGS
