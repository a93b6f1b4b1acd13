"""Return Aho-Corasick automata over the gazetteers and lexicons, built once per process.

One automaton per concern keeps each lookup a single C-level pass over
``doc.text`` instead of a Python loop over thousands of patterns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import ahocorasick

from zonekg.extractors.data.lexicons import lexicon
from zonekg.extractors.data.places import Place, load_places

# Place names in the gazetteer that are really zones (some cities list their zones as county-level units).
_ZONE_LIKE = ("开发区", "高新区", "经开区", "园区", "工业区", "示范区", "管理区", "试验区", "合作区", "保税区", "度假区", "风景区",
              "产业园", "基地", "集聚区", "局", "社区", "农场", "林场", "牧场", "管委会", "办事处", "工业园", "新城")


_GENERIC_DISTRICTS = frozenset({"城区", "郊区", "矿区", "市辖区", "中区", "东区", "西区", "南区", "北区", "新区", "市区", "林区"})


def usable(place: Place) -> bool:
    """Return whether a gazetteer entry is a real division name worth matching.

    Some entries are zones or agencies listed as county-level units; two-character
    town names and generic district names (城区, 郊区) are dropped; two-character
    county names (道县, 和县) are checked in context by the gazetteer component.
    """
    if any(z in place.name for z in _ZONE_LIKE) or place.name in _GENERIC_DISTRICTS:
        return False
    return len(place.name) > 2 or place.level != "town"


def build(words: Iterable[tuple[str, object]]) -> ahocorasick.Automaton:
    """Return an automaton mapping each word to its value (later duplicates append to a tuple)."""
    automaton = ahocorasick.Automaton()
    for word, value in words:
        if automaton.exists(word):
            automaton.add_word(word, (word, automaton.get(word)[1] + (value,)))
        else:
            automaton.add_word(word, (word, (value,)))
    automaton.make_automaton()
    return automaton


def matches(automaton: ahocorasick.Automaton, text: str, longest: bool = False) -> Iterator[tuple[int, int, str, tuple]]:
    """Yield (start, end, word, values) for every occurrence of every word in ``text``.

    With ``longest`` only the leftmost-longest, non-overlapping occurrences are
    yielded (far fewer, for dictionaries whose short entries sit inside long ones).
    """
    if len(automaton) == 0:
        return
    for end_index, (word, values) in (automaton.iter_long(text) if longest else automaton.iter(text)):
        end = end_index + 1
        yield end - len(word), end, word, values


@lru_cache(maxsize=1)
def place_automaton() -> ahocorasick.Automaton:
    """Return the automaton of place names: value ``(Place, is_short)``."""
    def words() -> Iterator[tuple[str, tuple[Place, bool]]]:
        for place in load_places():
            if not usable(place):
                continue
            yield place.name, (place, False)
            if place.short and place.level != "town":
                yield place.short, (place, True)
            if place.name.endswith("自治州") and place.short:
                yield place.short + "州", (place, True)  # 恩施州, 黔东南州
    return build(words())


@lru_cache(maxsize=None)
def lexicon_automaton(name: str) -> ahocorasick.Automaton:
    """Return the automaton of one lexicon: value is the lexicon name."""
    return build((word, name) for word in lexicon(name))


@lru_cache(maxsize=1)
def places_by_name() -> dict[str, tuple[Place, ...]]:
    """Return every place keyed by its official name and by its short form."""
    index: dict[str, list[Place]] = {}
    for place in load_places():
        if not usable(place):
            continue
        index.setdefault(place.name, []).append(place)
        if place.short and place.level != "town":
            index.setdefault(place.short, []).append(place)
        if place.name.endswith("自治州") and place.short:
            index.setdefault(place.short + "州", []).append(place)
    return {k: tuple(v) for k, v in index.items()}
