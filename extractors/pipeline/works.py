"""Return Project candidates for public works: roads, bridges and 工程 named where they are built or finished.

A road name alone is an address (位于叶王路); it is a project when a verb of
building governs it (建设团结二桥路B段, 修筑了肖阳河路和叶王路) or a works
predicate follows it (33号道路延伸段完成路基碾压). A 工程 is a project with a phase
(藤茶二期工程) or a works predicate after it (…清淤工程已经完成); slogans
(绿化美化亮化工程) have neither.
"""

from __future__ import annotations

import re

from zonekg.extractors.pipeline.candidates import FULL, Candidate
from zonekg.extractors.pipeline.stems import cut_function_words, cut_stop_words, is_common_word, is_descriptive

PROJECT = "Project"

# A road or bridge: 路/大道/大桥/桥 (not inside 路桥), then an optional section (B段, 延伸段, 一期).
_ROAD = re.compile(r"(?:道路|大道|大桥|路|桥)(?![路桥道])((?:[A-Za-z]|[一二三四五六七八九十\d]+[期标])?(?:延伸段|段)?)")
_BUILD_ANYWHERE = re.compile(r"(?:建设|修筑|修建|新建|续建|改建|扩建|拓宽|硬化|改造|建成|实施|用于)了?")
_GENERIC_ROAD = re.compile(r"(?:公路|铁路|马路|网路|线路|思路|出路|销路|电路)$")
_AMOUNT = re.compile(r"[\d.]+[多余]?[万亿]?元")
_BUILD_BEFORE = re.compile(r"(?:建设|修筑|修建|新建|续建|改建|扩建|拓宽|硬化|改造|建成|实施|开工建设|投资建设)(?:了|完成)?$")
_WORKS_AFTER = re.compile(r"^(?:[^,，。;；]{0,4}?)(?:完成|完工|竣工|开工|建成|通车|动工|铺开|施工|招投标|路基|场平)")
# 工程 with what the text says of it: a phase inside, or a works predicate right after.
_WORKS = re.compile(r"工程")
_STOP = frozenset("的是和与及等了将把对向从由于以到个为被并或也还都就在共、，。；：！？“”\"'《》()（） \t\n,.;:!?|*")
_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")
_WORDS_OF_WORKS = frozenset({"建设", "综合", "治理", "清淤", "改造", "整治", "提升", "配套", "基础设施", "材料", "生产",
                             "加工", "扩建", "续建", "新建"})


def find_works(text: str, stops: frozenset[int] = frozenset()) -> list[Candidate]:
    """Return road, bridge and 工程 project candidates in ``text``; none starts before an offset in ``stops``."""
    return [*_roads(text, stops), *_engineering(text, stops)]


def _roads(text: str, stops: frozenset[int]) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _ROAD.finditer(text):
        suffix_end, end = match.start(1), match.end(1)
        start = _road_start(text, match.start(), stops)
        name = text[start:suffix_end]
        head = text[start:match.start()]
        if len(head) < 2 or is_common_word(name) or _GENERIC_ROAD.search(name) or re.search(r"[条座个]", head):
            continue  # 高速公路, 一条路: common nouns, not a road's name
        if name.endswith("道路") and not re.search(r"[\d号]", head):
            continue  # 进场道路, 主干道路: the kind of road; a named one is numbered (33号道路)
        built = _BUILD_BEFORE.search(text, max(0, start - 8), start) is not None or _listed_after_build(text, start)
        if built or _WORKS_AFTER.match(text[end:end + 12]) or match.group(1).endswith("段"):
            out.append(Candidate(start, end, PROJECT, FULL))
    return out


def _road_start(text: str, suffix_start: int, stops: frozenset[int]) -> int:
    """Return where a road's name starts: after punctuation, a zone name, an amount or a building verb."""
    left = suffix_start
    while left > 0 and suffix_start - left < 8 and text[left - 1] not in _STOP and left not in stops:
        left -= 1
    for pattern in (_AMOUNT, _BUILD_ANYWHERE):
        found = [m.end() for m in pattern.finditer(text, left, suffix_start)]
        left = max(found, default=left)
    return cut_stop_words(text, left, suffix_start)


def _listed_after_build(text: str, start: int) -> bool:
    """Return whether a road follows 和/、 after another road governed by a building verb (修筑了A路和B路)."""
    if start < 2 or text[start - 1] not in "和、及与":
        return False
    before = text[max(0, start - 16):start - 1]
    found = re.search(r"(?:建设|修筑|修建|新建|拓宽|硬化|改造|建成)(?:了)?[\u4e00-\u9fff\dA-Za-z]{2,8}(?:路|桥|大道)$", before)
    return found is not None


def _engineering(text: str, stops: frozenset[int]) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _WORKS.finditer(text):
        end = match.end()
        left = match.start()
        while left > 0 and match.start() - left < 16 and text[left - 1] not in _STOP and left not in stops:
            left -= 1
        left = cut_stop_words(text, left, match.start())
        if not _PHASE.search(text, left, match.start()):
            left = cut_function_words(text, left, match.start(), _WORDS_OF_WORKS)
        else:
            # 铁金港综合治理一期清淤工程: a phase marks a name; only a building verb before it is cut
            verb = _BUILD_ANYWHERE.match(text, left, match.start())
            left = verb.end() if verb is not None else left
        stem = text[left:match.start()]
        if len(stem) < 2 or is_common_word(stem) or not re.search(r"[\u4e00-\u9fff]{2}", stem):
            continue
        if (left > 0 and text[left - 1] in "“\"") or (end < len(text) and text[end] in "”\""):
            continue  # “覆盖工程”: a quoted campaign name, not works
        if _PHASE.search(stem) or (_WORKS_AFTER.match(text[end:end + 10]) and not is_descriptive(stem)):
            # 供水工程也相继开工: works of a kind (供水, 道路) are not one named project
            out.append(Candidate(left, end, PROJECT, FULL))
    return out
