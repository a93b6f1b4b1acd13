"""Markdown markup (headings, emphasis, links, images, quotes, rules) as deletions, keeping the words."""

from __future__ import annotations

import re

from zonekg.extractors.normalize.offsets import Edit

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_CODE = re.compile(r"`([^`\n]+)`")


def markdown_edits(text: str) -> list[Edit]:
    """Return deletions of Markdown markup; link and emphasis text stays, images and rules go."""
    edits = [Edit(m.start(), m.end()) for m in _IMAGE.finditer(text)]
    edits += [Edit(m.start(), m.end()) for m in _RULE.finditer(text)]
    edits += [Edit(m.start(), m.end()) for m in _LINE_MARK.finditer(text)]
    for m in _LINK.finditer(text):
        edits.append(Edit(m.start(), m.start() + 1))  # "["
        edits.append(Edit(m.end(1), m.end()))  # "](url)"
    for pattern in (_EMPHASIS, _CODE):
        for m in pattern.finditer(text):
            inner_start, inner_end = m.span(2 if pattern is _EMPHASIS else 1)
            edits.append(Edit(m.start(), inner_start))
            edits.append(Edit(inner_end, m.end()))
    return _drop_overlaps(sorted(edits))


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    """Keep the first of overlapping deletions (an image inside a link, a mark inside a rule)."""
    out: list[Edit] = []
    for edit in edits:
        if out and edit.start < out[-1].end:
            if edit.end > out[-1].end:
                out[-1] = Edit(out[-1].start, edit.end)
            continue
        out.append(edit)
    return out
