"""Return Organization candidates: government bodies after a place or zone, named institutions, central bodies."""

from __future__ import annotations

import re

from zonekg.extractors.pipeline.automaton import lexicon_automaton, matches, places_by_name
from zonekg.extractors.pipeline.candidates import FULL, GENERIC, LEXICON, Candidate
from zonekg.extractors.pipeline.stems import absorb_places, cut_function_words, cut_stop_words, is_common_word, stem_start

ORG = "Organization"

# Suffixes that name an institution by themselves after a free stem (华中科技大学, 长沙市工业设计协会).
_FREE = ("协会", "商会", "学会", "大学", "学院", "研究院", "设计院", "规划设计院", "研究所", "研究中心", "科学院", "社科院",
         "社会科学院", "日报", "晚报", "新闻中心", "融媒体中心", "分局")
# Suffixes that need a place or zone before a free stem (潜江市工业园区建设总指挥部, 来凤县水利水产局).
_PLACED = ("领导小组", "指挥部", "办公室", "委员会", "局", "厅", "委", "办", "中心", "记者站", "评估组")
# Party committees named by their level alone: complete bodies, never a unit of the body before them.
_COMMITTEES = ("市委", "县委", "区委", "省委", "州委")
AUTONOMOUS_REGION = "自治区"  # the level word of a province-level autonomous region (自治区政府 = 广西壮族自治区政府)
# Level characters that make a bare government suffix refer to the document's region (市委, 省政府, 县人大).
LEVEL_CHARS = "省市县区州"
# Bare bodies that refer to the document's own zone (管委会 = this zone's 管委会).
ZONE_BODIES = ("管委会", "管理委员会", "党工委", "工委", "管委", "党委")
# Words that stand for the document's own zone before a body (该区党委, 本区管委会).
ZONE_PRONOUNS = ("该区", "本区", "园区", "新区")
# Parties and fronts whose branches are named before a place (民盟钦州市委, 中共来凤县委).
_PARTY_PREFIXES = ("中共", "民盟", "民建", "民进", "民革", "农工党", "致公党", "九三学社", "台盟", "共青团")
# A session number between a place and its assembly (河北省第十二届人民代表大会): the body is the assembly.
ORDINAL_BEFORE = re.compile(r"第?[一二三四五六七八九十百]+届$")
_SESSION_BODIES = frozenset({"人大常委会", "人大", "人民代表大会", "人民代表大会常务委员会", "政协", "委员会"})
# Units a body keeps in a place, named body + place + unit (中国日报云南记者站, 新华社湖南分社).
_BRANCH_UNITS = frozenset({"记者站", "分社", "办事处", "代表处", "分局", "分院", "分会"})
# Words of purpose that name institutions and units (经济发展协会, 规划建设发展中心, 招商服务中心).
_INSTITUTION_WORDS = frozenset({"发展", "服务", "管理", "促进", "建设", "规划", "研究", "改革", "投资", "合作", "交流"})
_NOT_NAME_BEFORE = "的在和与及是对由向经为将了并、"
# Words ending in a one-character body suffix that are not bodies (布局, 大厅, 举办, 原委).
_NOT_BODIES = frozenset("布局 格局 结局 大局 全局 时局 当局 开局 残局 骗局 僵局 变局 新局 棋局 出局 破局 终局 定局 "
                        "大厅 客厅 餐厅 展厅 舞厅 门厅 原委 承办 主办 创办 兴办 举办 开办 协办 督办 包办 代办 操办 "
                        "筹办 申办 领办 帮办 查办 交办 试办 合办 照办 置办 法办 好办 难办 怎办 去办 来办 要办".split())


# The outlet a page credits (来源: 中国新闻网, 图源:东山融媒): a media body by its place in the credit.
_OUTLET = re.compile(r"(?:来源|稿源|图源|出处)\s*[:：]\s*([\u4e00-\u9fff]{1,12}?(?:网|报|社|台|融媒|融媒体|客户端))"
                     r"(?=[\s|丨/)）,，]|$)")


def find_outlets(text: str) -> list[Candidate]:
    """Return the outlets named after 来源:/图源: as Organization candidates (a media body's own name)."""
    return [Candidate(m.start(1), m.end(1), ORG, FULL) for m in _OUTLET.finditer(text)]


