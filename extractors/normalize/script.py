"""Traditional → Simplified conversion with OpenCC, applied only to Traditional-looking texts."""

from __future__ import annotations

import re
from functools import lru_cache

from zonekg.extractors.normalize.offsets import Edit

_CJK = re.compile(r"[\u3400-\u9fff]")
# Share of CJK characters that t2s changes above which a text counts as Traditional.
# Simplified texts score ~0 (only rare variants such as 著/乾 change); Traditional
# texts score 0.15 and more.
TRADITIONAL_RATIO = 0.03
# Characters that OpenCC's t2s rewrites although Simplified texts use them too:
# place and family names (乾县, 於), and words such as 瞭望, 狼藉, 甦醒.
_ALSO_SIMPLIFIED = "乾於瞭藉徵夥祇甦馀"


@lru_cache(maxsize=1)
def _converter():
    import opencc  # the C++ binding; imported on first use to keep start-up fast

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return ``text`` converted by OpenCC's t2s configuration."""
    return _converter().convert(text)


# The script decision is per document: a sample of this many characters is enough.
SAMPLE_CHARS = 50_000


def traditional_ratio(text: str, converted: str | None = None) -> float:
    """Return the share of CJK characters that Traditional→Simplified conversion changes (on a sample)."""
    if len(text) > SAMPLE_CHARS:
        text = text[:SAMPLE_CHARS]
        converted = None  # a phrase rule may straddle the cut: convert the sample itself
    converted = to_simplified(text) if converted is None else converted
    cjk = len(_CJK.findall(text))
    if not cjk:
        return 0.0
    if len(converted) != len(text):
        converted = "".join(to_simplified(ch) for ch in text)  # per character keeps alignment
    changed = sum(map(str.__ne__, text, converted))
    # Characters that are also standard Simplified (乾县, 於家村) do not make a text Traditional.
    changed -= sum(text.count(ch) for ch in _ALSO_SIMPLIFIED)
    return max(0, changed) / cjk


def simplified_edits(text: str) -> list[Edit]:
    """Return edits turning a Traditional text Simplified; none for a text that is already Simplified."""
    converted = to_simplified(text)
    if converted == text or traditional_ratio(text, converted) < TRADITIONAL_RATIO:
        return []
    if len(converted) == len(text):
        # One equal-length replacement: aligned character by character, so the
        # offset map stays empty.
        return [Edit(0, len(text), converted)]
    # Rare: a phrase rule changed the length. Convert line by line so that only the
    # affected lines become whole-line replacements in the offset map.
    edits: list[Edit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        new = to_simplified(line)
        if new != line:
            edits.append(Edit(pos, pos + len(line), new))
        pos += len(line)
    return edits

