"""COOPERATES_WITH: signed cooperation, assistance or partnership between two actors.

A与B(、C)签署/签订…合作协议, A与B战略合作, B对A帮扶, A引进B…合作, A聘请B:
each actor on one side with each actor on the other.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Span

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import DocContext, text_of
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.lists import group_of
from zonekg.extractors.relations.values import find_dates

REL = "COOPERATES_WITH"
ACTORS = ("Organization", "Zone", "Enterprise")
_COOPERATE = re.compile(r"合作|签约|签署|签订|签定|帮扶|援建|支援|结对|共建|对接|携手|聘请|委托")
_WITH = re.compile(r"[与同和跟]")
_COMMITTEE = re.compile(r"(?:管委会|管理委员会)$")
_HELP = re.compile(r"对(?P<object>[^，。；]{2,20}?)的?(?:对口)?(?:帮扶|援建|支援|扶持|帮助)")
# A对口帮扶B / A对口协作B: the helper first, the partner right after the verb
_PAIRED = re.compile(r"(?:对口|结对)(?:帮扶|协作|支援|合作|援助|援建)|结对帮扶|携手共建")
_WE = re.compile(r"(?:[一二三四五六七八九十]是[^，。]{0,10}。)?(?:他们|我们|该区|我区)")
# investment signings between an enterprise and a zone are INVESTS_IN, not cooperation
_INVESTMENT = re.compile(r"投资协议|入区协议|入园协议|投资意向")


def _as_party(ctx: DocContext, span: Span) -> Span:
    """Return the zone a zone's administrative committee signs for (X开发区管委会 → X开发区), else the actor."""
    if span.label_ == "Zone":
        return ctx.resolve_zone(span)
    if _COMMITTEE.search(text_of(span)):
        for zone in ctx.nested_in(span, ("Zone",)):
            if zone.start_char == span.start_char:
                return ctx.resolve_zone(zone)
    return span


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield COOPERATES_WITH candidates per sentence."""
    for start, end in ctx.sentences:
        trigger = _COOPERATE.search(ctx.text, start, end)
        if not trigger or _INVESTMENT.search(ctx.text, start, end):
            continue
        dates = find_dates(ctx.text[start:end])
        props = {"date": dates[0].value if dates else None}
        actors = ctx.ents_in(start, end, ACTORS)
        yielded = False
        last_left: list[Span] = []
        # A与B、C…合作: the list right before 与 against the list right after it; a later 与 without
        # a subject (…,与C、D等…签约) keeps the subject of the earlier one
        for match in _WITH.finditer(ctx.text, start, end):
            if not _COOPERATE.search(ctx.text, match.end(), min(end, match.end() + 80)):
                continue
            left = [a for a in actors if a.end_char == match.start()]
            right = [a for a in actors if a.start_char == match.end()]
            if not right:
                continue
            if left:
                left = group_of(left[0], [x for x in actors if x.end_char <= match.start()], ctx.text)
            else:
                # the subject may be a generic zone word (开发区管委会与…)
                anaphors = [a for a in ctx.zone_anaphors(start, match.start()) if ctx.text[a[1]:match.start()] in ("", "管委会")]
                if anaphors:
                    zone = ctx.anaphor_zone(*anaphors[-1])
                    left = [zone] if zone is not None else []
                elif ctx.text[match.start() - 1] in "，,":
                    left = last_left
            if not left:
                continue
            last_left = left
            for a in left:
                for b in group_of(right[0], [x for x in actors if x.start_char >= match.end()], ctx.text):
                    yield candidate(REL, _as_party(ctx, a), _as_party(ctx, b), (start, end), props, 0.75)
                    yielded = True
        for match in _PAIRED.finditer(ctx.text, start, end):
            left = [a for a in actors if a.end_char == match.start()]
            right = [a for a in actors if a.start_char == match.end()]
            for a in left[-1:]:
                for b in right[:1]:
                    yield candidate(REL, _as_party(ctx, a), _as_party(ctx, b), (start, end), props, 0.7)
                    yielded = True
        if yielded:
            continue
        # B对A的帮扶/支援: the helper B before 对, the zone helped after it (the zone leads the pair)
        helped = _HELP.search(ctx.text, start, end)
        if helped:
            zones = ctx.zones_in(helped.start("object"), helped.end("object"))
            helpers = [a for a in actors if a.end_char <= helped.start() and a.label_ != "Zone"]
            for _, zone in zones[:1]:
                for helper in helpers[-1:]:
                    yield candidate(REL, zone, helper, (start, end), props, 0.65)
            if zones and helpers:
                continue
        # 永州经开区、祁阳高新区…引进金荣集团…合作 / 聘请X: zones before the verb with the actor after it
        intro = re.search(r"聘请|委托|对接|引进(?=.*合作)", ctx.text[start:end])
        if intro:
            pivot = start + intro.start()
            # the zone must be the verb's own subject: same clause, and not 受…委托 (entrusted by another)
            zones = [z for pos, z in ctx.zones_in(start, pivot) if not re.search(r"[，,；;]", ctx.text[pos:pivot])]
            if re.search(r"受[^，,；;]{0,12}$", ctx.text[start:pivot]):
                zones = []
            if not zones and _WE.match(ctx.text, start) and ctx.focus_zone is not None:
                zones = [ctx.focus_zone]  # 他们聘请…: the zone the text is about is the subject
            partners = [a for a in actors if a.start_char >= pivot + len(intro.group(0))
                        and a.label_ in ("Organization", "Enterprise")][:1]
            for zone in zones:
                for partner in partners:
                    yield candidate(REL, zone, partner, (start, end), props, 0.6)
