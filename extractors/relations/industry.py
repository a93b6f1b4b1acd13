"""HAS_INDUSTRY: a zone's leading industries and an enterprise's sector.

Constructions: 重点发展A、B、C等产业 / 主导产业 / 产业集群 / 形成了…产业 (the zone
in the sentence, or the zone in focus, gets every listed industry);
以E1、E2为依托/龙头/代表的I产业 (each enterprise gets I); and a zone whose
name holds an industry (道县电子信息产业园 → 电子信息).
"""

from __future__ import annotations

import re
from typing import Iterator

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import DocContext, ZONE, text_of
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.lists import group_of

REL = "HAS_INDUSTRY"
INDUSTRY = "Industry"
ENTERPRISE = "Enterprise"

# 以E为依托的I: the words that tie the enterprises before 为 to the industry after it.
# Without a zone in the sentence, only these words let the zone in focus own the industries.
_INDUSTRY_TRIGGER = re.compile(r"发展|产业|主导|支柱|集群|培育|打造|形成|布局|领域|特色|重点|龙头|壮大|做强|聚集|集聚")
# An industry list that qualifies the zone named right after it (…等主导产业的X开发区).
_DESCRIBES_ZONE = re.compile(r"[^，。；,;]{0,30}(?:为代表|为主导|为主|为重点|为特色|为龙头|为支柱|主导产业|特色产业|支柱产业)的"
                             r"|(?:产业|工业)?(?:区|园|园区|基地|片区|功能区)?[（(]")  # 化工产业区(龙凤产业园)
# A short heading sentence naming one industry (突出先进装备制造。) governs the enterprises after it.
_HEADING_MAX = 12
_HEADING_REACH = 2
_CONTINUES = re.compile(r"其中|其|该|此外|另外|同时期")  # sentences a heading governs: its elaboration, not the rest of the paragraph
# A sentence whose subject is a whole city or county speaks of that area's industries.
# Without a zone of its own, a sentence organised by a city or county (市级领导, 市委常委任链长) is theirs.
_AREA_WIDE = re.compile(r"市级领导|县级领导|市委常委|县委常委|全市|全县|全省|全州|我市|我县|我省|市直|县直|各县市区|各县区")
_AREA_SUBJECT = re.compile(r"我市|全市|我省|全省|我县|全县|市域|县域|我国|全国|全州|我州")
# 是一家专注于/主要从事/主营: what follows is the enterprise's line of business
_PROFILE = re.compile(r"(?:是一家|是一个|系)?(?:专注于|专业从事|主要从事|从事|主营|致力于|主要生产|专业生产)")
_LEAD = re.compile(r"为(?:依托|龙头|代表|主体|首选|核心|骨干|支撑|引领|重点)的?")


