"""PART_OF: parks inside a larger zone.

Constructions: a park written right after its zone (永州经开区职能装备产业园);
新材料产业区(桂花树工业园) (the bracket names the larger park); 纳入X管理/纳入到X;
and lists after 设有/下辖/管辖/包括/一区多园 (每个 park → the zone before the verb,
or the zone in focus).
"""

from __future__ import annotations

import re
from typing import Iterator

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import ZONE, DocContext, is_generic_zone, text_of, zone_key
from zonekg.extractors.relations.emit import candidate

REL = "PART_OF"
_HAS_PARTS = re.compile(r"下辖|管辖|辖|设有|包括|包含|分为|由.{0,6}组成|一区多园|一区[两二三四五六七八九]园|托管")
_WHOLE = re.compile(r"(?:开发区|经开区|高新区)$")
_INSIDE = re.compile(r"(?:位于|坐落于|坐落在|设在|地处)(?P<host>[^，。；]{2,30}?)(?:内|之内|范围内|区域内)")
_JOINED_INTO = re.compile(r"纳入(?:到)?")


_PARK = re.compile(r"(?:园|园区|小镇|区块|片区|组团|工业区|产业区|集中区|功能区)$")
_AREA = re.compile(r"全市|我市|全省|我省|全县|我县|全区|全州|市域|县域")
_MERGING = re.compile(r"为基础|合并|整合|更名|定名|前身|原名|改名|升级为")
_BUILD = re.compile(r"打造|建设|规划|设立|新建|建成|启动|筹建|布局|开辟")


def is_park(text: str) -> bool:
    """Return whether a zone name is a park-sized part (…工业园, …区块), not a whole 开发区."""
    return _PARK.search(text) is not None and not _WHOLE.search(text)


