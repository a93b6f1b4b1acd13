"""Return Enterprise candidates: a company suffix (有限公司, 集团 …) with the name before it."""

from __future__ import annotations

from zonekg.extractors.pipeline.automaton import lexicon_automaton, matches
from zonekg.extractors.pipeline.candidates import FULL, Candidate
from zonekg.extractors.pipeline.stems import cut_stop_words

ENTERPRISE = "Enterprise"

# Stems that make a company suffix a common noun (该公司, 子公司, 国有企业集团 …).
_NOT_NAMES = frozenset({"该", "子", "分", "本", "我", "各", "全资", "控股", "投资", "国有", "民营", "外资", "上市", "省属",
                        "市属", "这家", "一家", "企业", "龙头", "大型", "骨干", "平台", "国企", "央企", "建设", "集团",
                        "开发", "运营", "管理", "有限", "股份", "母", "总", "合资", "独资", "两家", "多家", "几家", "公司"})
_STOP = frozenset("的在是与及等了将把对向从由于以到个为被并或也还都就、，。；：！？“”\"'《》 \t\n,.;:!?|*")
_INNER = "()（）"


def find_companies(text: str) -> list[Candidate]:
    """Return Enterprise candidates found in ``text``."""
    out: list[Candidate] = []
    longest: dict[int, int] = {}
    for start, end, _w, _v in matches(lexicon_automaton("company_suffixes"), text):
        if start < longest.get(end, end):
            longest[end] = start
    for end, suffix_start in sorted(longest.items()):
        if text[suffix_start:end] == "厂":
            continue  # factories are named as projects or enterprises only with a full company suffix
        if text[suffix_start:end] in ("集团", "控股集团") and end < len(text) and text[end] in "化式内外":
            continue
        left = suffix_start
        depth = 0
        while left > 0 and suffix_start - left < 20:
            ch = text[left - 1]
            if ch in "）)":
                depth += 1
            elif ch in "（(":
                if depth == 0:
                    break
                depth -= 1
            elif ch in _STOP or not (ch.isalnum() or ch in _INNER):
                break
            left -= 1
        left = cut_stop_words(text, left, suffix_start)
        while left < suffix_start and text[left] in _INNER:
            left += 1
        stem = text[left:suffix_start]
        if len(stem) < 2 or stem in _NOT_NAMES or stem.isdigit():
            continue
        out.append(Candidate(left, end, ENTERPRISE, FULL))
    return out
