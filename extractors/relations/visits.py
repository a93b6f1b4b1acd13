"""VISITED: people who inspect, survey or visit a zone (视察/调研/考察/参观/走访/现场办公).

Every person named in the sentence (except those who only accompany: 陪同)
visited every zone named after the visiting verb or after 到/赴/深入.
"""

from __future__ import annotations

import re
from typing import Iterator

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import DocContext
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.values import find_dates

REL = "VISITED"
PERSON = "Person"
_VISIT = re.compile(r"视察|调研|考察|参观|走访|现场办公|实地评估|实地查看|检查指导|督导|观摩|察看|查看")
_TOWARDS = re.compile(r"到|赴|深入|来到|走进|莅临|前往|对")
_ESCORT = re.compile(r"陪同")
# 在X…举办/主持/出席: the person right before 在 is present at X
_AT_EVENT = re.compile(r"在(?P<place>[^，。；]{2,30}?)(?:举办|召开|主持|出席|参加|调度|座谈|检查)")
_HOST = re.compile(r"欢迎|迎接|接待|陪同")


def _held_at(ctx: DocContext, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield person → zone for 何恩广在永州经开区…举办/主持/出席…: an official present at the zone."""
    for match in _AT_EVENT.finditer(ctx.text, start, end):
        zones = ctx.zones_in(match.start("place"), match.end("place"))
        people = [p for p in ctx.ents_in(start, match.start(), (PERSON,))]
        if zones and people and match.start() - people[-1].end_char <= 2:
            yield candidate(REL, people[-1], zones[0][1], (start, end), None, 0.6)


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield VISITED candidates per sentence."""
    for start, end in ctx.sentences:
        yield from _held_at(ctx, start, end)
        visit = _VISIT.search(ctx.text, start, end)
        if not visit:
            continue
        people = ctx.ents_in(start, end, (PERSON,))
        if not people:
            continue
        zones = []
        for verb in _VISIT.finditer(ctx.text, start, end):
            # the places visited are named in the visit's own clause (…考察A、B等地,对我市…北部湾经济区… is commentary)
            clause_start = max([ctx.text.rfind(c, start, verb.start()) for c in "，,；;"] + [start - 1]) + 1
            first = min([verb.start()] + [m.start() for m in _TOWARDS.finditer(ctx.text, clause_start, verb.start())])
            clause_end = min([p for p in (ctx.text.find(c, verb.end(), end) for c in "，,；;") if p >= 0] or [end])
            zones += [z for pos, z in ctx.zones_in(clause_start, clause_end) if pos > first and z not in zones]
        if not zones:
            continue
        escort = _ESCORT.search(ctx.text, start, end)
        # hosts welcome the visitors: only people named before the visit verb visited
        hosting = _HOST.search(ctx.text, start, end)
        dates = find_dates(ctx.text[start:end])
        props = {"date": dates[0].value if dates else None}
        for person in people:
            if escort and person.start_char > escort.start():
                continue
            if hosting and person.start_char > visit.start():
                continue
            for zone in zones:
                yield candidate(REL, person, zone, (start, end), props, 0.7)
