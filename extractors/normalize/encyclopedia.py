"""Find the frame of an encyclopedia page saved as text (百科/维基 widgets, 目录, citation marks, references).

Pages copied from an online encyclopedia carry their widgets as lines of their
own (播报, 编辑, 收藏, 有用+1, 词条统计, 浏览次数…), a table of contents under 目录,
superscript citation marks ([1], [2-3]) inside sentences and a 参考资料 list at
the end. Their basic-information box is saved as a field name on one line and
its value on the next (中文名 / 某某经开区); such a pair is joined into one
``中文名:某某经开区`` line so the value keeps its label. The widgets and marks are removed only from texts that show the
signature of such a page (two or more distinct widget lines, or a reference
with 引用日期), so an ordinary article that says 编辑 or 目录 keeps it. A
reference list under a 参考资料/参考文献 heading goes in every text: it names
sources, authors and journals, not the article's facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from zonekg.extractors.normalize.offsets import Edit

# A widget line: the whole line is the widget's label (after width folding: ASCII "+").
_WIDGET = re.compile(
    r"^[ \t]*(?:编辑|播报|编辑[ \t]*播报|播报[ \t]*编辑|锁定|讨论|上传视频|收藏|查看我的收藏|已收藏|分享|"
    r"\d*[ \t]*有用\+\d+|已投票|同义词|义项|展开|收起|展开全部|收起全部|百科名片|词条统计|历史版本|"
    r"本词条[^\n]{0,60}|本条目[^\n]{0,60}|浏览次数[^\n]{0,30}|编辑次数[^\n]{0,30}|最近更新[^\n]{0,30}|"
    r"突出贡献者[^\n]{0,30}|词条标签[^\n]{0,60}|猜你关注|去最新版|同义词[^\n]{0,40}|这是一个多义词[^\n]{0,60}|"
    r"[^\n]{0,20}同名词条|进入词条|秒懂百科|特色百科|百科冷知识|个人中心|权威合作|新手上路|编辑入门|编辑规则|本人编辑|"
    r"维基百科[,,]\s*自由的百科全书|(?:(?:跳转到|跳到)(?:导航|搜索)[ \t]*)+|\[编辑\]|\[编辑源代码\]|"
    r"本页面最后修订于[^\n]{0,60}|本站的全部文字在[^\n]{0,120}|"
    r"\d+[ \t]*次(?:浏览|编辑))[ \t]*(?:\n|$)",
    re.MULTILINE)
# A section heading followed by its widgets on the same line: 历史沿革 播报 编辑, 历史[编辑].
# (The pattern starts with its literal words, which keeps it fast; the spaces
# before it and the text it follows are checked in ``_heading_widgets``.)
_HEADING_WIDGET = re.compile(r"(?:\[编辑\]|\[编辑源代码\]|播报[ \t]*编辑|编辑[ \t]*播报)[ \t]*$", re.MULTILINE)
# Superscript citation marks: [1], [2-3], [4,5]; a four-digit [2008] is a document number, not a mark.
_CITATION = re.compile(r"\[\d{1,3}(?:[-,,]\d{1,3})*\]")
_CONTENTS = re.compile(r"^[ \t]*目[ \t]*录[ \t]*(?:\n|$)", re.MULTILINE)
# A table-of-contents entry: 1 历史沿革, 2.1 地理位置, 1. 概况 (short, no sentence punctuation).
_CONTENTS_ENTRY = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*[.、]?[ \t]*[^\s。;,,:：]{1,20}[ \t]*$")
_REFERENCES = re.compile(r"^[ \t]*(?:参考资料|参考来源|参考文献|资料来源|脚注|注释|外部链接|延伸阅读|扩展阅读)[ \t]*[:：]?[ \t]*(?:\n|$)",
                         re.MULTILINE)
# A reference entry: numbered, an arrow back-link, a URL or an access date.
_REFERENCE_ENTRY = re.compile(r"^[ \t]*(?:\d{1,3}[.、]|\[\d{1,3}\]|[\^↑]|\d{1,3}[ \t]+\S)|引用日期|https?://|www\.")
# Literal words searched first: a plain alternation is fast, and the line
# patterns above run only on texts that hold one of them.
_WIDGET_WORD = re.compile("播报|编辑|收藏|有用|词条|本条目|维基百科|跳转|跳到|浏览次数|锁定|上传视频|同义词|义项|百科")
_REFERENCE_WORD = re.compile("参考资料|参考来源|参考文献|资料来源|脚注|注释|外部链接|延伸阅读|扩展阅读")
# Field names of an encyclopedia's basic-information box for places, zones and organisations.
INFO_FIELDS = frozenset((
    "中文名", "中文名称", "外文名", "外文名称", "英文名", "英文名称", "别名", "简称", "全称", "成立时间", "设立时间",
    "批准时间", "始建时间", "所属地区", "地理位置", "所在地", "所在地区", "所属城市", "所属省份", "行政区类别",
    "行政级别", "级别", "类别", "类型", "性质", "面积", "占地面积", "规划面积", "总面积", "建成区面积", "主导产业",
    "重点产业", "管理机构", "主管部门", "批准机关", "批准部门", "隶属", "上级单位", "上级行政区", "人口", "常住人口",
    "政府驻地", "下辖地区", "邮政编码", "电话区号", "车牌代码", "地区生产总值", "主要企业", "园区企业", "代表企业",
    "负责人", "主任", "书记", "现任领导", "创办时间", "注册资本", "法定代表人", "总部地点", "经营范围", "公司类型",
    "所属行业", "年营业额", "员工数", "主要产品",
))
_VALUE = re.compile(r"[^。;!?;]{1,60}")
SIGNATURE_LINES = 2  # distinct widget lines that mark an encyclopedia page


def has_encyclopedia_signature(text: str) -> bool:
    """Return True when ``text`` looks like an encyclopedia page saved as text."""
    if "引用日期" in text:
        return True
    words = _WIDGET_WORD.finditer(text)
    if next(words, None) is None or next(words, None) is None:
        return False
    kinds = {m.group().strip() for m in _WIDGET.finditer(text)}
    kinds |= {text[start:end].strip() for start, end in _heading_widgets(text)}
    return len(kinds) >= SIGNATURE_LINES


def encyclopedia_edits(text: str) -> list[Edit]:
    """Return deletions of an encyclopedia page's frame, and of reference lists in any text."""
    edits = _reference_edits(text)
    if has_encyclopedia_signature(text):
        edits += [Edit(m.start(), m.end()) for m in _WIDGET.finditer(text)]
        edits += [Edit(start, end) for start, end in _heading_widgets(text)]
        edits += [Edit(m.start(), m.end()) for m in _CITATION.finditer(text)]
        edits += _contents_edits(text)
        deletions = _merge(edits)
        return sorted(deletions + _info_edits(text, deletions))
    return _merge(edits)


