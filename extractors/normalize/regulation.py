"""Find the status fields of a law database's header table (法规效力, 时效性, 效力级别…) and delete them.

Regulation pages copied from legal databases open with a table of labelled
fields: ``法规效力: 地方性法规  时效性: 现行有效  发布部门: …  发布日期: …``, as
lines, tab-separated cells or ``[label]value`` runs. The status fields say
nothing about zones and read as noise to the extractors, so they go. The
issuing body, document number and dates stay in the text (they are facts: the
issuer is an organisation of the document) and ``ingest.metadata`` reads them.
Only texts with two or more distinct status labels near the top are touched.

A regulation's table of contents (目录 and the 第X章 lines under it, up to the
chapter heading that repeats the first entry) goes in any text: the chapters
follow in full, and the list would read as a run of headings.
"""

from __future__ import annotations

import re

from zonekg.extractors.normalize.offsets import Edit

STATUS_LABELS = ("法规效力", "法律性质", "效力级别", "效力位阶", "效力等级", "时效性", "时效状态", "有效性", "法规类别", "法规分类",
                 "法律效力", "效力")
_LABEL = "|".join(sorted(STATUS_LABELS, key=len, reverse=True))
# Any header label, so that a status value stops where the next field begins.
_ANY_LABEL = (r"(?:法规效力|法律性质|效力级别|效力位阶|效力等级|时效性|时效状态|有效性|法规类别|法规分类|法律效力|效力|发布部门|"
              r"制定机关|颁布部门|发文机关|发布机关|发文字号|文号|发布日期|公布日期|颁布日期|实施日期|施行日期|"
              r"生效日期|失效日期|法规标题|标题|专题分类|来源)")
# One status field: "时效性: 现行有效" or "[时效性]现行有效" with the value up to the next field or the line end.
_STATUS = re.compile(rf"[\[【]?(?:{_LABEL})[\]】]?[ \t]*[:：]?[ \t]*(?:(?![\[【]?{_ANY_LABEL}(?:[\]】]|[ \t]*[:：]))[^\t\n])*"
                     r"[ \t]*")
# A field starts a line or follows a tab or a bracket; at a line start, spaces may separate it from its value.
_STATUS_START = re.compile(rf"(?:^|(?<=[\t \]】]))[\[【]?(?:{_LABEL})(?:[\]】]|[ \t]*[:：])|^(?:{_LABEL})[ \t]+(?=\S)",
                           re.MULTILINE)
_CONTENTS = re.compile(r"^[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*\n", re.MULTILINE)
_CHAPTER = re.compile(r"^[ \t\u3000]*第[一二三四五六七八九十百零〇两\d]{1,4}[章节编][ \t\u3000]*\S.{0,30}$|^[ \t\u3000]*附[ \t\u3000]*则$")
_STATUS_WORD = re.compile("|".join(STATUS_LABELS))  # a fast literal check before the field patterns
HEAD_CHARS = 3000  # the header table sits above the title and the first article
SIGNATURE_LABELS = 2


def regulation_header_edits(text: str) -> list[Edit]:
    """Return deletions of a header table's status fields (lines left empty go whole) and of a 目录 of chapters."""
    edits = _status_edits(text)
    contents = _contents_edit(text)
    if contents is not None and not any(e.start < contents.end and contents.start < e.end for e in edits):
        edits = sorted([*edits, contents])
    return edits


def _contents_edit(text: str) -> Edit | None:
    """Return the deletion of a 目录 line and the chapter entries under it, or None."""
    m = _CONTENTS.search(text, 0, HEAD_CHARS) if "录" in text[:HEAD_CHARS] else None
    if m is None:
        return None
    seen: set[str] = set()
    stop = m.end()
    pos = m.end()
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end].strip()
        key = "".join(line.split())
        if line and (not _CHAPTER.match(line) or key in seen):
            break  # the body starts: prose, or the first chapter heading again
        seen.add(key)
        stop = pos = end
    return Edit(m.start(), stop) if seen - {""} else None


def _status_edits(text: str) -> list[Edit]:
    head = text[:HEAD_CHARS]
    if _STATUS_WORD.search(head) is None:
        return []
    starts = list(_STATUS_START.finditer(head))
    labels = {re.sub(r"[\[\]【】:：\s]", "", m.group()) for m in starts}
    if len(labels) < SIGNATURE_LABELS:
        return []
    edits: list[Edit] = []
    for m in starts:
        field = _STATUS.match(head, m.start())
        if field is None or field.end() <= m.start():
            continue
        edits.append(Edit(field.start(), field.end()))
    return _whole_lines(text, sorted(set(edits)))


def _whole_lines(text: str, edits: list[Edit]) -> list[Edit]:
    """Return the edits, widened to the whole line (with its break) where nothing else is left on it."""
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        by_line.setdefault(text.rfind("\n", 0, edit.start) + 1, []).append(edit)
    out: list[Edit] = []
    for line_start, line_edits in sorted(by_line.items()):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end + 1
        kept, pos = [], line_start
        for edit in line_edits:
            if edit.start >= pos:
                kept.append(text[pos:edit.start])
                pos = edit.end
        kept.append(text[pos:line_end])
        if not "".join(kept).strip():
            out.append(Edit(line_start, line_end))
        else:
            last = line_start
            for edit in line_edits:
                if edit.start >= last:
                    out.append(edit)
                    last = edit.end
    return out
