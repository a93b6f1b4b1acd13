"""Join lines that a PDF text layer broke inside a sentence, as deletions of the line breaks."""

from __future__ import annotations

import re
from statistics import median

from zonekg.extractors.normalize.offsets import Edit

# A line that ends a sentence or a clause introduction is never joined to the next.
_ENDS = re.compile(r"[。！？!?；;：:…”』」)）]\s*$")
# A next line that opens a list item or a numbered heading starts a new paragraph.
_OPENS = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]|第[一二三四五六七八九十\d]+[章节条篇部]|[-•·*])")
_CJK_START = re.compile(r"^\s*[\u3400-\u9fff\d“《]")
# A line at least this share of the typical full line length was broken by the layout.
FULL_LINE_SHARE = 0.8
MIN_LINES = 5  # too few lines to know what a full line is


def unwrap_edits(text: str) -> list[Edit]:
    """Return deletions of line breaks that fall inside a sentence of hard-wrapped text."""
    lines = text.split("\n")
    lengths = [len(line.strip()) for line in lines if line.strip()]
    if len(lengths) < MIN_LINES:
        return []
    full = median(lengths) * FULL_LINE_SHARE
    edits: list[Edit] = []
    pos = 0
    for line, following in zip(lines, lines[1:]):
        pos += len(line)
        body = line.strip()
        if (body and len(body) >= full and not _ENDS.search(body) and _CJK_START.match(following)
                and not _OPENS.match(following)):
            edits.append(Edit(pos, pos + 1))  # the "\n" after this line
        pos += 1
    return edits
