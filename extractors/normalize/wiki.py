"""MediaWiki markup as offset-keeping edits: markup, references, files and categories go, the words stay.

- ``== 标题 ==`` → 标题; ``'''粗体'''`` → 粗体; ``[[链接|显示]]`` → 显示; ``[[链接]]`` → 链接;
  ``[http://… 文字]`` → 文字; list marks (``* # : ;``) at line start go.
- ``<ref>…</ref>``, comments, ``<gallery>``, ``[[File:…]]``/``[[文件:…]]`` and
  ``[[Category:…]]``/``[[分类:…]]`` are dropped whole.
- A multi-line template at the top level with ``|key = value`` parameters (an
  infobox) becomes ``key:value`` lines: an infobox's 名称/所在地/成立时间 carry
  facts. Every other template (citations, language marks, navigation) is dropped.
- Tables ``{| … |}`` become one line per row, cells separated by tabs.
- Interlanguage link templates keep their Chinese name (``{{link-en|某某开发区|…}}``
  → 某某开发区); conversion markup keeps the Simplified variant
  (``-{zh-hans:开发区;zh-hant:開發區}-`` → 开发区).
- Sections that list references, notes, links and related articles (参考文献,
  注释, 外部链接, 参见 …) go with their heading.

Only edits: every character kept maps back to its raw character, and the few
characters written (``:`` for ``=``, a tab between cells, a line break for
``<br>``) map back to the markup they replace.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from html import unescape

from zonekg.extractors.normalize.offsets import Edit

# A reference runs to its own </ref>: an unclosed <ref> does not swallow the text up to the next one.
_DROPPED = re.compile(r"<!--.*?-->|<ref\b[^>]*?/>|<ref\b[^>]*>(?:(?!<ref\b|</ref).)*</ref\s*>"
                      r"|<gallery\b[^>]*>.*?</gallery\s*>|</?ref\b[^>]*>"
                      r"|<references\s*/>|__[A-Z]{3,}__", re.DOTALL | re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?(?:small|big|sup|sub|span|div|center|font|u|s|del|ins|nowiki|poem|blockquote|p|b|i|code|"
                  r"references)\b[^>\n]*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|amp|lt|gt|quot|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_HEADING = re.compile(r"^(={2,6})[ \t]*([^=\n](?:.*?[^=\n])?)[ \t]*\1[ \t]*$", re.MULTILINE)
_QUOTES = re.compile(r"'{2,5}")
_EXTERNAL = re.compile(r"\[(?:https?:|ftp:)?//[^\s\]]+(?:[ \t]+([^\]\n]*))?\]")
_LIST_MARK = re.compile(r"^[*#:;]+[ \t]*", re.MULTILINE)
_RULE = re.compile(r"^-{4,}[ \t]*$", re.MULTILINE)
# Templates that render one of their parameters as a link: the parameter kept (1-based).
_LINK_TEMPLATES = {"le": 1, "ill": 1, "illm": 1, "link": 1, "tsl": 3, "internal link helper": 1}
_CONVERT = re.compile(r"-\{([^{}\n]*)\}-")
_VARIANT = re.compile(r"(zh(?:-[a-z]{2,4})?)\s*:\s*([^;]*)")
_VARIANT_ORDER = ("zh-cn", "zh-hans", "zh", "zh-sg", "zh-my")
_END_SECTIONS = re.compile(r"^(?:参考文献|参考资料|参考来源|參考文獻|參考資料|注释|注釋|脚注|腳註|外部链接|外部連結|參見|参见|"
                           r"相关条目|相關條目|延伸阅读|延伸閱讀|扩展阅读)$")
_BRACKETS = re.compile(r"\{\{|\}\}|\[\[|\]\]")
# Links to media and categories render as nothing (or a picture) in the article.
_MEDIA_LINK = re.compile(r":?\s*(?:file|image|media|category|文件|檔案|图像|圖像|图片|分类|分類|媒体)\s*:", re.IGNORECASE)
_IMAGE_VALUE = re.compile(r"\.(?:jpe?g|png|gif|svg|tiff?|webp)\s*$", re.IGNORECASE)
_TABLE_START = re.compile(r"^[ \t]*\{\|.*(?:\n|$)", re.MULTILINE)
_TABLE_END = re.compile(r"^[ \t]*\|\}.*(?:\n|$)", re.MULTILINE)
# A cell's attributes before its content: | style="…" | 内容.
_CELL_ATTRS = re.compile(r"[^|\n]*=\s*\"[^\"\n]*\"[^|\n]*\|(?!\|)")


def wiki_edits(text: str) -> list[Edit]:
    """Return the edits that turn MediaWiki markup into plain lines (see the module docstring)."""
    dropped = [(m.start(), m.end()) for m in _DROPPED.finditer(text)]
    edits: list[Edit] = [Edit(s, e) for s, e in dropped]
    edits += _bracket_edits(text, dropped)
    edits += [Edit(m.start(), m.end(), "\n") for m in _BREAK.finditer(text)]
    edits += [Edit(m.start(), m.end()) for m in _TAG.finditer(text)]
    edits += [Edit(m.start(), m.end(), _entity(m.group())) for m in _ENTITY.finditer(text)]
    for m in _HEADING.finditer(text):
        edits.append(Edit(m.start(), m.start(2)))
        edits.append(Edit(m.end(2), m.end()))
    edits += [Edit(m.start(), m.end()) for m in _QUOTES.finditer(text)]
    for m in _EXTERNAL.finditer(text):
        if m.group(1) and m.group(1).strip():
            edits.append(Edit(m.start(), m.start(1)))
            edits.append(Edit(m.end(1), m.end()))
        else:
            edits.append(Edit(m.start(), m.end()))
    edits += [Edit(m.start(), m.end()) for m in _RULE.finditer(text)]
    edits += _table_edits(text)
    edits += _conversion_edits(text)
    edits += _end_section_edits(text)
    # List marks last: a table row or heading starting with "#" was handled above.
    edits += [Edit(m.start(), m.end()) for m in _LIST_MARK.finditer(text) if m.end() > m.start()]
    return _resolve(edits)


def _entity(entity: str) -> str:
    value = unescape(entity)
    return " " if value in ("\xa0", "\u2002", "\u2003", "\u2009") else value


def _bracket_pairs(text: str, dropped: list[tuple[int, int]]) -> list[tuple[int, int, str, int]]:
    """Return matched ``{{ }}`` and ``[[ ]]`` pairs as ``(start, end, opener, depth)``, outside dropped spans.

    A closer matches the nearest open pair of its kind; openers of the other
    kind left open inside it are plain text. One stack per kind keeps this
    linear even for a text of thousands of unclosed brackets.
    """
    stacks: dict[str, list[int]] = {"{{": [], "[[": []}
    pairs: list[tuple[int, int, str, int]] = []
    k = 0
    for m in _BRACKETS.finditer(text):
        while k < len(dropped) and dropped[k][1] <= m.start():
            k += 1
        if k < len(dropped) and dropped[k][0] <= m.start():
            continue  # inside a comment or a reference
        token = m.group()
        if token in stacks:
            stacks[token].append(m.start())
            continue
        opener = "{{" if token == "}}" else "[["
        other = stacks["[[" if opener == "{{" else "{{"]
        own = stacks[opener]
        if not own:
            continue  # a closer with nothing open is plain text
        start = own.pop()
        while other and other[-1] > start:
            other.pop()
        pairs.append((start, m.end(), opener, len(own) + len(other)))
    return sorted(pairs)


def _bracket_edits(text: str, dropped: list[tuple[int, int]]) -> list[Edit]:
    """Return edits for links, media links and templates (infoboxes become ``key:value`` lines)."""
    pairs = _bracket_pairs(text, dropped)
    edits: list[Edit] = []
    for start, end, opener, depth in pairs:
        inner = text[start + 2:end - 2]
        if opener == "[[":
            if _MEDIA_LINK.match(inner):
                edits.append(Edit(start, end))
                continue
            bar = inner.find("|")
            label_start = start + 2 + bar + 1 if bar >= 0 and inner[bar + 1:].strip() else start + 2
            if bar >= 0 and label_start == start + 2:
                edits.append(Edit(start + 2 + bar, end - 2))  # [[目标|]]: the target is shown
            edits.append(Edit(start, label_start))
            edits.append(Edit(end - 2, end))
        elif _link_template(inner):
            edits += _link_template_edits(text, start, end, pairs)
        elif depth == 0 and "\n" in inner and _is_infobox(text, start, end, pairs):
            edits += _infobox_edits(text, start, end, pairs)
        else:
            edits.append(Edit(start, end))
    return edits


def _link_template(inner: str) -> bool:
    name = inner.split("|", 1)[0].strip().lower()
    return name in _LINK_TEMPLATES or name.startswith("link-")


def _link_template_edits(text: str, start: int, end: int, pairs: list[tuple[int, int, str, int]]) -> list[Edit]:
    """Return edits that keep only the linked name of an interlanguage link template (or drop it)."""
    name = text[start + 2:end - 2].split("|", 1)[0].strip().lower()
    kept = _LINK_TEMPLATES.get(name, 1)
    bars = _top_level_bars(text, start, end, pairs)
    if len(bars) < kept:
        return [Edit(start, end)]
    p_start = bars[kept - 1] + 1
    p_end = bars[kept] if kept < len(bars) else end - 2
    value = text[p_start:p_end]
    if not value.strip() or "=" in value:
        return [Edit(start, end)]
    p_start += len(value) - len(value.lstrip())
    p_end -= len(value) - len(value.rstrip())
    return [Edit(start, p_start), Edit(p_end, end)]


def _conversion_edits(text: str) -> list[Edit]:
    """Return edits that keep the Simplified (or only) variant of ``-{…}-`` conversion markup."""
    edits: list[Edit] = []
    for m in _CONVERT.finditer(text):
        body_start, body = m.start(1), m.group(1)
        flag = re.match(r"\s*([A-Za-z]{1,2})\s*\|", body)
        if flag:
            if flag.group(1).upper() in ("H", "T", "-"):
                edits.append(Edit(m.start(), m.end()))  # a hidden or title rule renders nothing here
                continue
            body_start += flag.end()
            body = body[flag.end():]
        variants = {v.group(1): (body_start + v.start(2), body_start + v.end(2)) for v in _VARIANT.finditer(body)}
        chosen = next((variants[k] for k in _VARIANT_ORDER if k in variants), None)
        if chosen is None and variants:
            chosen = min(variants.values())
        if chosen is None:
            chosen = (body_start, m.end(1))
        keep_start, keep_end = chosen
        while keep_end > keep_start and text[keep_end - 1] in " \t":
            keep_end -= 1
        edits.append(Edit(m.start(), keep_start))
        edits.append(Edit(keep_end, m.end()))
    return edits


def _end_section_edits(text: str) -> list[Edit]:
    """Return deletions of reference, note, link and see-also sections (heading to the next heading of its level)."""
    headings = list(_HEADING.finditer(text))
    edits: list[Edit] = []
    for i, m in enumerate(headings):
        if not _END_SECTIONS.match(m.group(2).strip()):
            continue
        level = len(m.group(1))
        stop = next((h.start() for h in headings[i + 1:] if len(h.group(1)) <= level), len(text))
        edits.append(Edit(m.start(), stop))
    return edits


def _nested(start: int, end: int, pairs: list[tuple[int, int, str, int]]) -> list[tuple[int, int]]:
    """Return the outermost pair spans inside ``[start, end)``, sorted and disjoint (``pairs`` is sorted by start)."""
    first = bisect_left(pairs, (start + 1,))
    last = bisect_left(pairs, (end,))
    spans: list[tuple[int, int]] = []
    for s, e, _, _ in pairs[first:last]:
        if e <= end and (not spans or s >= spans[-1][1]):
            spans.append((s, e))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Return True when ``pos`` lies in one of the sorted, disjoint ``spans``."""
    i = bisect_left(spans, (pos + 1,)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _top_level_bars(text: str, start: int, end: int, pairs: list[tuple[int, int, str, int]]) -> list[int]:
    """Return the positions of ``|`` inside template ``[start, end)`` that are not inside a nested pair."""
    nested = _nested(start, end, pairs)
    bars = []
    pos = text.find("|", start + 2, end - 2)
    while pos >= 0:
        if not _inside(pos, nested):
            bars.append(pos)
        pos = text.find("|", pos + 1, end - 2)
    return bars


def _is_infobox(text: str, start: int, end: int, pairs: list[tuple[int, int, str, int]]) -> bool:
    bars = _top_level_bars(text, start, end, pairs)
    keyed = sum(1 for i, bar in enumerate(bars)
                if "=" in text[bar:bars[i + 1] if i + 1 < len(bars) else end - 2])
    return keyed >= 2


def _infobox_edits(text: str, start: int, end: int, pairs: list[tuple[int, int, str, int]]) -> list[Edit]:
    """Return edits that leave one ``key:value`` line per parameter of the infobox at ``[start, end)``."""
    bars = _top_level_bars(text, start, end, pairs)
    nested = _nested(start, end, pairs)
    edits = [Edit(start, bars[0] + 1)]  # "{{Infobox 名称\n|"
    for i, bar in enumerate(bars):
        seg_start = bar + 1
        seg_end = bars[i + 1] if i + 1 < len(bars) else end - 2
        segment = text[seg_start:seg_end]
        eq = _top_level_equals(seg_start, seg_end, text, nested)
        key = segment[:eq - seg_start].strip() if eq >= 0 else ""
        value_start = eq + 1 + len(segment[eq + 1 - seg_start:]) - len(segment[eq + 1 - seg_start:].lstrip())
        value_end = seg_start + len(segment.rstrip())
        value = text[value_start:value_end] if eq >= 0 else ""
        if i > 0:
            # The bar opens a new line: keep the line break before it, or write one.
            edits.append(Edit(bar, bar + 1) if _opens_line(text, bar) else Edit(bar, bar + 1, "\n"))
        if not key or not _has_words(text, value_start, value_end, pairs) or _IMAGE_VALUE.search(value):
            edits.append(Edit(seg_start, seg_end if i + 1 < len(bars) else end))  # nothing worth keeping
            continue
        key_start = seg_start + len(segment) - len(segment.lstrip())
        key_end = key_start + len(key)
        edits.append(Edit(seg_start, key_start))
        edits.append(Edit(key_end, value_start, ":"))
        if i + 1 < len(bars):
            tail = text[value_end:seg_end]
            edits.append(Edit(value_end, seg_end, "\n" if "\n" in tail else ""))
        else:
            edits.append(Edit(value_end, end))
    return edits


def _opens_line(text: str, pos: int) -> bool:
    """Return True when only spaces stand between the line start and ``pos``."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


def _top_level_equals(start: int, end: int, text: str, nested: list[tuple[int, int]]) -> int:
    pos = text.find("=", start, end)
    while pos >= 0 and _inside(pos, nested):
        pos = text.find("=", pos + 1, end)
    return pos


def _has_words(text: str, start: int, end: int, pairs: list[tuple[int, int, str, int]]) -> bool:
    """Return True when ``text[start:end]`` shows words once templates and media links are gone."""
    pieces = []
    pos = start
    for s, e, opener, _ in pairs[bisect_left(pairs, (start,)):bisect_left(pairs, (end,))]:
        if s < pos or e > end:
            continue  # nested inside a span already skipped
        if opener == "{{" or _MEDIA_LINK.match(text, s + 2, e - 2):
            pieces.append(text[pos:s])
            pos = e
    pieces.append(text[pos:end])
    return any(c not in "[]| \t\n" for piece in pieces for c in piece)


def _table_edits(text: str) -> list[Edit]:
    """Return edits that turn each ``{| … |}`` table into one tab-separated line per row."""
    edits: list[Edit] = []
    pos = 0
    while True:
        start = _TABLE_START.search(text, pos)
        if start is None:
            return edits
        stop = _TABLE_END.search(text, start.end())
        table_end = stop.start() if stop else len(text)
        edits.append(Edit(start.start(), start.end()))
        if stop:
            edits.append(Edit(stop.start(), stop.end()))
        edits += _row_edits(text, start.end(), table_end)
        pos = stop.end() if stop else len(text)


def _row_edits(text: str, start: int, end: int) -> list[Edit]:
    edits: list[Edit] = []
    first_cell = True
    line_start = start
    for line in text[start:end].splitlines(keepends=True):
        body = line.lstrip(" \t")
        indent = len(line) - len(body)
        here = line_start + indent
        if body.startswith("|-"):
            edits.append(Edit(line_start, line_start + len(line)))
            first_cell = True
        elif body.startswith("|+"):
            edits.append(Edit(line_start, here + 2 + len(body[2:]) - len(body[2:].lstrip(" \t"))))
            first_cell = True
        elif body[:1] in ("|", "!"):
            marker_end = here + 1 + len(body[1:]) - len(body[1:].lstrip(" \t"))
            if first_cell or line_start == 0 or text[line_start - 1] != "\n":
                edits.append(Edit(line_start, marker_end))
            else:
                edits.append(Edit(line_start - 1, marker_end, "\t"))  # the row's next cell joins its line
            edits += _cell_edits(text, marker_end, line_start + len(line.rstrip("\n")))
            first_cell = False
        line_start += len(line)
    return edits


def _cell_edits(text: str, start: int, end: int) -> list[Edit]:
    """Return edits for inline cell separators (``||``, ``!!``) and cell attributes on one row line."""
    edits: list[Edit] = []
    cell = start
    for m in re.finditer(r"[ \t]*(?:\|\||!!)[ \t]*", text[start:end]):
        edits += _attr_edit(text, cell, start + m.start())
        edits.append(Edit(start + m.start(), start + m.end(), "\t"))
        cell = start + m.end()
    edits += _attr_edit(text, cell, end)
    return edits


def _attr_edit(text: str, start: int, end: int) -> list[Edit]:
    m = _CELL_ATTRS.match(text, start, end)
    if m is None or "[[" in m.group() or "{{" in m.group():
        return []
    stop = m.end()
    while stop < end and text[stop] in " \t":
        stop += 1
    return [Edit(start, stop)]


def _resolve(edits: list[Edit]) -> list[Edit]:
    """Return sorted, disjoint edits: an edit inside an earlier, wider one is dropped with it."""
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -e.end, e.text)):
        if out and edit.start < out[-1].end:
            last = out[-1]
            if edit.end > last.end and not last.text and not edit.text:
                out[-1] = Edit(last.start, edit.end)  # overlapping deletions become one
            continue
        if out and edit.start == edit.end == out[-1].end and not edit.text:
            continue
        out.append(edit)
    return out


_BOLD_NAME = re.compile(r"'''([^'\n\[\]{}|]{2,40})'''")


def wiki_title(text: str) -> str | None:
    """Return the article's name as wikitext bolds it in the opening paragraph ('''某某开发区'''是…), or None."""
    m = _BOLD_NAME.search(text, 0, 3000)
    return m.group(1).strip() if m else None
