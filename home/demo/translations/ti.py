"""Demo translations, not yet checked by a native speaker."""

STRINGS = {"Cover your tracks": "X-ti", "Get help now": "G-ti"}
