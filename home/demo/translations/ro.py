"""Demo translations, not yet checked by a native speaker."""

STRINGS = {"Cover your tracks": "X-ro", "Get help now": "G-ro"}
