"""Return Zone candidates: a zone suffix (经济开发区, 工业园 …) with the place names and stem before it."""

from __future__ import annotations

import re

from zonekg.extractors.pipeline.automaton import lexicon_automaton, matches
from zonekg.extractors.pipeline.candidates import FULL, GENERIC, Candidate
from zonekg.extractors.pipeline.companies import SECTOR_END
from zonekg.extractors.pipeline.stems import (absorb_places, cut_function_words, cut_stop_words, is_common_word,
                                               is_descriptive, is_name_char, stem_start)

ZONE = "Zone"

# Suffixes that are only a zone name with a place or a stem before them; alone they are common nouns.
_WEAK_SUFFIXES = frozenset({"新区", "小镇", "管理区", "示范区", "试验区", "经济区", "工业区", "产业区", "加工区", "产业基地", "特色小镇",
                            "科技园", "创新园", "孵化园", "示范园", "软件园", "区块"})
# Bare suffixes that stand for the document's own zone (经开区 = this document's 经济技术开发区).
GENERIC_ZONES = frozenset({"开发区", "经开区", "高新区", "经济开发区", "经济技术开发区", "高新技术产业开发区", "工业园区",
                           "工业园", "产业园", "综合保税区"})
# Bare suffixes that after a province or city name mean its zones in general (湖南省开发区, 永州市工业园区).
_PLURAL_SUFFIXES = frozenset({"开发区", "工业园区", "工业园", "产业园", "产业园区", "园区"})
# Stems that are not names: a bare suffix preceded by one of these is a common noun.
_NOT_NAMES = frozenset({"国家", "省级", "市级", "县级", "各类", "各地", "各级", "全国", "我国", "中国", "本", "这", "该",
                        "特色", "专业", "现代", "新型", "生态", "智慧", "工业", "产业", "园区", "开发", "所在", "一个"})


def find_zones(text: str, place_ends: dict[int, int], upper_ends: frozenset[int] = frozenset()) -> list[Candidate]:
    """Return Zone candidates found in ``text``.

    ``place_ends`` maps place end offsets to starts; ``upper_ends`` holds the
    ends of province and city names (湖南省开发区 is the province's zones, not one zone).
    """
    out: list[Candidate] = []
    longest: dict[int, int] = {}
    for start, end, _word, _values in matches(lexicon_automaton("zone_suffixes"), text):
        if start < longest.get(end, end):
            longest[end] = start
    # another zone's suffix stops a stem: 永州经开区职能装备产业园 holds two zones
    boundaries = dict(place_ends)
    for end in longest:
        boundaries.setdefault(end, end)
    for end, suffix_start in sorted(longest.items()):
        suffix = text[suffix_start:end]
        if end < len(text) and text[end] in "区园" and suffix[-1] in "园区":
            continue  # 工业园 inside 工业园区: the longer form is matched at its own end
        raw_left = stem_start(text, suffix_start, 8, boundaries, stop_words=False)
        # a park named by its line of business (宣城智能制造产业园, 现代服务业产业园): the industry's own
        # words (制造, 服务) are no verbs to cut at
        head_end = _industry_head(text, raw_left, suffix_start)
        stem_left = cut_stop_words(text, raw_left, head_end)
        closing = suffix_start - 1
        if stem_left == suffix_start and closing > 0 and text[closing] in ")）" and closing in place_ends:
            # 中国(上海)自由贸易试验区: a bracketed place inside the name
            opening = place_ends[closing] - 1
            if opening > 0 and text[opening] in "(（":
                outer = stem_start(text, opening, 4, boundaries)
                stem_left = outer if outer < opening else stem_left
        stem_left = cut_function_words(text, stem_left, head_end) if stem_left < head_end else stem_left
        while stem_left < suffix_start and text[stem_left] in "省市县区州" and stem_left not in place_ends:
            stem_left += 1  # 我县桂花树工业园: the level word belongs to the pronoun cut before it
        stem = text[stem_left:suffix_start]
        left = absorb_places(text, stem_left, place_ends)
        if left == stem_left and (len(stem) == 1 or (stem and is_common_word(stem))):
            continue
        if not stem and left != suffix_start and suffix in _PLURAL_SUFFIXES and suffix_start in upper_ends:
            continue  # 湖南省开发区, 永州市工业园区: the province's or city's zones in general
        if not stem and suffix in GENERIC_ZONES and text[suffix_start - 1] == "省" and suffix_start in upper_ends:
            continue  # 《湖北省经济技术开发区条例》: a province has zones of a kind, not one zone by its name
        if left == suffix_start:
            if suffix in GENERIC_ZONES:
                out.append(Candidate(suffix_start, end, ZONE, GENERIC))
            continue
        if left == stem_left and (len(stem) < 2 or stem in _NOT_NAMES):
            continue
        if left == stem_left and _descriptive_stem(stem) and stem_left not in longest:
            continue  # 专业特色产业园, 七大石化产业基地: a kind of park, not a park's name (but 经开区智能装备产业园
            # names the zone's park by its line of business)
        if suffix == "开发区" and left == stem_left:
            continue  # a bare 开发区 names a zone only after a place (哈尔滨开发区); 谋划开发区 is a phrase
        if stem in _NOT_NAMES and left == stem_left:
            continue
        if suffix in _WEAK_SUFFIXES and left == stem_left and len(stem) < 2:
            continue
        if left < stem_left:
            left = _short_prefix(text, left)
        regiment = _REGIMENT.search(text, max(0, left - 6), min(left + 2, suffix_start))
        if regiment is not None and regiment.start() < left <= regiment.end():
            left = regiment.start()  # 十六团新开岭镇产业园区: a numbered regiment (团) names where the park is
        out.append(Candidate(left, end, ZONE, FULL))
    out.extend(_place_parks(text, place_ends, upper_ends, longest))
    out.extend(_parks_after_zones(text, [c for c in out if c.kind == FULL]))
    out.extend(_listed_zones(text))
    out.extend(_quoted_zones(text))
    return out