def _heading_widgets(text: str) -> list[tuple[int, int]]:
    """Return the spans of widgets that end a heading line (with the spaces before them)."""
    spans = []
    for m in _HEADING_WIDGET.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start > 0 and text[start - 1] != "\n":  # a heading precedes it, not a bare widget line
            spans.append((start, m.end()))
    return spans


def _info_edits(text: str, deletions: list[Edit]) -> list[Edit]:
    """Return edits that join a basic-information field name to its value on the next line (``\n`` → ``:``).

    Returned separately from the deletions (sorted and disjoint with them): the
    break written as ``:`` is not deleted by any of them.
    """
    starts = [e.start for e in deletions]
    out: list[Edit] = []
    pos = 0
    for start, end, body in _lines_after(text, 0):
        if body in INFO_FIELDS and end < len(text) and text[end - 1] == "\n":
            next_end = text.find("\n", end)
            value = text[end:len(text) if next_end < 0 else next_end].strip()
            if value and value not in INFO_FIELDS and _VALUE.fullmatch(value) and end - 1 >= pos and \
                    not _deleted(end - 1, starts, deletions) and not _deleted(end, starts, deletions):
                out.append(Edit(end - 1, end, ":"))
                pos = end
    return out


def _deleted(pos: int, starts: list[int], deletions: list[Edit]) -> bool:
    """Return True when ``pos`` lies inside one of the sorted, disjoint ``deletions``."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and deletions[i].start <= pos < deletions[i].end


def _lines_after(text: str, pos: int):
    """Yield ``(start, end_with_newline, body)`` for each line from ``pos`` on."""
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        yield pos, end, text[pos:end].strip()
        pos = end


def _contents_edits(text: str) -> list[Edit]:
    """Return deletions of a 目录 heading and the numbered entries under it."""
    edits: list[Edit] = []
    for m in _CONTENTS.finditer(text):
        stop = m.end()
        for start, end, body in _lines_after(text, m.end()):
            if body and not _CONTENTS_ENTRY.match(body):
                break
            stop = end
        edits.append(Edit(m.start(), stop))
    return edits


def _reference_edits(text: str) -> list[Edit]:
    """Return deletions of a reference-list heading and the reference entries under it."""
    edits: list[Edit] = []
    if _REFERENCE_WORD.search(text) is None:
        return edits
    for m in _REFERENCES.finditer(text):
        stop = m.end()
        entries = 0
        for start, end, body in _lines_after(text, m.end()):
            if body and not _REFERENCE_ENTRY.search(body):
                break
            entries += bool(body)
            stop = end
        if entries:  # a lone 注释 line with prose below is a heading of the article, not a list
            edits.append(Edit(m.start(), stop))
    return edits


def _merge(edits: list[Edit]) -> list[Edit]:
    """Return sorted deletions with overlapping ones joined."""
    out: list[Edit] = []
    for edit in sorted(edits):
        if out and edit.start <= out[-1].end:
            if edit.end > out[-1].end:
                out[-1] = Edit(out[-1].start, edit.end)
            continue
        out.append(edit)
    return out
