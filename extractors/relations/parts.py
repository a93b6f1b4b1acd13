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
from zonekg.extractors.relations.context import ZONE, DocContext, is_generic_zone
from zonekg.extractors.relations.emit import candidate

REL = "PART_OF"
_HAS_PARTS = re.compile(r"下辖|管辖|辖|设有|包括|包含|分为|由.{0,6}组成|一区多园|一区[两二三四五六七八九]园|托管")
_WHOLE = re.compile(r"(?:开发区|经开区|高新区)$")
_JOINED_INTO = re.compile(r"纳入(?:到)?")


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield PART_OF candidates."""
    zones = [s for s in ctx.ents if s.label_ == ZONE]
    for zone in zones:
        sentence = ctx.sentence_of(zone.start_char)
        # nested zone opening a zone's name: 湘潭高新区院士创新产业园
        for inner in ctx.nested_in(zone, (ZONE,)):
            if inner.start_char == zone.start_char and inner.end_char < zone.end_char:
                yield candidate(REL, zone, inner, sentence, None, 0.8)
    for prev, nxt in zip(zones, zones[1:]):
        sentence = ctx.sentence_of(prev.start_char)
        gap = ctx.text[prev.end_char:nxt.start_char]
        if gap == "" and not is_generic_zone(nxt.text):
            yield candidate(REL, nxt, ctx.resolve_zone(prev), sentence, None, 0.8)
        elif re.fullmatch(r"[（(]", gap) and ctx.text[nxt.end_char:nxt.end_char + 1] in "）)":
            yield candidate(REL, prev, ctx.resolve_zone(nxt), sentence, None, 0.8)
    for start, end in ctx.sentences:
        for match in _JOINED_INTO.finditer(ctx.text, start, end):
            into = ctx.zones_in(match.end(), min(end, match.end() + 16))
            parts = [z for pos, z in ctx.zones_in(start, match.start())]
            if into and parts:
                yield candidate(REL, parts[-1], into[0][1], (start, end), None, 0.75)
        has = _HAS_PARTS.search(ctx.text, start, end)
        if not has:
            continue
        owners = ctx.zones_in(start, has.start())
        parts = [p for p in ctx.ents_in(has.end(), end, (ZONE,)) if not is_generic_zone(p.text)]
        if owners:
            owner = owners[-1][1]
        elif parts and _WHOLE.search(parts[0].text) and len(parts) > 1:
            # 一区三园: 来凤经济开发区(一区),桂花树工业园、龙凤产业园(三园)
            owner, parts = parts[0], parts[1:]
        else:
            owner = ctx.focus_zone
        if owner is None:
            continue
        for part in parts:
            yield candidate(REL, part, owner, (start, end), None, 0.65)
