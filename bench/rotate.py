"""Rotate the place names, zone suffixes and company suffixes of a text through gazetteer entries.

Copy 0 of a text is the text itself; copy ``c`` replaces every administrative
place name with another place of the same level (short form for short form),
so zones named after places (来凤经济开发区), companies with a place prefix
and the places themselves become new entities in each copy instead of merging
with the original ones. Company suffixes rotate too (有限公司 → 股份有限公司),
so do the endings of zones named without a place (杨林工业园区 → 杨林产业园区)
and the surnames of people named after a title (主任王建国 → 主任孔建国),
and once a level's places are used up, the endings after place names start
rotating as well, so that large copy counts still grow the graph.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache

from zonekg.extractors.data.lexicons import lexicon, surnames
from zonekg.extractors.data.places import Place, load_places

# Places below county level are left alone: town names are too often ordinary words.
_ROTATED_LEVELS = ("province", "city", "county")
# Short forms of these levels are distinctive enough to rotate anywhere; county short
# forms (和平, 长安, 城关) only when a zone suffix follows them.
_FREE_SHORT_LEVELS = ("province", "city")
# Only the unambiguous company endings rotate: 公司 or 厂 alone also follow generic words (该公司).
_COMPANY_SUFFIXES = ("股份有限公司", "集团有限公司", "有限责任公司", "有限公司")
_MIN_ZONE_SUFFIX = 3  # 新区, 园区-like two-character endings are too generic to rotate
# Without a place before it, an ending rotates only when long enough to name a zone (工业园区, not 开发区).
_MIN_FREE_ZONE_SUFFIX = 4
# Characters that end a person's name or cannot start a given name (一行, 等, 在, 指出, 、).
_NAME_STOPS = frozenset("一等在到说指表介主率出要带先同对为的和与及、是也就将已")
# Rotation keeps a name's final character (市 for 市), so 永州市委 becomes 某某市委; odd endings fall back.
_ADMIN_ENDINGS = frozenset("省市区县州盟旗")
_MOST_COMMON_END = {"province": "省", "city": "市", "county": "县"}


@dataclass(frozen=True)
class Hit:
    """A rotatable name in a text: ``[start, end)``, what kind it is and its canonical key."""

    start: int
    end: int
    kind: str  # place-full, place-short, zone-suffix, zone-suffix-free, company-suffix, person-surname
    key: str  # the place's official name, or the suffix itself
    level: str = ""
    place: str = ""  # for a zone suffix: the official name of the place before it


class Rotator:
    """Find rotatable names in a text and render its ``c``-th copy, deterministically from a seed."""

    def __init__(self, seed: int = 0) -> None:
        places = _places_by_level()
        self._surfaces: dict[str, tuple[str, str, str]] = {}
        for level in _ROTATED_LEVELS:  # higher levels first: 吉林 is the province before the city
            for place in places[level]:
                self._surfaces.setdefault(place.name, ("place-full", place.name, level))
            for place in places[level]:
                if place.short and all(_is_han(c) for c in place.short):
                    self._surfaces.setdefault(place.short, ("place-short", place.name, level))
        self._max_len = max(len(s) for s in self._surfaces)
        self._first_chars = frozenset(s[0] for s in self._surfaces)
        self._zone_suffixes = tuple(s for s in lexicon("zone_suffixes") if len(s) >= _MIN_ZONE_SUFFIX)
        self._all_zone_suffixes = lexicon("zone_suffixes")
        self._titles = lexicon("titles")
        self._surname_pool = tuple(sorted(surnames()[0]))
        self._surnames = frozenset(self._surname_pool)
        self._free_suffixes = tuple(s for s in self._zone_suffixes if len(s) >= _MIN_FREE_ZONE_SUFFIX)
        self._free_first = frozenset(s[0] for s in self._free_suffixes)
        # One pool per level and final character, so that 永州市委 becomes 某某市委, never 某某自治州委.
        rng = random.Random(seed)
        self._pools: dict[tuple[str, str], list[Place]] = {}
        for level in _ROTATED_LEVELS:
            for place in places[level]:
                if place.short and place.name[-1] in _ADMIN_ENDINGS:
                    self._pools.setdefault((level, place.name[-1]), []).append(place)
        for key in sorted(self._pools):
            rng.shuffle(self._pools[key])
        self._position = {p.name: i for pool in self._pools.values() for i, p in enumerate(pool)}

    def find(self, text: str) -> list[Hit]:
        """Return the non-overlapping rotatable names of ``text``, leftmost-longest, in order."""
        hits: list[Hit] = []
        persons = self._person_names(text)
        i, n = 0, len(text)
        while i < n:
            hit = self._person_at(text, i, persons) if text[i] in persons else None
            if hit is None and text[i] in self._first_chars:
                hit = self._place_at(text, i)
            if hit is None:
                hit = self._company_suffix_at(text, i) or self._free_zone_suffix_at(text, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
            if hit.kind.startswith("place"):
                suffix = next((s for s in self._zone_suffixes if text.startswith(s, i)), None)
                if suffix:
                    hits.append(Hit(i, i + len(suffix), "zone-suffix", suffix, hit.level, hit.key))
                    i += len(suffix)
        return hits

    def render(self, text: str, hits: list[Hit], copy: int) -> str:
        """Return the ``copy``-th rotation of ``text`` given its ``hits`` (copy 0 is ``text``)."""
        if copy == 0:
            return text
        parts: list[str] = []
        last = 0
        for hit in hits:
            parts.append(text[last:hit.start])
            parts.append(self._replacement(hit, copy))
            last = hit.end
        parts.append(text[last:])
        return "".join(parts)

    def _pool(self, level: str, name: str) -> list[Place]:
        return self._pools.get((level, name[-1])) or self._pools[(level, _MOST_COMMON_END[level])]

    def _place_at(self, text: str, i: int) -> Hit | None:
        for length in range(min(self._max_len, len(text) - i), 1, -1):
            entry = self._surfaces.get(text[i:i + length])
            if entry is None:
                continue
            kind, key, level = entry
            if kind == "place-short" and level not in _FREE_SHORT_LEVELS:
                if not any(text.startswith(s, i + length) for s in self._all_zone_suffixes):
                    continue
            return Hit(i, i + length, kind, key, level)
        return None

    def _person_names(self, text: str) -> dict[str, tuple[str, ...]]:
        """Return the person names that follow a title (主任王建国, 市长易佳良), by first character."""
        names: set[str] = set()
        for title in self._titles:
            start = text.find(title)
            while start >= 0:
                name = self._name_after(text, start + len(title))
                if name:
                    names.add(name)
                start = text.find(title, start + len(title))
        by_first: dict[str, list[str]] = {}
        for name in sorted(names, key=lambda n: (-len(n), n)):
            by_first.setdefault(name[0], []).append(name)
        return {k: tuple(v) for k, v in by_first.items()}

    def _name_after(self, text: str, i: int) -> str | None:
        if i >= len(text) or text[i] not in self._surnames:
            return None
        given = text[i + 1:i + 3]
        if len(given) < 1 or not _is_han(given[0]) or given[0] in _NAME_STOPS:
            return None
        # a two-character name when the third character cannot be part of a name (徐辉一行, 徐辉,)
        if len(given) < 2 or not _is_han(given[1]) or given[1] in _NAME_STOPS:
            return text[i:i + 2]
        return text[i:i + 3]

    def _person_at(self, text: str, i: int, persons: dict[str, tuple[str, ...]]) -> Hit | None:
        # only the surname changes: the rest of the text keeps its shape, every mention of the name rotates alike
        name = next((p for p in persons[text[i]] if text.startswith(p, i)), None)
        if name is None or (i and _is_han(text[i - 1]) and text[i - 1] not in _NAME_STOPS
                            and not any(text.endswith(t, 0, i) for t in self._titles)):
            return None
        return Hit(i, i + 1, "person-surname", text[i])

    def _free_zone_suffix_at(self, text: str, i: int) -> Hit | None:
        # a zone named without a place (杨林工业园区) gets a new ending per copy, so it too becomes a new zone
        if i < 2 or text[i] not in self._free_first or not _is_han(text[i - 1]) or not _is_han(text[i - 2]):
            return None
        suffix = next((s for s in self._free_suffixes if text.startswith(s, i)), None)
        return Hit(i, i + len(suffix), "zone-suffix-free", suffix) if suffix else None

    def _company_suffix_at(self, text: str, i: int) -> Hit | None:
        if i < 2 or not _is_han(text[i - 1]) or not _is_han(text[i - 2]):
            return None
        for suffix in _COMPANY_SUFFIXES:
            if text.startswith(suffix, i):
                return Hit(i, i + len(suffix), "company-suffix", suffix)
        return None

    def _replacement(self, hit: Hit, copy: int) -> str:
        if hit.kind == "company-suffix":
            return _rotate_in(_COMPANY_SUFFIXES, hit.key, copy)
        if hit.kind == "person-surname":
            return _rotate_in(self._surname_pool, hit.key, copy)
        if hit.kind == "zone-suffix-free":
            return _rotate_in(self._free_suffixes, hit.key, copy)
        if hit.kind == "zone-suffix":
            laps = copy // len(self._pool(hit.level, hit.place))
            return _rotate_in(self._zone_suffixes, hit.key, laps) if laps else hit.key
        pool = self._pool(hit.level, hit.key)
        start = self._position.get(hit.key, zlib.crc32(hit.key.encode("utf-8")) % len(pool))
        place = pool[(start + copy) % len(pool)]
        if hit.kind == "place-short":
            return place.short or place.name
        return place.name


def _rotate_in(pool: tuple[str, ...], item: str, steps: int) -> str:
    index = pool.index(item) if item in pool else zlib.crc32(item.encode("utf-8")) % len(pool)
    return pool[(index + steps) % len(pool)]


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@lru_cache(maxsize=1)
def _places_by_level() -> dict[str, list[Place]]:
    """Return the gazetteer's places per rotated level, sorted by name, one per name."""
    seen: set[str] = set()
    by_level: dict[str, list[Place]] = {level: [] for level in _ROTATED_LEVELS}
    for place in sorted(load_places(), key=lambda p: (_ROTATED_LEVELS.index(p.level)
                                                      if p.level in _ROTATED_LEVELS else 9, p.name)):
        if place.level in by_level and place.name not in seen and len(place.name) >= 3:
            seen.add(place.name)
            if place.short and not all(_is_han(c) for c in place.short):
                place = replace(place, short=None)  # 巴州/巴音郭楞: alternatives, not one short form
            by_level[place.level].append(place)
    return by_level
