"""Cheap evidence counting for the signatures that switch a step on."""

from __future__ import annotations

import re
from itertools import islice


def has_matches(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Return True when ``pattern`` matches ``text`` at least ``count`` times, stopping as soon as it has."""
    return sum(1 for _ in islice(pattern.finditer(text), count)) >= count
