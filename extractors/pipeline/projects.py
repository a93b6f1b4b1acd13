"""Return Project candidates: a stem ending in 项目 (and a few construction nouns) after a boundary."""

from __future__ import annotations

import re

from zonekg.extractors.pipeline.candidates import FULL, Candidate
from zonekg.extractors.pipeline.stems import cut_function_words, cut_stop_words, is_common_word

PROJECT = "Project"

_SUFFIX = re.compile(r"项目")
_STOP = frozenset("的是和与及等了将把对向从由于以到个为被并或也还都就在共、，。；：！？“”\"'《》()（） \t\n,.;:!?|*")
# Words of a project's own name that the part-of-speech cut would otherwise take for verbs.
_PROJECT_WORDS = frozenset({"建设", "生产", "加工", "制造", "研发", "开发", "扩建", "技改", "迁建", "改造", "储藏", "冷藏",
                            "组装", "综合", "治理", "回收", "再生", "升级", "扩能", "智能", "新型", "配套", "仓储", "物流",
                            "年产", "发电", "污水处理", "精深加工", "深加工", "装配", "检测", "孵化", "创新", "创业", "产业园"})
# Stems that make 项目 a common noun.
_GENERIC = re.compile(r"^(?:重点|重大|签约|招商|在建|新建|续建|开工|竣工|投产|建设|产业|工业|合作|引进|示范|试点|民生|储备|谋划|"
                      r"基础设施|大|该|此|这些|各类|亿元以上|千万元以上|亿元|万元|集中|入园|入驻|落地|投资|其他|好|优质|大好|"
                      r"产业化|重点产业|工业类|服务业|新开工|计划|拟建|一批|若干|部分|全部|单个|单体)+$")


def find_projects(text: str) -> list[Candidate]:
    """Return Project candidates found in ``text``."""
    out: list[Candidate] = []
    for match in _SUFFIX.finditer(text):
        end = match.end()
        left = match.start()
        while left > 0 and match.start() - left < 24 and text[left - 1] not in _STOP:
            left -= 1
        left = cut_stop_words(text, left, match.start())
        left = cut_function_words(text, left, match.start(), _PROJECT_WORDS)
        stem = text[left:match.start()]
        if len(stem) < 3 or _GENERIC.match(stem) or not re.search(r"[\u4e00-\u9fff]{2}", stem) or is_common_word(stem):
            continue
        if re.match(r"^[\d.]+[个亿万元]", stem) or stem[-1] in "元个批类项":
            continue
        out.append(Candidate(left, end, PROJECT, FULL))
    return out
