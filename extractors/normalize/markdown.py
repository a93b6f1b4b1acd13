"""Markdown markup (headings, emphasis, links, images, quotes, rules, tables) as edits, keeping the words."""

from __future__ import annotations

import re

from zonekg.extractors.normalize.offsets import Edit

# Bounded lengths: an unclosed "](" must not make the scan quadratic on a long line.
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)")
_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_CODE = re.compile(r"`([^`\n]+)`")
# A table is recognised by its separator row (|---|:--:|); its rows become tab-separated lines.
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*(?:\n|$)", re.MULTILINE)


def markdown_edits(text: str) -> list[Edit]:
    """Return deletions of Markdown markup; link and emphasis text stays, images and rules go."""
    edits = [Edit(m.start(), m.end()) for m in _IMAGE.finditer(text)]
    edits += [Edit(m.start(), m.end()) for m in _RULE.finditer(text)]
    edits += _table_edits(text)
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


def _table_edits(text: str) -> list[Edit]:
    """Return edits that delete a table's separator row and turn its cell bars into tabs."""
    edits: list[Edit] = []
    for rule in _TABLE_RULE.finditer(text):
        edits.append(Edit(rule.start(), rule.end()))
        # The header row sits just above the separator, body rows follow it.
        header_end = rule.start() - 1
        header_start = text.rfind("\n", 0, max(header_end, 0)) + 1
        rows = [(header_start, header_end)] if header_end > 0 and "|" in text[header_start:header_end] else []
        pos = rule.end()
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if "|" not in text[pos:end] or not text[pos:end].strip():
                break
            rows.append((pos, end))
            pos = end + 1
        for start, end in rows:
            edits += _row_edits(text, start, end)
    return edits


def _row_edits(text: str, start: int, end: int) -> list[Edit]:
    """Return edits for one table row: outer bars go, inner bars become tabs."""
    line = text[start:end]
    body_start = start + len(line) - len(line.lstrip(" \t"))
    body_end = start + len(line.rstrip(" \t"))
    edits: list[Edit] = []
    lead = body_start
    if text.startswith("|", body_start):
        lead = body_start + 1
        while lead < body_end and text[lead] in " \t":
            lead += 1
        edits.append(Edit(start, lead))
    trail = body_end
    if body_end > lead and text[body_end - 1] == "|":
        trail = body_end - 1
        while trail > lead and text[trail - 1] in " \t":
            trail -= 1
        edits.append(Edit(trail, end))
    pos = text.find("|", lead, trail)
    while pos >= 0:
        a, b = pos, pos + 1
        while a > lead and text[a - 1] in " \t":
            a -= 1
        while b < trail and text[b] in " \t":
            b += 1
        edits.append(Edit(a, b, "\t"))
        pos = text.find("|", b, trail)
    return edits


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    """Keep the first of overlapping deletions (an image inside a link, a mark inside a rule)."""
    out: list[Edit] = []
    for edit in edits:
        if out and edit.start < out[-1].end:
            if edit.end > out[-1].end and not edit.text and not out[-1].text:
                out[-1] = Edit(out[-1].start, edit.end)
            continue
        out.append(edit)
    return out
