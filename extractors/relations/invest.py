"""INVESTS_IN: an enterprise invests in a project or signs for a zone, with the amount when written.

Constructions: E投资(建设)的P / E拟投资2.5亿元…的P; a project named after its
investor (浪潮长春云计算大数据中心 → 浪潮); E1、E2…与开发区签定投资协议 (E → zone);
E1 16500万元、E2 100万元 lists after 投资 (E → the zone in focus, each its amount).
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Span

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import DocContext, text_of
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.lists import group_of
from zonekg.extractors.relations.located import amount_near
from zonekg.extractors.relations.values import find_amounts, find_dates

REL = "INVESTS_IN"
ENTERPRISE = "Enterprise"
PROJECT = "Project"
_PROJECT_AFTER = re.compile(r"(?:一期|二期|三期)?(?:建设)?(?:项目|工程)")
_ZONE_SIGNS_WITH = re.compile(r"(?:管委会)?(?P<with>[与同和])[^，。；]{2,40}?(?:签订|签署|签定|签约)[^，。；]{0,20}?(?:投资|入区|入园)")
_NAME_AMOUNT = re.compile(r"[\u4e00-\u9fff]{2,}[\d.]+(?:万亿|亿|千万|百万|万)?(?:美元|元)[、，,;；。]")
_INVEST_VERB = re.compile(r"投资|出资|注资|兴建|兴上|建设|承建|开发|签约|签订|签署|引进")
_SIGN_WITH_ZONE = re.compile(r"[与同和](?P<zone>[^，。；]{0,12}?)(?:签定|签订|签署|签约|达成)[^，。；]{0,10}?(?:投资|入区|入园|意向|协议|合同)")


_NEXT_ITEM_AMOUNT = re.compile(r"[、，,;；]\s*(?:总投资|计划投资|投资额|投资)(?:约|达|超)?[\d.]")
_COMMITTEE = re.compile(r"(?:管委会|管理委员会)$")


def _signing_zones(ctx: DocContext, start: int, end: int) -> list[tuple[int, Span]]:
    """Return the zones named in ``[start, end)``, a zone's committee (合肥高新区管委会, 开发区管委会) standing for it."""
    zones = ctx.zones_in(start, end)
    for body in ctx.ents_in(start, end, ("Organization",)):
        if not _COMMITTEE.search(text_of(body)):
            continue
        inner = [z for z in ctx.nested_in(body, ("Zone",)) if z.start_char == body.start_char]
        zone = ctx.resolve_zone(inner[0]) if inner else None
        if zone is None and ctx.text[body.start_char:body.end_char].startswith(("开发区", "经开区", "高新区", "园区")):
            zone = ctx.anaphor_zone(body.start_char, body.end_char)  # 与开发区管委会签订: the zone in focus
        if zone is not None:
            zones.append((body.start_char, zone))
    return sorted(zones, key=lambda pz: (pz[0], pz[1].start_char))


def _date(ctx: DocContext, start: int, end: int) -> str | None:
    dates = find_dates(ctx.text[start:end])
    return dates[0].value if dates else None


