"""Repair the Simplified→Traditional→Simplified word-processor round trip (发展→开展, 服务→效劳 …).

The converter swaps whole words for "regional vocabulary" and back, leaving a
tell-tale signature: the wrong word is frequent while the everyday word it
replaced is absent. Only a text that shows that signature for at least two word
pairs is repaired; a clean text is never touched.
"""

from __future__ import annotations

import re

from zonekg.extractors.normalize.offsets import Edit

# (artifact, original) pairs whose inversion is counted for the signature.
_SIGNATURE_PAIRS = (("开展", "发展"), ("效劳", "服务"), ("根底", "基础"), ("工程", "项目"), ("平安", "安全"))
MIN_INVERTED_PAIRS = 2

# 开展 is also a real verb (开展活动). It stays when an activity object follows.
# The object may come a few characters later (开展招商活动), within the clause.
_ACTIVITY = ("活动|工作|调研|调查|培训|检查|评比|评选|竞赛|教育|学习|绿化|专项|整治|创建|宣传|试点|"
             "交流|治理|攻坚|考核|督查|清理|排查|观摩|研讨|座谈|走访|帮扶|摸底|普查|行动|会议|服务")
_ACTIVITY_NEXT = "以|了|各类|多种|一系列|系列|全面|深入|大规模"
# 工程 is also a real word for civil works (绿化工程, 道路工程, 工程师).
_WORKS_BEFORE = "化|纵|横|路|桥|水利|电力|管网|道|绿|亮|安居|民生|惠民|希望|系统"
_WORKS_AFTER = "师|队|院|局|兵|学|质量|机械|造价|监理"

# Each rule: a pattern over the artifact and the replacement of the same length.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"开展(?![^,。;!?、\n]{{0,6}}(?:{_ACTIVITY})|{_ACTIVITY_NEXT})"), "发展"),
    (re.compile("效劳"), "服务"),
    (re.compile("根底"), "基础"),
    (re.compile(rf"(?<!{_WORKS_BEFORE.replace('|', ')(?<!')})工程(?!{_WORKS_AFTER})"), "项目"),
    (re.compile("平安"), "安全"),
    (re.compile("广阔(?=干部|群众|人民|职工|农民|党员|青年|市民)"), "广大"),
    (re.compile(r"到达(?=\d|[家个万亿%]|规模|标准|目标|要求|预期)"), "达到"),
    (re.compile("局部(?=工程|项目|企业|资金|单位|干部)"), "部分"),
    (re.compile("储藏(?=工程|项目|的土地|土地|起来)|(?<=土地)储藏"), "储备"),
    (re.compile("〞"), "”"),
    (re.compile("〝"), "“"),
)


def inverted_pairs(text: str) -> int:
    """Return how many word pairs show the round-trip signature (artifact frequent, original rare)."""
    count = 0
    for wrong, right in _SIGNATURE_PAIRS:
        n_wrong = text.count(wrong)
        if n_wrong >= 2 and text.count(right) * 5 <= n_wrong:
            count += 1
    return count


def has_roundtrip_signature(text: str) -> bool:
    """Return True when the text shows the word-processor round-trip signature."""
    return inverted_pairs(text) >= MIN_INVERTED_PAIRS


def roundtrip_edits(text: str) -> list[Edit]:
    """Return equal-length word repairs for a text with the signature, none for a clean text."""
    if not has_roundtrip_signature(text):
        return []
    edits = [Edit(m.start(), m.end(), new) for pattern, new in _RULES for m in pattern.finditer(text)]
    return sorted(edits)