def _enterprise_leads(ctx: DocContext, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield E → I for 以E1、E2为依托的I产业 (and 为代表/为龙头/为主体)."""
    enterprises = ctx.ents_in(start, end, (ENTERPRISE,))
    if not enterprises:
        return
    industries = ctx.ents_in(start, end, (INDUSTRY,))
    for match in _LEAD.finditer(ctx.text, start, end):
        before = [e for e in enterprises if e.end_char <= match.start()
                  and re.fullmatch(r"[”\"’」』\s]*", ctx.text[e.end_char:match.start()])]
        after = [i for i in industries if match.end() <= i.start_char <= match.end() + 2]
        if not before or not after:
            continue
        for enterprise in group_of(before[-1], enterprises, ctx.text):
            yield candidate(REL, enterprise, after[0], (start, end), None, 0.8)


def _subjectless_zone(ctx: DocContext, start: int):
    """Return the zone a sentence without one speaks of: the subject of the sentence before, else the focus.

    The previous sentence's subject is the zone it opens with (呼和浩特金山高新区 。 重点发展…);
    zones it lists as objects (现管辖A、B等五个工业园) are not what the next sentence describes.
    """
    i = ctx.sentences.index(ctx.sentence_of(start)) if ctx.sentence_of(start) in ctx.sentences else -1
    if i > 0:
        prev_start, prev_end = ctx.sentences[i - 1]
        opening = [z for pos, z in ctx.zones_in(prev_start, prev_end, anaphora=False) if pos - prev_start <= 2]
        if opening:
            return opening[0]
    return ctx.focus_zone


def _described(ctx: DocContext, start: int, pos: int) -> bool:
    """Return whether the zone at ``pos`` is the predicate of 定位为/打造成/建成 in its clause."""
    clause_start = max([ctx.text.rfind(c, start, pos) for c in "，,；;"] + [start - 1]) + 1
    return _PREDICATE.search(ctx.text, clause_start, pos) is not None


_PREDICATE = re.compile(r"定位为|定位于|打造成|打造为|建成|建设成|建设为|成为")


def _other_subject(ctx: DocContext, start: int, end: int) -> bool:
    """Return whether a city, county or body stands between the zone and the industry (全市…形成了…产业)."""
    if _AREA_SUBJECT.search(ctx.text, start, end):
        return True
    # a place anywhere (呼兰区在…发展…), a body only as a clause's subject (聘请规划设计院… is an object)
    for s in ctx.ents_in(start, end, ("Place", "Organization")):
        if ctx.zones_in(s.start_char, s.end_char, anaphora=False):
            continue
        clause_start = max([ctx.text.rfind(c, start, s.start_char) for c in "，,；;"] + [start - 1]) + 1
        if s.label_ == "Place" or s.start_char - clause_start <= 1:
            return True
    return False


def _names_industry(ctx: DocContext, start: int, end: int, named: list[str]) -> bool:
    return bool(ctx.ents_in(start, end, (INDUSTRY,))) or any(ctx.text.find(t, start, end) >= 0 for t in named)


def _headed_enterprises(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield E → I for enterprises in a paragraph led by a heading sentence naming the industry I.

    Reports open a paragraph with 突出先进装备制造。/ 主攻电子信息。 and then name the
    enterprises of that line of business.
    """
    named = sorted({text_of(s) for s in ctx.ents if s.label_ == INDUSTRY and len(text_of(s)) >= 2}, key=lambda t: (-len(t), t))
    for i, (start, end) in enumerate(ctx.sentences):
        if end - start > _HEADING_MAX:
            continue
        ents = ctx.ents_in(start, end)
        if not ents:
            # the heading's industry may be recognised only where the text elaborates it
            at = [(ctx.text.find(t, start, end), t) for t in named]
            at = [(pos, t) for pos, t in at if pos >= 0]
            span = ctx.doc.char_span(at[0][0], at[0][0] + len(at[0][1]), label=INDUSTRY) if at else None
            ents = [span] if span is not None else []
        if len(ents) != 1 or ents[0].label_ != INDUSTRY:
            continue
        para = next((i for i, (s, e) in enumerate(ctx.paragraphs) if s <= start < e), None)
        if para is None:
            continue
        para_end = ctx.paragraphs[para][1]
        if para_end - end <= 1 and para + 1 < len(ctx.paragraphs):
            # a heading alone on its line governs the paragraph below it
            para_end = ctx.paragraphs[para + 1][1]
        heading = text_of(ents[0])
        for n, (s, e) in enumerate(ctx.sentences[i + 1:i + 1 + _HEADING_REACH]):
            if s >= para_end or (e - s <= _HEADING_MAX and _names_industry(ctx, s, e, named)):
                break  # the next heading takes over
            if n and not _CONTINUES.match(ctx.text, s):
                break  # a later sentence stays under the heading only when it goes on (其中,…)
            if any(text_of(x) not in heading and heading not in text_of(x) for x in ctx.ents_in(s, e, (INDUSTRY,))):
                break  # the text has moved on to another line of business
            for enterprise in ctx.ents_in(s, e, (ENTERPRISE,)):
                yield candidate(REL, enterprise, ents[0], (s, e), None, 0.55)


def _enterprise_profiles(ctx: DocContext, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield E → I for E是一家专注于/主要从事/主营 I…的企业 (an enterprise's line of business)."""
    for match in _PROFILE.finditer(ctx.text, start, end):
        subjects = [e for e in ctx.ents_in(start, match.start(), (ENTERPRISE,))
                    if not re.search(r"[，。；,]", ctx.text[e.end_char:match.start()])]
        if not subjects:
            continue
        stop = min([p for p in (ctx.text.find(c, match.end(), end) for c in "。；;") if p >= 0] or [end])
        for industry in ctx.ents_in(match.end(), stop, (INDUSTRY,)):
            yield candidate(REL, subjects[-1], industry, (start, end), None, 0.65)


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield HAS_INDUSTRY candidates: zone → industry per sentence, enterprise → industry, name-held industries."""
    yield from _headed_enterprises(ctx)
    industries_all = [s for s in ctx.ents if s.label_ == INDUSTRY]
    for start, end in ctx.sentences:
        industries = ctx.ents_in(start, end, (INDUSTRY,))
        if not industries:
            continue
        yield from _enterprise_leads(ctx, start, end)
        yield from _enterprise_profiles(ctx, start, end)
        # 定位为…型工业园区 / 打造成…园区 describe what a zone will be; they are not the zone speaking
        zones = [(pos, z) for pos, z in ctx.zones_in(start, end) if not _described(ctx, start, pos)]
        fallback = _subjectless_zone(ctx, start) if _INDUSTRY_TRIGGER.search(ctx.text, start, end) else None
        if fallback is not None and not zones and _AREA_WIDE.search(ctx.text, start, end):
            fallback = None  # 建立市级领导“链长制”…10条产业链: a city's work, not the zone in focus
        for industry in industries:
            if _AREA_SUBJECT.search(ctx.text, start, industry.start_char):
                continue  # 对我市…形成了能源、冶金等支柱产业: the city's industries
            preceding = [(pos, z) for pos, z in zones if pos < industry.start_char]
            following = [(pos, z) for pos, z in zones if pos > industry.start_char
                         and _DESCRIBES_ZONE.fullmatch(ctx.text[industry.end_char:pos])]
            if following:
                # 重点发展新能源、新材料等主导产业的西宁经开区 / 以生物疫苗为代表的生物科技产业园
                pos, zone = following[0]
            elif preceding:
                # the zone of the industry's own clause, else the zone the sentence opens with (its subject):
                # 开发区位于…,下辖A、B等园区,形成了以…为主导的产业体系 speaks of the 开发区
                clause_start = max(ctx.text.rfind(c, start, industry.start_char) for c in "，,；;") + 1
                in_clause = [(p, z) for p, z in preceding if p >= clause_start]
                opening = [(p, z) for p, z in preceding if p - start <= 2]
                pos, zone = (in_clause or opening or preceding)[-1] if in_clause else (opening or preceding)[0 if opening else -1]
            else:
                pos, zone = start, fallback
            if zone is None or _other_subject(ctx, min(pos, industry.start_char), industry.start_char):
                continue
            yield candidate(REL, zone, industry, (start, end), None, 0.7 if zones else 0.5)
    # a zone named after its industry: the nested industry span, or an industry named elsewhere
    by_text = {}
    for span in industries_all:
        by_text.setdefault(text_of(span), span)
    for zone in (s for s in ctx.ents if s.label_ == ZONE):
        # only industries the text also names on their own: 物流园 alone does not make 物流 a line of business
        inner = [span for text, span in sorted(by_text.items()) if len(text) >= 2 and text in text_of(zone)]
        # 新型建材工业园(桂花树工业园): the park in brackets hosts that industry too
        bracket = [z for z in ctx.ents_in(zone.end_char + 1, zone.end_char + 40, (ZONE,))
                   if ctx.text[zone.end_char:zone.end_char + 1] in "(（" and z.start_char == zone.end_char + 1]
        for industry in inner:
            yield candidate(REL, zone, industry, ctx.sentence_of(zone.start_char), None, 0.7)
            for host in bracket:
                yield candidate(REL, host, industry, ctx.sentence_of(zone.start_char), None, 0.65)