def _industry_head(text: str, start: int, end: int) -> int:
    """Return where the longest industry term ending at ``end`` starts inside ``[start, end)``, else ``end``."""
    best = end
    for term_start, term_end, _w, _v in matches(lexicon_automaton("industries"), text[start:end]):
        if start + term_end == end and len(_w) >= 2:
            best = min(best, start + term_start)
    return best


def _short_prefix(text: str, left: int) -> int:
    """Return ``left`` moved over a two-character prefix before a place that opens a name (、中马钦州产业园区)."""
    if left >= 1 and text[left - 1] in "东南西北" and (left == 1 or text[left - 2] in _BEFORE_DIRECTION):
        return left - 1  # 下辖的南太湖智能装备产业园: a direction before the place is part of the name
    start = left - 2
    if start < 0 or not all(is_name_char(ch) for ch in text[start:left]) or text[start:left] in _NAMING_WORDS:
        return left
    if start > 0 and ("\u4e00" <= text[start - 1] <= "\u9fff"):
        return left  # the prefix is glued to more text: it is not where the name starts
    if is_common_word(text[start:left]) or cut_function_words(text, start, left) != start:
        return left
    return start


def _quoted_zones(text: str) -> list[Candidate]:
    """Return zone names written in quotes (“龙凤百亿产业园”): the quotes mark the whole name."""
    out: list[Candidate] = []
    for match in _QUOTED.finditer(text):
        if _LEVEL_ONLY.match(match.group(1)):
            continue  # “国家级经济技术开发区”, “省管开发区”: a level or a kind of zone, not a name
        out.append(Candidate(match.start(1), match.end(1), ZONE, FULL))
    return out


_LEVEL_ONLY = re.compile(r"(?:国家级|省级|市级|县级|省管|市管|县管|国家|省属|市属)(?:[\u4e00-\u9fff]{0,4}?)"
                         r"(?:经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|开发区|高新区|经开区|工业园区|产业园区|产业园|工业园)$")


# 东十里、廿铺、下曲等五个工业园: the list's items are the parks, named by their stems.
_LISTED = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等(?:一批|[\d一二三四五六七八九十两几]+个)"
                     r"[\u4e00-\u9fff]{0,6}?(?:工业园区|工业园|产业园区|产业园|园区|开发区|工业集中区|片区|小镇)")