def _adjacent(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield park → zone for 永州经开区职能装备产业园 and 新材料产业区(桂花树工业园)."""
    mentions = [s for s in ctx.ents if s.label_ in (ZONE, "Organization")]
    for prev, nxt in zip(mentions, mentions[1:]):
        if prev.label_ != ZONE:
            continue
        sentence = ctx.sentence_of(prev.start_char)
        gap = ctx.text[prev.end_char:nxt.start_char]
        # 西宁经开区南川工业园区管委会: the park opens the committee's name
        part = nxt if nxt.label_ == ZONE else next(
            (z for z in ctx.nested_in(nxt, (ZONE,)) if z.start_char == nxt.start_char), None)
        if part is None:
            continue
        if gap == "" and not is_generic_zone(text_of(part)):
            yield candidate(REL, part, ctx.resolve_zone(prev), sentence, None, 0.8)
        elif re.fullmatch(r"[（(]", gap) and ctx.text[part.end_char:part.end_char + 1] in "）)":
            yield candidate(REL, prev, ctx.resolve_zone(part), sentence, None, 0.8)


def _built_inside(ctx: DocContext, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield park → zone for 永州经开区…打造永州电子商务产业园 / 在开发区…规划…的共青创业园."""
    if _MERGING.search(ctx.text, start, end):
        return  # 前身是1993年设立的X: a former name, not a park set up inside
    for match in _BUILD.finditer(ctx.text, start, end):
        owners = [z for pos, z in ctx.zones_in(start, match.start()) if not is_park(text_of(z))]
        if not owners:
            continue
        stop = ctx.text.find("，", match.end(), end)
        stop = end if stop < 0 else stop
        for part in ctx.ents_in(match.end(), stop, (ZONE,)):
            if is_park(text_of(part)) and not is_generic_zone(text_of(part)):
                yield candidate(REL, part, owners[-1], (start, end), None, 0.6)


def _local_parks(ctx: DocContext, stated: set[str]) -> Iterator[RelationCandidate | None]:
    """Yield park → the zone in focus for parks whose name starts with no place (罗桥工业园).

    A park named after a village or a road, in a text about one 开发区, is one of its
    parks; a park that opens with a county's name is that county's own.
    """
    focus = ctx.focus_zone
    if focus is None or is_park(text_of(focus)):
        return
    # a survey of many zones (a city's seven parks) does not make each park part of one of them
    wholes = {zone_key(text_of(s)) for s in ctx.ents if s.label_ == ZONE and _WHOLE.search(text_of(s))}
    if len(wholes) > 2:
        return
    from zonekg.extractors.relations.region import place_info
    for zone in ctx.ents:
        if zone.label_ != ZONE or text_of(zone) in stated or not is_park(text_of(zone)) or is_generic_zone(text_of(zone)):
            continue
        if ctx.nested_in(zone, ("Place",)) or any(place_info(text_of(zone)[:n]) for n in range(2, 5)):
            continue
        if _MERGING.search(ctx.text, *ctx.sentence_of(zone.start_char)):
            continue  # a zone merged into another is a predecessor, not a park of it
        if _AREA.search(ctx.text, ctx.sentence_of(zone.start_char)[0], zone.start_char):
            continue  # 全市共有工业园区5个,包括…: a city's park, counted beside the zone
        stated.add(text_of(zone))
        yield candidate(REL, zone, focus, ctx.sentence_of(zone.start_char), None, 0.45)


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield PART_OF candidates."""
    found = [c for c in _stated(ctx) if c is not None and not _as_project(ctx, c.head)]
    yield from found
    for c in _local_parks(ctx, {text_of(c.head) for c in found}):
        if c is not None and not _as_project(ctx, c.head):
            yield c


# 建设智能电网装备产业园项目: a park written as a project is the investment, not a part of the zone
_PROJECT_AFTER = re.compile(r"(?:一期|二期|三期)?(?:建设)?(?:项目|工程)")


def _as_project(ctx: DocContext, zone) -> bool:
    return _PROJECT_AFTER.match(ctx.text, zone.end_char) is not None


def _stated(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield PART_OF candidates the text states."""
    zones = [s for s in ctx.ents if s.label_ == ZONE]
    for zone in zones:
        sentence = ctx.sentence_of(zone.start_char)
        # nested zone opening a zone's name: 湘潭高新区院士创新产业园
        for inner in ctx.nested_in(zone, (ZONE,)):
            if inner.start_char == zone.start_char and inner.end_char < zone.end_char:
                yield candidate(REL, zone, inner, sentence, None, 0.8)
    yield from _adjacent(ctx)
    for start, end in ctx.sentences:
        yield from _built_inside(ctx, start, end)
        # 赣州综合保税区…位于赣州经济技术开发区内: the zone inside the other
        for match in _INSIDE.finditer(ctx.text, start, end):
            host = [z for z in ctx.ents_in(match.start("host"), match.end("host"), (ZONE,))]
            parts = [z for pos, z in ctx.zones_in(start, match.start(), anaphora=False)]
            if host and parts and text_of(ctx.resolve_zone(host[0])) != text_of(parts[-1]):
                yield candidate(REL, parts[-1], ctx.resolve_zone(host[0]), (start, end), None, 0.75)
        for match in _JOINED_INTO.finditer(ctx.text, start, end):
            into = ctx.zones_in(match.end(), min(end, match.end() + 16))
            parts = [z for pos, z in ctx.zones_in(start, match.start())]
            if into and parts:
                yield candidate(REL, parts[-1], into[0][1], (start, end), None, 0.75)
        has = _HAS_PARTS.search(ctx.text, start, end)
        if not has:
            continue
        owners = ctx.zones_in(start, has.start())
        parts = [p for p in ctx.ents_in(has.end(), end, (ZONE,)) if not is_generic_zone(text_of(p))]
        if _AREA.search(ctx.text, start, has.start()):
            continue  # 全市共有工业园区7个,包括…: the city's parks, not one zone's
        if owners:
            owner = owners[-1][1]
        elif parts and _WHOLE.search(text_of(parts[0])) and len(parts) > 1 and has.group(0).startswith("一区"):
            # 一区三园: 来凤经济开发区(一区),桂花树工业园、龙凤产业园(三园)
            owner, parts = parts[0], parts[1:]
        else:
            owner = ctx.focus_zone
        if owner is None:
            continue
        for part in parts:
            # a whole 开发区 in the list is a peer being counted, not a park inside the owner
            if not _WHOLE.search(text_of(part)):
                yield candidate(REL, part, owner, (start, end), None, 0.65)