def find_orgs(text: str, place_ends: dict[int, int], zone_ends: dict[int, int],
              generic_zone_ends: dict[int, int] | None = None) -> list[Candidate]:
    """Return Organization candidates; the ``*_ends`` maps give the start of a name ending at an offset."""
    generic_zone_ends = generic_zone_ends or {}
    out: list[Candidate] = []
    longest: dict[int, int] = {}
    for start, end, _w, _v in matches(lexicon_automaton("org_suffixes"), text):
        if start < longest.get(end, end):
            longest[end] = start
    national = list(matches(lexicon_automaton("national_orgs"), text))
    org_ends: dict[int, tuple[int, bool]] = {end: (start, False) for start, end, _w, _v in national}
    for end, suffix_start in sorted(longest.items()):
        suffix = text[suffix_start:end]
        if len(suffix) == 1 and text[suffix_start - 1:end] in _NOT_BODIES:
            continue
        if suffix == "办" and text.startswith("公", end) and not text.startswith(("公室", "公厅"), end):
            continue  # 到永州经开区现场办公: 办公 is the verb, not a body's 办
        found = _prefix_start(text, suffix_start, suffix, place_ends, zone_ends, generic_zone_ends, org_ends)
        if found is None:
            continue
        left, generic = found
        left = _party_prefix(text, left)
        out.append(Candidate(left, end, ORG, GENERIC if generic else FULL))
        org_ends[end] = (left, generic)
    out.extend(_listed_departments(text, out))
    for start, end, _w, _v in national:
        out.append(Candidate(start, end, ORG, LEXICON))
    return out


_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:局|办|委|厅)(?!长|公室|公厅|[\u4e00-\u9fff]?委员)")


def _listed_departments(text: str, found: list[Candidate]) -> list[Candidate]:
    """Return bare departments that follow a placed one in a 、-list (县发改局、商务局、科技局).

    Their kind is ``generic@<prefix>``: the level character or place name of the
    first item, which the resolver puts in front of each.
    """
    by_start = {c.start: c for c in found}
    out: list[Candidate] = []
    for first in sorted(found):
        if first.end >= len(text) or text[first.end] != "、":
            continue
        prefix = _department_prefix(text, first)
        if prefix is None:
            continue
        pos = first.end + 1
        while pos < len(text):
            match = _DEPARTMENT.match(text, pos)
            if match is None or match.group() in _NOT_BODIES or len(match.group()) < 3:
                break
            if pos not in by_start:
                out.append(Candidate(pos, match.end(), ORG, f"{GENERIC}@{prefix}"))
            if match.end() >= len(text) or text[match.end()] != "、":
                break
            pos = match.end() + 1
    return out


def _department_prefix(text: str, c: Candidate) -> str | None:
    """Return the level character or place that a listed department body starts with, or None."""
    surface = text[c.start:c.end]
    if not surface.endswith(("局", "办", "委", "厅")):
        return None
    if c.kind == GENERIC and surface[0] in LEVEL_CHARS:
        return surface[0]
    index = places_by_name()
    for size in range(min(len(surface) - 2, 8), 1, -1):
        if surface[:size] in index:
            return surface[:size]
    return None


def _party_prefix(text: str, left: int) -> int:
    """Return ``left`` moved over a party name just before it (民盟 in 民盟钦州市委)."""
    for prefix in _PARTY_PREFIXES:
        if text.startswith(prefix, left - len(prefix)):
            return left - len(prefix)
    return left


def _level_fits(text: str, start: int, end: int, suffix: str) -> bool:
    """Return whether the place ``text[start:end]`` is of the level the suffix names (会同 + 市委 is not)."""
    if not suffix or suffix[0] not in LEVEL_CHARS:
        return True
    return any(p.name.endswith(suffix[0]) for p in places_by_name().get(text[start:end], ()))


