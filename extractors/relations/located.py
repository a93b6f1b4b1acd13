"""LOCATED_IN: enterprises and projects in a zone, from 落户/入驻/入园企业有… and lists near a park's name."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Span

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import ZONE, DocContext
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.lists import is_list_gap
from zonekg.extractors.relations.values import find_amounts

REL = "LOCATED_IN"
ACTORS = ("Enterprise", "Project")

# Words saying that something is (being) set up inside a zone; without a zone named in the
# sentence they let the zone in focus stand in.
_TRIGGER = re.compile(
    r"落户|入驻|进驻|入园|入区|落地|位于|坐落|引进|引入|招引|签约|签订|开工|复工|竣工|投产|建成|在建|新建|续建|"
    r"开建|园区|区内|境内|龙头企业|骨干企业|规模企业|重点企业|企业|项目|基地|工程|党支部|厂区|厂房")
# The enterprise is elsewhere: it cooperates with, or is visited from, the zone.
_ELSEWHERE = re.compile(r"赴|前往|走出去|外地|考察学习")


_PROJECT_WORD = re.compile(r"(?:建设|二期|一期|三期)?(?:项目|工程)?")
_COOPERATE = re.compile(r"合作|签署|协议|签约|对接")


def _partners(ctx: DocContext, actors: list[Span], start: int, end: int) -> set[Span]:
    """Return the actors that stand after 与/同 in a cooperation sentence: partners, not tenants."""
    if not _COOPERATE.search(ctx.text, start, end):
        return set()
    partners: set[Span] = set()
    for actor in actors:
        before = ctx.text[max(start, actor.start_char - 1):actor.start_char]
        if before in ("与", "同", "和") or (partners and re.fullmatch(r"[、和及]", before)):
            partners.add(actor)
    return partners


def _investors(ctx: DocContext, actors: list[Span]) -> set[Span]:
    """Return the enterprises written as investors of a project that follows (E投资的P): the project is in the zone."""
    investors = set()
    actors = ctx.ents_in(actors[0].start_char, actors[-1].end_char + 40, ACTORS + (ZONE,)) if actors else []
    for actor, nxt in zip(actors, actors[1:]):
        project_like = nxt.label_ == "Project" or (nxt.label_ == ZONE and _PROJECT_AFTER.match(ctx.text, nxt.end_char))
        if actor.label_ == "Enterprise" and project_like and _INVESTED.fullmatch(
                ctx.text[actor.end_char:nxt.start_char]):
            investors.add(actor)
    for actor in actors:
        # E拟投资10亿元建设… / E与开发区签订投资协议: an investor whose project or agreement the text names
        if actor.label_ == "Enterprise" and (_INVESTS_AMOUNT.match(ctx.text, actor.end_char)
                                             or _SIGNS_INVESTMENT.match(ctx.text, actor.end_char)):
            investors.add(actor)
    return investors


_INVESTS_AMOUNT = re.compile(r"(?:拟|计划|将|总)?(?:投资|出资)(?:约|近|超过)?[\d.]+(?:万亿|亿|千万|百万|万)?(?:美元|元)"
                             r"(?:在[^，。；]{2,20}?)?(?:建设|兴建|新建|投建|实施)")
_SIGNS_INVESTMENT = re.compile(r"[与同和][^，。；]{2,20}?(?:签订|签署|签定)[^，。；]{0,8}?投资(?:协议|合同)")


_PROJECT_AFTER = re.compile(r"(?:一期|二期|三期)?(?:建设)?(?:项目|工程)")
_INVESTED = re.compile(r"(?:拟|计划|将)?(?:投资|出资|投建|兴建|建设)[^，。；、]{0,16}?的?")


def _listed_with_actors(ctx: DocContext, start: int, end: int) -> set[tuple[int, int]]:
    """Return the offsets of zones that stand in a 、-list together with enterprises or projects."""
    mentions = ctx.ents_in(start, end, ACTORS + (ZONE,))
    listed: set[tuple[int, int]] = set()
    for group in _runs(ctx, mentions):
        if any(m.label_ in ACTORS for m in group):
            listed |= {(m.start_char, m.end_char) for m in group if m.label_ == ZONE}
    return listed


def _runs(ctx: DocContext, mentions: list[Span]) -> list[list[Span]]:
    runs: list[list[Span]] = []
    for m in mentions:
        gap = ctx.text[runs[-1][-1].end_char:m.start_char] if runs else ""
        # members may be recognised only in part (天水卷烟厂|技改扩能项目、): a short gap ending a member counts
        if runs and "、" in gap and (is_list_gap(gap) or _MEMBER_TAIL.fullmatch(gap)):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


_MEMBER_TAIL = re.compile(r"[^，,。；;：:、]{0,8}、")


def _amount_listed(ctx: DocContext, actors: list[Span]) -> set[Span]:
    """Return enterprises listed each with its amount (帅丰建材16500万元、…): investors, see INVESTS_IN."""
    listed = set()
    for actor in actors:
        found = find_amounts(ctx.text[actor.end_char:actor.end_char + 14])
        if found and found[0].start == 0 and ctx.text[actor.end_char + found[0].end:actor.end_char + found[0].end + 1] in "、，,。；;":
            listed.add(actor)
    return listed if len(listed) >= 2 else set()


def _distance(actor: Span, pz: tuple[int, Span]) -> tuple[int, int]:
    pos, _ = pz
    gap = actor.start_char - pos if pos <= actor.start_char else pos - actor.end_char
    return (gap, 0 if pos <= actor.start_char else 1)


# X公司董事长任某 / X公司相关负责人说: the firm names a person's employer, which says nothing of its site
_AFFILIATION = re.compile(r"(?:相关|主要)?(?:负责人|董事长|副董事长|总经理|副总经理|总裁|副总裁|党委书记|董事|首席|总工程师)")
# 在Z建立…工作站 / 在Z举办…: the zone sets the scene of its own clause's act
_SETTING = re.compile(r"在$")
_SETTING_VERB = re.compile(r"[^，,；;。]{0,4}?(?:建立|建成|举办|召开|举行|设立|开展|成立)")


def _setting_elsewhere(ctx: DocContext, zone_pos: int, actor: Span) -> bool:
    """Return whether the zone is only the scene (在Z建立…) of a clause other than the actor's own."""
    if not _SETTING.search(ctx.text[max(0, zone_pos - 1):zone_pos]):
        return False
    zone_end = next((z.end_char for z in ctx.ents_in(zone_pos, zone_pos + 40) if z.start_char == zone_pos),
                    zone_pos + 3)
    if not _SETTING_VERB.match(ctx.text, zone_end):
        return False
    lo, hi = sorted((zone_pos, actor.start_char))
    return re.search(r"[，,；;]", ctx.text[lo:hi]) is not None


