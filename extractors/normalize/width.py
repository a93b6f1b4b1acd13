"""Full-width → half-width folding, document-number brackets and whitespace runs, as edits."""

from __future__ import annotations

import re

from zonekg.extractors.normalize.offsets import Edit

# Full-width ASCII (！ … ～) and the ideographic space fold to ASCII, as the scoring's
# NFKC does; the corpus and its gold already write , : ( ) half-width. Chinese
# punctuation without an ASCII twin (。、“”《》) stays. Tortoise-shell brackets
# around document-number years (〔2015〕) become [ ] like the scoring's folding.
FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x3014: ord("["), 0x3015: ord("]"), 0x3010: ord("["), 0x3011: ord("]")})

# A document number whose brackets were lost to a code-page round trip:
# 潜政发?2008?18号 → 潜政发[2008]18号.
_LOST_BRACKETS = re.compile(r"(?<=[\u3400-\u9fff])[?？�](\d{4})[?？�](?=第?\d{1,5}号)")

# Runs of horizontal space become one space; spaces at line ends go; three or
# more line breaks (blank-line runs) become one blank line.
_SPACE_RUN = re.compile(r"[ \t\f\v]{2,}")
_LINE_EDGE = re.compile(r"^[ \t\f\v]+|[ \t\f\v]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n(?:[ \t\f\v]*\n){2,}")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


_NEEDS_FOLDING = re.compile("[" + "".join(chr(c) for c in sorted(FOLD)) + "]")


def width_edits(text: str) -> list[Edit]:
    """Return one equal-length edit folding full-width ASCII and 〔〕, or none when nothing folds."""
    if not _NEEDS_FOLDING.search(text):
        return []  # the common case, and a regex scan is far cheaper than translate()
    folded = text.translate(FOLD)
    return [] if folded == text else [Edit(0, len(text), folded)]


def bracket_edits(text: str) -> list[Edit]:
    """Return edits restoring ``[year]`` in document numbers whose brackets became ``?``."""
    return [Edit(m.start(), m.end(), f"[{m.group(1)}]") for m in _LOST_BRACKETS.finditer(text)]


def whitespace_edits(text: str) -> list[Edit]:
    """Return edits that trim line edges, collapse space runs and blank-line runs, drop zero-width marks."""
    edits = [Edit(m.start(), m.end()) for m in _ZERO_WIDTH.finditer(text)]
    edits += [Edit(m.start(), m.end()) for m in _LINE_EDGE.finditer(text)]
    edits += [Edit(m.start() + 1, m.end()) for m in _SPACE_RUN.finditer(text)]
    edits += [Edit(m.start() + 1, m.end() - 1) for m in _BLANK_RUN.finditer(text)]
    return _disjoint(sorted(edits))


def edge_edits(text: str) -> list[Edit]:
    """Return edits that remove leading and trailing whitespace of the whole text."""
    stripped = text.strip()
    if not stripped:
        return [Edit(0, len(text))] if text else []
    start = text.index(stripped[0])
    end = start + len(stripped)
    edits = []
    if start:
        edits.append(Edit(0, start))
    if end < len(text):
        edits.append(Edit(end, len(text)))
    return edits


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """Merge overlapping deletions (the patterns above can touch the same spaces)."""
    out: list[Edit] = []
    for edit in edits:
        if out and edit.start < out[-1].end:
            last = out[-1]
            out[-1] = Edit(last.start, max(last.end, edit.end))
        else:
            out.append(edit)
    return out