def _prefix_start(text: str, suffix_start: int, suffix: str, place_ends: dict[int, int], zone_ends: dict[int, int],
                  generic_zone_ends: dict[int, int], org_ends: dict[int, tuple[int, bool]]) -> tuple[int, bool] | None:
    """Return (where the body's name starts, whether it is generic), or None when there is no body."""
    if suffix_start in zone_ends:
        return zone_ends[suffix_start], False
    if suffix_start in generic_zone_ends:
        zone_start = generic_zone_ends[suffix_start]
        if (suffix not in ZONE_BODIES and zone_start > 0 and text[zone_start - 1] in LEVEL_CHARS
                and not _name_like(text[zone_start - 2:zone_start - 1])):
            return zone_start - 1, True  # 省开发区评估组: the region's body for its zones, not one zone's
        return zone_start, True
    if suffix_start in org_ends:
        # 永州市委组织部; a one-character suffix right after a body is a title (局长, 主委), not a department
        if len(suffix) > 1 or (suffix == "办" and text[suffix_start - 2:suffix_start] in _COMMITTEES):
            return org_ends[suffix_start]  # 市委办 is the committee's office
        return None
    ordinal = ORDINAL_BEFORE.search(text, max(0, suffix_start - 6), suffix_start)
    if ordinal is not None and ordinal.start() in place_ends and suffix in _SESSION_BODIES:
        return absorb_places(text, ordinal.start(), place_ends), False  # 山西省十三届人大常委会: the body, by session
    if suffix_start in place_ends:
        if not _level_fits(text, place_ends[suffix_start], suffix_start, suffix):
            return None
        left = absorb_places(text, suffix_start, place_ends)
        if suffix in _BRANCH_UNITS and left in org_ends:
            return org_ends[left]  # 中国日报云南记者站: the body's office in that place
        return left, False
    before = text[suffix_start - 1] if suffix_start else ""
    if suffix in ZONE_BODIES and any(text.startswith(p, suffix_start - len(p)) for p in ZONE_PRONOUNS):
        return suffix_start - 2, True
    if suffix.endswith(_FREE):
        if before and before in LEVEL_CHARS and not _name_like(text[suffix_start - 2:suffix_start - 1]):
            return suffix_start - 1, True  # 省社科院: the region's institute
        raw_left = stem_start(text, suffix_start, 10, place_ends, stop_words=False)
        owner = max((e for e in org_ends if raw_left < e < suffix_start - 1), default=None)
        if owner is not None and suffix == "分局":
            return org_ends[owner]  # 市公安局城南分局: a branch of the body named before it
        stem_left = cut_stop_words(text, raw_left, suffix_start, keep=_INSTITUTION_WORDS)
        left = absorb_places(text, stem_left, place_ends)
        if left == stem_left and _verb_word(text[stem_left:suffix_start]):
            return None  # 保障协会正常运作: a verb before 协会 names no association
        return (left, False) if suffix_start - left >= 2 else None
    if suffix.endswith(_PLACED) and suffix not in _COMMITTEES:
        bounds = {**place_ends, **zone_ends, **{e: v[0] for e, v in org_ends.items()}}
        stem_left = stem_start(text, suffix_start, 10 if len(suffix) > 1 else 6, bounds, stop_words=len(suffix) == 1)
        if stem_left in org_ends and stem_left not in place_ends:
            # 教育部学校规划建设发展中心: a unit of the body named just before; 市委主委 is a title;
            # 市委组织部会同市委编办: a verb between two bodies makes two bodies, not one
            working = suffix == "委员会" and text.endswith("工作", stem_left, suffix_start)  # …法制工作委员会
            if (len(suffix) == 1 and (suffix_start - stem_left < 2 or _has_title(text[stem_left:suffix_start]))) or \
                    (not working and cut_function_words(text, stem_left, suffix_start, _INSTITUTION_WORDS) != stem_left):
                return None  # 市委常委 is a title; 山西省人大财经委 is a committee of the body
            return org_ends[stem_left]
        if suffix == "中心" and is_common_word(text[stem_left:suffix_start]):
            return None  # 经济中心, 服务中心: a common word before 中心 is no body's name
        if suffix_start - stem_left >= 2 or (len(suffix) > 1 and suffix_start > stem_left):
            if stem_left in place_ends or stem_left in zone_ends:
                start = zone_ends.get(stem_left)
                return (start if start is not None else absorb_places(text, stem_left, place_ends)), False
            if stem_left > 0 and text[stem_left - 1] in LEVEL_CHARS and not _name_like(text[stem_left - 2: stem_left - 1]):
                return stem_left - 1, True
            if (len(suffix) > 1 and text[stem_left] in LEVEL_CHARS and suffix_start - stem_left >= 3
                    and stem_left not in place_ends):
                return stem_left, True  # 、省开发区管理办公室: the level word opens the stem
        if len(suffix) == 1:
            return None
    if text.endswith(AUTONOMOUS_REGION, 0, suffix_start) and not _name_like(text[suffix_start - 4:suffix_start - 3]):
        return suffix_start - len(AUTONOMOUS_REGION), True  # 自治区政协: the region's province-level body
    if before and before in LEVEL_CHARS:
        # 省政府 / 市委 / 县发改局: a level character alone (a named place before it was matched above)
        return suffix_start - 1, True
    if suffix in _COMMITTEES:
        return suffix_start, True  # 落实省委、省政府: no named place ends here, so the region's committee
    if suffix in ZONE_BODIES:
        return None if _name_like(before) else (suffix_start, True)
    return None


def _verb_word(stem: str) -> bool:
    """Return whether ``stem`` is one dictionary word used as a verb (保障, 加强), not a name."""
    from zonekg.extractors.data.words import word_tags

    return word_tags().get(stem, (0, ""))[1] in ("v", "vd", "d", "p", "c")


def _has_title(stem: str) -> bool:
    """Return whether a stem holds an official title or part of one (主任, 常委), so it names a post, not a body."""
    return any(t in stem for t in ("主任", "书记", "常", "副", "主席", "长"))


def _name_like(ch: str) -> bool:
    """Return whether ``ch`` could be the last character of a name before a body's suffix."""
    return bool(ch) and "\u4e00" <= ch <= "\u9fff" and ch not in _NOT_NAME_BEFORE
