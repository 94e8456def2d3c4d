"""Demo translations, not yet checked by a native speaker."""

STRINGS = {"Cover your tracks": "X-pl", "Get help now": "G-pl"}
