"""Demo translations, not yet checked by a native speaker."""

STRINGS = {"Cover your tracks": "X-ar", "Get help now": "G-ar"}
