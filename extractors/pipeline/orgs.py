"""Return Organization candidates: government bodies after a place or zone, named institutions, central bodies."""

from __future__ import annotations

from zonekg.extractors.pipeline.automaton import lexicon_automaton, matches
from zonekg.extractors.pipeline.candidates import FULL, GENERIC, LEXICON, Candidate
from zonekg.extractors.pipeline.stems import absorb_places, stem_start

ORG = "Organization"

# Suffixes that name an institution by themselves after a free stem (华中科技大学, 长沙市工业设计协会).
_FREE = ("协会", "商会", "学会", "大学", "学院", "研究院", "设计院", "规划设计院", "研究所", "研究中心", "科学院", "社科院",
         "社会科学院", "日报", "晚报", "领导小组", "指挥部", "新闻中心", "融媒体中心")
# Level characters that make a bare government suffix refer to the document's region (市委, 省政府, 县人大).
LEVEL_CHARS = "省市县区州"
# Bare bodies that refer to the document's own zone (管委会 = this zone's 管委会).
ZONE_BODIES = ("管委会", "管理委员会", "党工委", "工委")


def find_orgs(text: str, place_ends: dict[int, int], zone_ends: dict[int, int]) -> list[Candidate]:
    """Return Organization candidates; ``place_ends``/``zone_ends`` map end offsets to starts."""
    out: list[Candidate] = []
    longest: dict[int, int] = {}
    for start, end, _w, _v in matches(lexicon_automaton("org_suffixes"), text):
        if start < longest.get(end, end):
            longest[end] = start
    org_ends: dict[int, int] = {}
    for end, suffix_start in sorted(longest.items()):
        suffix = text[suffix_start:end]
        left = _prefix_start(text, suffix_start, suffix, place_ends, zone_ends, org_ends)
        if left is None:
            continue
        generic = left == suffix_start or text[left:suffix_start] in LEVEL_CHARS or (
            left in org_ends.values() and _is_generic(out, left))
        out.append(Candidate(left, end, ORG, GENERIC if generic else FULL))
        org_ends[end] = left
    for start, end, _w, _v in matches(lexicon_automaton("national_orgs"), text):
        out.append(Candidate(start, end, ORG, LEXICON))
    return out


def _prefix_start(text: str, suffix_start: int, suffix: str, place_ends: dict[int, int],
                  zone_ends: dict[int, int], org_ends: dict[int, int]) -> int | None:
    """Return where the body's name starts, ``suffix_start`` for a bare body, or None for no body."""
    for ends in (zone_ends, org_ends):
        if suffix_start in ends:
            return ends[suffix_start]
    if suffix_start in place_ends:
        return absorb_places(text, suffix_start, place_ends)
    before = text[suffix_start - 1] if suffix_start else ""
    if suffix in _FREE or suffix.endswith(_FREE):
        stem_left = stem_start(text, suffix_start, 10, place_ends)
        left = absorb_places(text, stem_left, place_ends)
        return left if suffix_start - left >= 2 else None
    if before and before in LEVEL_CHARS:
        # 省政府 / 市委 / 县人大: a level character with nothing name-like before it
        prev = text[suffix_start - 2] if suffix_start >= 2 else ""
        return None if _name_like(prev) else suffix_start - 1
    if suffix in ZONE_BODIES or suffix in ("市委", "县委", "区委", "省委", "州委"):
        return None if _name_like(before) else suffix_start
    # a place-less stem before a government suffix: a department of a body named just before (市委组织部)
    return None


def _name_like(ch: str) -> bool:
    """Return whether ``ch`` could be the last character of a name before a body's suffix."""
    return bool(ch) and "\u4e00" <= ch <= "\u9fff" and ch not in "的在和与及是对由向经为将了并、"


def _is_generic(found: list[Candidate], start: int) -> bool:
    """Return whether the body already found at ``start`` is a bare (generic) one."""
    return any(c.start == start and c.kind == GENERIC for c in found)
