"""Return the hand-written lexicons of this folder (suffixes, titles, surnames, industries), cached per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from zonekg.schema.errors import ConfigError

LEXICONS = ("zone_suffixes", "company_suffixes", "org_suffixes", "national_orgs", "titles", "industries", "surnames")


@lru_cache(maxsize=None)
def lexicon(name: str) -> tuple[str, ...]:
    """Return the entries of ``<name>.txt`` (comments and blank lines dropped), longest first."""
    if name not in LEXICONS:
        raise ConfigError(f"lexicon {name!r} is unknown; valid: {', '.join(LEXICONS)}")
    text = resources.files("zonekg.extractors.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return tuple(sorted(entries, key=lambda e: (-len(e), e)))


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Return (single-character surnames, two-character surnames)."""
    single: set[str] = set()
    double: set[str] = set()
    for entry in lexicon("surnames"):
        for word in entry.split():
            if len(word) == 2 and " " in entry:
                double.add(word)
            else:
                single.update(word)
    return frozenset(single), frozenset(double)