_ITEM_TAIL = re.compile(r"(?:产业园|工业园)$")
# A verb of holding before the first item (现管辖东十里、…): the list starts after it.
_HOLDS = re.compile(r".*(?:管辖|下辖|辖有|包括|包含|拥有|设有|分为|涵盖|规划建设|建有)")
# Words that introduce a name (原名X开发区) and so are never its first characters.
_NAMING_WORDS = frozenset({"原名", "原称", "现名", "简称", "全称", "更名", "改名", "命名", "前身", "又名", "俗称", "称为", "名为"})
_BEFORE_DIRECTION = "的之、,，和与及在于将把对从;；:："
# 下辖惠农园区和平罗园区: a place right before 园区 names one park (the plural sense is ruled out by level)
_PARK = "园区"
_REGIMENT = re.compile(r"[一二三四五六七八九十百\d]{1,4}团团?")


_QUOTED = re.compile(r"[“\"]([\u4e00-\u9fff]{2,10}(?:产业园区|产业园|工业园区|工业园|开发区|经开区|高新区|物流园|创业园|小镇|新区))[”\"]")


def _descriptive_stem(stem: str) -> bool:
    """Return whether a stem without a place starts with a count (十强, 七大) or strings several common words."""
    from zonekg.extractors.data.words import segment_right

    if re.match(r"[一二三四五六七八九十百千\d]+[强大个类]", stem):
        return True
    if any(len(word) >= 3 and word[-1] in "型性" for word in segment_right(stem)):
        return True  # 科技型现代化工工业园区, 综合性产业园: an adjective word makes the stem a description
    return len(segment_right(stem)) >= 2 and is_descriptive(stem, 1000)


def _listed_zones(text: str) -> list[Candidate]:
    """Return the stems listed before 等N个工业园 as zones (the stem is how the text names each park)."""
    out: list[Candidate] = []
    for match in _LISTED.finditer(text):
        pos = match.start(1)
        for item in match.group(1).split("、"):
            start, end = pos, pos + len(item)
            pos = end + 1
            if start == match.start(1):
                holds = _HOLDS.match(text, start, end)
                start = holds.end() if holds else cut_function_words(text, start, end)
            tail = _ITEM_TAIL.search(text, start, end)
            if tail is not None and tail.start() > start + 1:
                end = tail.start()  # 道县电子信息产业: the park is named by its place and line of business
            if end - start >= 2 and not is_common_word(text[start:end]) and not is_descriptive(text[start:end]):
                out.append(Candidate(start, end, ZONE, FULL))
    return out


# 汕尾高新区红草园区: a park named right after its zone, by a proper stem and 园区
_PARK_AFTER_ZONE = re.compile(r"([\u4e00-\u9fff]{2,4}?)园区")


def _parks_after_zones(text: str, zones: list[Candidate]) -> list[Candidate]:
    """Return the parks named right after a zone's name (X高新区红草园区 → 红草园区)."""
    out: list[Candidate] = []
    for zone in zones:
        match = _PARK_AFTER_ZONE.match(text, zone.end)
        if match is None:
            continue
        stem = match.group(1)
        if stem.endswith(("工业", "产业", "物流", "科技", "农业", "创业", "示范")):
            continue  # …开发区暨工业园区: a suffix of its own (工业园区), read where it ends
        if (any(ch in "省市县区州的和与及在等各暨即" for ch in stem) or is_common_word(stem) or is_descriptive(stem)
                or cut_function_words(text, match.start(1), match.end(1)) != match.start(1)):
            continue
        out.append(Candidate(match.start(), match.end(), ZONE, FULL))
    return out


def _place_parks(text: str, place_ends: dict[int, int], upper_ends: frozenset[int],
                 suffix_ends: dict[int, int]) -> list[Candidate]:
    """Return place + 园区 as a zone (惠农园区) where the place is below a city and no longer suffix ends there."""
    out: list[Candidate] = []
    for end, start in sorted(place_ends.items()):
        if not text.startswith(_PARK, end) or end in upper_ends or end + 2 in suffix_ends:
            continue
        if text[end - 1] in "省市县区州" or (end + 2 < len(text) and text[end + 2] in "管建内外"):
            continue  # 樟树市园区: the city's parks; 园区管委会, 园区建设 read the 园区 as a common noun
        if SECTOR_END.search(text, max(0, start - 6), start):
            continue  # 天合光能西宁园区: a firm's site in that place, not a zone
        out.append(Candidate(start, end + 2, ZONE, FULL))
    return out