def amount_near(ctx: DocContext, span: Span, start: int, end: int) -> object | None:
    """Return the amount written right before (总投资10亿元的 X) or right after (X，总投资8.52亿元) ``span``."""
    before = ctx.text[max(start, span.start_char - 14):span.start_char]
    found = find_amounts(before)
    if found and re.fullmatch(r"[的]?", before[found[-1].end:]):
        return found[-1].value
    after = ctx.text[span.end_char:min(end, span.end_char + 14)]
    found = find_amounts(after)
    if found and re.fullmatch(r"[，,]?(?:总投资|投资|计划投资|总投资额)?(?:达|为|约)?", after[:found[0].start]):
        return found[0].value
    return None


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield LOCATED_IN candidates sentence by sentence."""
    for start, end in ctx.sentences:
        actors = ctx.ents_in(start, end, ACTORS)
        if not actors:
            continue
        listed = _listed_with_actors(ctx, start, end)
        # a park named inside a list of projects is one of the listed items, not their location
        zones = [(pos, z) for pos, z in ctx.zones_in(start, end) if (z.start_char, z.end_char) not in listed]
        sentence = ctx.text[start:end]
        partners = _partners(ctx, actors, start, end) | _investors(ctx, actors) | _amount_listed(ctx, actors)
        for actor in actors:
            props = {"amount": amount_near(ctx, actor, start, end)}
            # a zone named inside the actor's own name (龙凤产业园污水处理厂)
            inner = [z for z in ctx.nested_in(actor, (ZONE,))
                     if not _PROJECT_WORD.fullmatch(ctx.text[z.end_char:actor.end_char])]
            if actor in partners or _AFFILIATION.match(ctx.text, actor.end_char):
                continue
            if inner:
                yield candidate(REL, actor, inner[0], (start, end), props, 0.8)
                continue
            if zones:
                zone_pos, zone = min(zones, key=lambda pz: _distance(actor, pz))
                if _setting_elsewhere(ctx, zone_pos, actor):
                    continue
                yield candidate(REL, actor, zone, (start, end), props, 0.75)
            elif _TRIGGER.search(sentence) and not _ELSEWHERE.search(sentence):
                zone = ctx.zone_before(actor.start_char)
                if zone is not None and (zone.start_char, zone.end_char) in listed:
                    zone = ctx.focus_zone
                if zone is not None and (zone.start_char, zone.end_char) not in listed:
                    yield candidate(REL, actor, zone, (start, end), props, 0.5)
