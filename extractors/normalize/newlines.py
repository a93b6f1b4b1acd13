"""Line-break unification as edits: ``\\r\\n`` and lone ``\\r`` (and Unicode separators) become ``\\n``."""

from __future__ import annotations

import re

from zonekg.extractors.normalize.offsets import Edit

_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def newline_edits(text: str) -> list[Edit]:
    """Return edits replacing every non-``\\n`` line break with ``\\n``."""
    return [Edit(m.start(), m.end(), "\n") for m in _BREAKS.finditer(text)]
