"""Return Policy candidates: 《》 titles of documents, 关于…的意见-style titles and document numbers."""

from __future__ import annotations

import re

from zonekg.extractors.pipeline.candidates import FULL, Candidate
from zonekg.extractors.pipeline.stems import cut_function_words, is_descriptive

POLICY = "Policy"

_KINDS = ("条例", "办法", "意见", "通知", "批复", "决定", "规定", "方案", "规划", "纲要", "细则", "措施", "复函", "函",
          "公告", "通告", "指引", "目录", "法", "政策", "决议", "章程", "标准", "指南", "计划", "报告", "请示", "答复",
          "建议", "要点", "清单", "意见书", "协议", "框架协议", "制度", "纪要")
_KIND_RE = "|".join(sorted(_KINDS, key=len, reverse=True))

_QUOTED = re.compile(r"《([^《》\n]{2,80})》")
_ABOUT = re.compile(rf"(?:(?<=[，。、；：:（(“\"\s,;])|^)((?:[\u4e00-\u9fff]{{2,12}})?(?:关于|对)[^，。；：《》“”\n]{{2,60}}?"
                    rf"(?:{_KIND_RE}))(?=[，。；、）)（(”\"\s,;.]|$)", re.MULTILINE)  # （国办发…号） may follow
_UNCLOSED = re.compile(rf"《([^《》\n,，。;；]{{2,80}}(?:{_KIND_RE}))(?=[,，。;；])")
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_RULES = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,8}?(?:省|市|自治区)[\u4e00-\u9fff]{2,16}?(?:条例|管理办法|实施细则|暂行规定))")


_NUMBER_LEAD = re.compile(r"(?:根据|按照|依据|依照|参照|对照|执行|印发|下发|转发|经|以|据|和|及|与|或|即|文|号)*")


# 来凤县“十五”规划, 体制机制“七条措施”: a plan or measures named with a quoted number.
_QUOTED_PLAN = re.compile(r"([\u4e00-\u9fff]{0,16}(?:“[^“”\n]{1,8}”(?:规划|措施|方案|计划|纲要)"
                          r"|“[^“”\n]{0,6}(?:条措施|项措施|规划|方案|计划|纲要)”))")
# 出台理顺园区体制机制“七条措施”: after a verb of issuing the title runs whole, verbs and all
_ISSUING = re.compile(r"出台|印发|制定|发布|起草|出台了|印发了")
# A title alone on its line (湖南省开发区协会章程).
_TITLE_LINE = re.compile(r"^([\u4e00-\u9fff]{4,30}(?:章程|条例|办法|规定|实施细则))\s*(?:\d{4}年\d{1,2}月\d{1,2}日)?$",
                         re.MULTILINE)
# …建设工作方案 / …三年行动计划: plans named by what they plan.
_PLAN = re.compile(r"([\u4e00-\u9fff]{4,24}?(?:工作方案|实施方案|行动方案|行动计划))")


# A title that ends in a kind word and runs straight into 关于 (the second title's opening).
_JOINED = re.compile(rf"^(.{{4,}}?(?:工作方案|实施方案|行动方案|行动计划|实施意见|管理办法|若干措施|条措施))关于.{{4,}}$")
# 出台了X六条措施 / 印发X实施方案: an unquoted title right after a verb of issuing, up to the clause's end.
_ISSUED = re.compile(r"(?:出台|印发|制定|发布|出台实施)了?([\u4e00-\u9fff]{6,30}?(?:[一二三四五六七八九十\d]+条措施|若干措施|若干意见|"
                     r"实施意见|管理办法|实施方案|工作方案|行动方案))(?=[,，。;；、]|$)", re.MULTILINE)


def find_policies(text: str) -> list[Candidate]:
    """Return Policy candidates found in ``text``."""
    out: list[Candidate] = []
    for pattern in (_QUOTED_PLAN, _PLAN):
        for match in pattern.finditer(text):
            issued = [m.end() for m in _ISSUING.finditer(text, match.start(1), match.end(1))]
            quote = text.find("“", match.start(1), match.end(1))
            if pattern is _QUOTED_PLAN and issued and quote >= 0 and issued[-1] < quote:
                start = issued[-1]
            else:
                start = cut_function_words(text, match.start(1), match.end(1))
            name = text[start:match.end(1)]
            stem = name.split("“")[0] if "“" in name else name[:-4]
            if "“" in name or (len(stem) >= 4 and not is_descriptive(stem)):
                out.append(Candidate(start, match.end(1), POLICY, FULL))
    for match in _TITLE_LINE.finditer(text):
        out.append(Candidate(match.start(1), match.end(1), POLICY, FULL))
    # a 《 left open before the clause ends (印发《A方案,…) still opens a title
    for match in (*_QUOTED.finditer(text), *_UNCLOSED.finditer(text)):
        title = match.group(1).strip()
        if re.search(rf"(?:{_KIND_RE})(?:[(（][^)）]*[)）])?$", title):
            joined = _JOINED.search(title)
            if joined is not None:
                # 《A工作方案关于B的通知》: two titles whose 》《 was lost; each is a document
                cut = match.start(1) + joined.end(1)
                out.append(Candidate(match.start(1), cut, POLICY, FULL))
                out.append(Candidate(cut, match.end(1), POLICY, FULL))
                continue
            out.append(Candidate(match.start(1), match.end(1), POLICY, FULL))
    for match in _ISSUED.finditer(text):
        out.append(Candidate(match.start(1), match.end(1), POLICY, FULL))
    for match in _ABOUT.finditer(text):
        if "关于" in match.group(1) or match.group(1).endswith(("建议的答复", "提案的答复", "议案的答复")):
            out.append(Candidate(match.start(1), match.end(1), POLICY, FULL))
    for match in _NUMBER.finditer(text):
        # the issuer's abbreviation is short: a verb or preposition before it is not part of the number (根据湘政发)
        start = _NUMBER_LEAD.match(text, match.start()).end()
        out.append(Candidate(start, match.end(), POLICY, FULL))
    for match in _RULES.finditer(text):
        start = _NUMBER_LEAD.match(text, match.start(1)).end()  # 按照X省…条例: the preposition is not the title's
        level = re.match(r"[\u4e00-\u9fff]+?(?:省|市|自治区)", text[start:match.end(1)])
        if level is None or not _is_place(level.group()):
            continue  # 国家和省开发区条例: the laws of two levels in general, no title
        out.append(Candidate(start, match.end(1), POLICY, FULL))
    return out


def _is_place(name: str) -> bool:
    """Return whether ``name`` is a province or city in the gazetteer (湖北省, 潜江市)."""
    from zonekg.extractors.pipeline.automaton import places_by_name

    return name in places_by_name()
