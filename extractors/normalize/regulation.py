"""Find the status fields of a law database's header table (法规效力, 时效性, 效力级别…) and delete them.

Regulation pages copied from legal databases open with a table of labelled
fields: ``法规效力: 地方性法规  时效性: 现行有效  发布部门: …  发布日期: …``, as
lines, tab-separated cells or ``[label]value`` runs. The status fields say
nothing about zones and read as noise to the extractors, so they go. The
issuing body, document number and dates stay in the text (they are facts: the
issuer is an organisation of the document) and ``ingest.metadata`` reads them.
Only texts with two or more distinct status labels near the top are touched.
"""

from __future__ import annotations

import re

from zonekg.extractors.normalize.offsets import Edit

STATUS_LABELS = ("法规效力", "效力级别", "效力位阶", "效力等级", "时效性", "时效状态", "有效性", "法规类别", "法规分类",
                 "法律效力", "效力")
_LABEL = "|".join(sorted(STATUS_LABELS, key=len, reverse=True))
# Any header label, so that a status value stops where the next field begins.
_ANY_LABEL = (r"(?:法规效力|效力级别|效力位阶|效力等级|时效性|时效状态|有效性|法规类别|法规分类|法律效力|效力|发布部门|"
              r"制定机关|颁布部门|发文机关|发布机关|发文字号|文号|发布日期|公布日期|颁布日期|实施日期|施行日期|"
              r"生效日期|失效日期|法规标题|标题|专题分类|来源)")
# One status field: "时效性: 现行有效" or "[时效性]现行有效" with the value up to the next field or the line end.
_STATUS = re.compile(rf"[\[【]?(?:{_LABEL})[\]】]?[ \t]*[:：]?[ \t]*(?:(?![\[【]?{_ANY_LABEL}[\]】]?[ \t]*[:：\]】])[^\t\n])*"
                     r"[ \t]*")
_STATUS_START = re.compile(rf"(?:^|(?<=[\t \]】]))[\[【]?(?:{_LABEL})[\]】]?[ \t]*[:：\]】]", re.MULTILINE)
HEAD_CHARS = 3000  # the header table sits above the title and the first article
SIGNATURE_LABELS = 2


def regulation_header_edits(text: str) -> list[Edit]:
    """Return deletions of the status fields of a law database's header table (lines left empty go whole)."""
    head = text[:HEAD_CHARS]
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