def _verb_then_project(ctx: DocContext, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield E → P when E is followed by an investing verb and then P, with no other enterprise between."""
    enterprises = ctx.ents_in(start, end, (ENTERPRISE,))
    # a park written as a project (智能终端产业园项目) is what the enterprise invests in
    projects = [s for s in ctx.ents_in(start, end, (PROJECT, "Zone"))
                if s.label_ == PROJECT or _PROJECT_AFTER.match(ctx.text, s.end_char)]
    for enterprise in enterprises:
        for project in projects:
            if project.start_char < enterprise.end_char:
                continue
            between = ctx.text[enterprise.end_char:project.start_char]
            if len(between) > 40 or re.search(r"[。；]", between):
                break
            if any(enterprise.end_char <= e.start_char < project.start_char for e in enterprises):
                break
            if _NEXT_ITEM_AMOUNT.match(between):
                break  # 总投资10亿元的E、总投资30亿元的P: the amount is the next item's, not E's investment
            if _INVEST_VERB.search(between):
                amounts = find_amounts(between)
                props = {"amount": amounts[0].value if amounts else amount_near(ctx, project, start, end),
                         "date": _date(ctx, start, end)}
                yield candidate(REL, enterprise, project, (start, end), props, 0.8)
            break


def _named_after_investor(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield E → P when the project's name begins with the enterprise (nested span or a name seen elsewhere)."""
    enterprises = sorted({text_of(s): s for s in ctx.ents if s.label_ == ENTERPRISE}.items())
    for project in (s for s in ctx.ents if s.label_ == PROJECT):
        sentence = ctx.sentence_of(project.start_char)
        nested = ctx.nested_in(project, (ENTERPRISE,))
        heads: list[Span] = [s for s in nested if s.start_char == project.start_char]
        if not heads:
            heads = [span for text, span in enterprises
                     if len(text) >= 2 and text_of(project).startswith(text) and len(text_of(project)) > len(text)]
        for enterprise in heads[:1]:
            props = {"amount": amount_near(ctx, project, *sentence)}
            yield candidate(REL, enterprise, project, sentence, props, 0.75)


def _signed_with_zone(ctx: DocContext, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield E → zone for E1、E2…与开发区签定投资协议 / 签订入区协议."""
    enterprises = ctx.ents_in(start, end, (ENTERPRISE,))
    if not enterprises:
        return
    # 开发区与E签订…投资协议: the zone first, the enterprise after 与
    for match in _ZONE_SIGNS_WITH.finditer(ctx.text, start, end):
        zones = _signing_zones(ctx, start, match.start("with"))
        signers = [e for e in enterprises if e.start_char == match.end("with")]
        if zones and signers:
            for enterprise in group_of(signers[0], [e for e in enterprises if e.start_char >= match.end("with")], ctx.text):
                yield candidate(REL, enterprise, zones[-1][1], (start, end), {"date": _date(ctx, start, end)}, 0.75)
    for match in _SIGN_WITH_ZONE.finditer(ctx.text, start, end):
        zones = _signing_zones(ctx, match.start("zone"), match.end("zone"))
        if not zones:
            continue
        before = [e for e in enterprises if e.end_char <= match.start()]
        if not before:
            continue
        for enterprise in group_of(before[-1], before, ctx.text):
            yield candidate(REL, enterprise, zones[0][1], (start, end), {"date": _date(ctx, start, end)}, 0.75)
        # 等一批大型企业分别与…: the list may end with 等 and a noun phrase; take the whole run
        for enterprise in before:
            if re.fullmatch(r"[^，。；]*", ctx.text[enterprise.end_char:match.start()]):
                yield candidate(REL, enterprise, zones[0][1], (start, end), {"date": _date(ctx, start, end)}, 0.7)


def _amount_lists(ctx: DocContext, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield E → zone for lists of enterprises each followed by its amount, in an investment sentence."""
    enterprises = ctx.ents_in(start, end, (ENTERPRISE,))
    if not enterprises or not re.search(r"投资|资金|到位", ctx.text[ctx.paragraph_start(start):end]):
        return
    # an enumeration of name + amount (A16500万元、B100万元、…): three or more such items
    if len(_NAME_AMOUNT.findall(ctx.text, start, end)) < 3:
        return
    zone = ctx.focus_zone
    if zone is None:
        return
    date = _date(ctx, ctx.paragraph_start(start), end)
    for enterprise in enterprises:
        found = find_amounts(ctx.text[enterprise.end_char:enterprise.end_char + 14])
        if found and found[0].start == 0:
            yield candidate(REL, enterprise, zone, (start, end), {"amount": found[0].value, "date": date}, 0.6)


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield INVESTS_IN candidates."""
    for start, end in ctx.sentences:
        yield from _verb_then_project(ctx, start, end)
        yield from _signed_with_zone(ctx, start, end)
        yield from _amount_lists(ctx, start, end)
    yield from _named_after_investor(ctx)
