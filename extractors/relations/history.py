"""RENAMED_FROM and MERGED_FROM: a zone's former names and the zones it was formed from.

更名为/改名为/定名为 (A更名为B: B renamed from A), 原名/前身是/前身为 (B原名A),
由A升级为B; 以A和B为基础…定名为C and A与B…整合…更名为C (C merged from A, B),
A、B合并.
"""

from __future__ import annotations

import re
from typing import Iterator

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import DocContext, text_of
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.values import find_dates

_RENAMED_TO = re.compile(r"更名为|改名为|易名为|升级为|升格为|调整为|变更为|正式命名为")
_FORMERLY = re.compile(r"原名|前身是|前身为|前身系|原称|原为|曾用名|旧称")
# 由A和B整合而成 / 由A、B合并组建: the zone before 由 was formed from the zones the phrase lists
_FORMED_FROM = re.compile(r"由(?P<parts>[^。；，,]{4,80}?)(?:合并|整合|重组|归并|联合)(?:组建|设立|成立|而成|而来|形成|重组)")
_NAMED_AS = re.compile(r"定名为|命名为|更名为|整合为|合并为|组建为|设立为")
_MERGE = re.compile(r"合并|整合|以.{2,40}为基础|统筹|托管")


_COUNTED = re.compile(r"(?:两|二|2|三|3|四|4)(?:家|个|大)(?:开发区|园区|经开区|高新区|工业园区?)")


def _merged_counted(ctx: DocContext, start: int, end: int, zones: list) -> Iterator[RelationCandidate | None]:
    """Yield C ← A, B for …对两家开发区实施整合…更名为C, the two zones named in the sentences before."""
    counted = _COUNTED.search(ctx.text, start, end)
    merge = _MERGE.search(ctx.text, start, end)
    named = _NAMED_AS.search(ctx.text, start, end)
    if not (counted and merge and named):
        return
    after = [z for pos, z in zones if pos >= named.end()]
    if not after:
        return
    target = after[0]
    number = {"两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}[counted.group(0)[0]]
    earlier: list = []
    for pos, zone in reversed(ctx.zones_in(ctx.paragraph_start(start), counted.start(), anaphora=False)):
        if text_of(zone) != text_of(target) and text_of(zone) not in [text_of(z) for z in earlier]:
            earlier.append(zone)
        if len(earlier) == number:
            break
    # a counted merger is firm evidence: the zones found (maybe fewer than counted, when a name went
    # unrecognised) are among those merged
    if earlier:
        dates = find_dates(ctx.text[start:end])
        for source in reversed(earlier):
            yield candidate("MERGED_FROM", target, source, (start, end), {"date": dates[0].value if dates else None}, 0.7)


def _formed_from(ctx: DocContext, start: int, end: int, zones: list) -> Iterator[RelationCandidate | None]:
    """Yield C ← A, B for C…由A和B整合而成 / C由A、B合并组建 (C the zone nearest before 由)."""
    for match in _FORMED_FROM.finditer(ctx.text, start, end):
        parts = [z for pos, z in zones if match.start("parts") <= pos and z.end_char <= match.end("parts")]
        target = [z for pos, z in zones if pos < match.start()]
        if len(parts) < 2 or not target:
            continue
        dates = find_dates(ctx.text[start:match.start()])
        props = {"date": dates[-1].value if dates else None}
        for source in parts:
            yield candidate("MERGED_FROM", target[-1], source, (start, end), props, 0.75)


_LEADING_VERB = re.compile(r"^(?:原名|原称|前身为|前身是|更名为|改名为|升格为|升级为|定名为)")


def _trimmed(ctx: DocContext, zones: list) -> list:
    """Return the zones with a history verb a recogniser swept into the name (原名X开发区) cut off the front."""
    out = []
    for pos, zone in zones:
        verb = _LEADING_VERB.match(text_of(zone))
        if verb and len(text_of(zone)) - verb.end() >= 4:
            inner = ctx.doc.char_span(zone.start_char + verb.end(), zone.end_char, label=zone.label_)
            if inner is not None:
                out.append((inner.start_char, inner))
                continue
        out.append((pos, zone))
    return out


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield RENAMED_FROM and MERGED_FROM candidates per sentence."""
    for start, end in ctx.sentences:
        zones = _trimmed(ctx, ctx.zones_in(start, end, anaphora=False))
        yield from _merged_counted(ctx, start, end, zones)
        if len(zones) < 2:
            continue
        formed = list(_formed_from(ctx, start, end, zones))
        if any(formed):
            yield from formed
            continue
        dates = find_dates(ctx.text[start:end])
        props = {"date": dates[0].value if dates else None}

        def dated(pos: int) -> dict:
            # the date written last before the verb (…1993年设立的X,2006年更名为Y: 2006)
            before = [d for d in dates if start + d.end <= pos]
            return {"date": before[-1].value if before else None}

        merge = _MERGE.search(ctx.text, start, end)
        named = _NAMED_AS.search(ctx.text, start, end)
        if merge and named:
            after = [z for pos, z in zones if pos >= named.end()]
            before = [z for pos, z in zones if pos < named.start()]
            if after and len(before) >= 2:
                for source in before:
                    yield candidate("MERGED_FROM", after[0], source, (start, end), props, 0.75)
                continue
        for match in _RENAMED_TO.finditer(ctx.text, start, end):
            before = [z for pos, z in zones if pos < match.start()]
            # the new name follows the verb directly (更名为“X”); 升级为国家级开发区,下辖X names no new name
            after = [z for pos, z in zones if match.end() <= pos <= match.end() + 2]
            if before and after:
                yield candidate("RENAMED_FROM", after[0], before[-1], (start, end), dated(match.start()), 0.8)
        for match in _FORMERLY.finditer(ctx.text, start, end):
            before = [z for pos, z in zones if pos < match.start()]
            after = [z for pos, z in zones if pos >= match.end()]
            if before and after:
                yield candidate("RENAMED_FROM", before[-1], after[0], (start, end), dated(match.start()), 0.8)
