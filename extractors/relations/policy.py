"""Policy lineage: ISSUED_BY (who issued or approved), IMPLEMENTS (based on), APPLIES_TO (which zone).

ISSUED_BY: an issuing body opening the title (陕西省人民政府关于…的批复), a body
written right before the document (国务院《…》), or bodies before
出台/印发/下发/发布/批复/制定 with the document in the same sentence.
IMPLEMENTS: 根据/按照/依据/贯彻《A》… with another document B in the sentence
(B implements A). APPLIES_TO: the zones a document's title names, and zones in a
sentence that issues or applies the document.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Span

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import ZONE, DocContext, is_generic_zone, text_of, zone_key
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.lists import group_of
from zonekg.extractors.relations.values import find_dates

POLICY = "Policy"
ORG = "Organization"
_ISSUE = re.compile(r"出台|印发|下发|发布|颁布|制定|批复|批准|审定|通过|发文|公布|联合下发|联合印发|同意")
_BASIS = re.compile(r"根据|按照|依据|依照|贯彻|落实|执行|遵照")
# 根据国务院《…》/ 按照《…》/ 为贯彻落实《…》精神: the basis word stands at most a body's name before the document
_BASIS_BEFORE = re.compile(r"(?:根据|按照|依据|依照|遵照|遵循|贯彻落实|贯彻|落实)[^，。；《]{0,10}[《“\"]?$")
# 请按照《…》要求 / 要严格执行: an instruction to the addressee, not the lineage of the document itself
_INSTRUCTION = re.compile(r"(?:请|要|应|须|必须|务必|严格|认真)$")
# the basis phrase runs until the document it grounds is made: 根据《A》和《B》，结合实际，制定本办法
_MADE = re.compile(r"制定|出台|印发|起草|修订|编制|研究制定|结合")
# 《Y》是《X》的实施细则: Y details X
_DETAILS = re.compile(r"[》”\"]?(?:是|为|作为|系)[^，。；《]{0,6}?[《“\"]?")
_DETAIL_KIND = re.compile(r"[》”\"]?的?(?:实施细则|实施意见|实施办法|实施方案|配套政策|配套办法|细化)")
_YOUR = re.compile(r"你(?:们|省|市|县|区|州|旗|厅|局|委|办|单位|公司)《?")
_BY_AFTER = re.compile(r"[》”\"]?(?:[（(][^）)]{0,20}[）)])?(?:已)?经")
_WHOLE_WORD = re.compile(r"(?:本|该|此)?(?:经济技术开发区|经济开发区|开发区|经开区|高新区|管委会)")
_RECEIVED = re.compile(r"[》”\"]?(?:[（(][^）)]{0,20}[）)])?(?:已)?收悉")
_THIS_DOC = re.compile(r"本(章程|办法|条例|细则|意见|规定|方案|规划|决定)")
# what may stand between an issuing body and the document it issued
_BODY_TO_DOC = re.compile(r"[、\s]*(?:关于)?[“”\"《]*$")


def _date(ctx: DocContext, start: int, end: int) -> str | None:
    dates = find_dates(ctx.text[start:end])
    return dates[0].value if dates else None


def _issued_by(ctx: DocContext, start: int, end: int, policies: list[Span]) -> Iterator[RelationCandidate | None]:
    orgs = ctx.ents_in(start, end, (ORG,))
    props = {"date": _date(ctx, start, end)}
    for policy in policies:
        # a body opening the title (X关于…的通知): nested span, or the same body named elsewhere
        opening = [_elsewhere(ctx, s) for s in ctx.nested_in(policy, (ORG,)) if s.start_char == policy.start_char]
        if not opening:
            opening = [o for t, o in _org_texts(ctx) if text_of(policy).startswith(t) and len(text_of(policy)) > len(t)][:1]
        for inner in opening:
            yield candidate("ISSUED_BY", policy, inner, (start, end), props, 0.85)
    for org in orgs:
        after = [p for p in policies if p.start_char >= org.end_char]
        if not after:
            continue
        gap = ctx.text[org.end_char:after[0].start_char]
        if _BODY_TO_DOC.fullmatch(gap) or _BODY_TO_DOC.fullmatch(gap.replace("关于", "", 1)):
            # 县委、县政府关于《…》 / 国务院《…》: the whole list of bodies issued it
            for body in group_of(org, orgs, ctx.text):
                yield candidate("ISSUED_BY", after[0], body, (start, end), props, 0.8)
    issue = _ISSUE.search(ctx.text, start, end)
    if not issue:
        return
    # a basis word after the verb (现印发给你们，请贯彻执行) grounds nothing this sentence issues
    basis = _BASIS.search(ctx.text, start, issue.start())
    # bodies before the verb issued the documents after it (市工信局联合市委组织部、市人社局出台了《…》)
    # 根据国务院《…》: the body between the basis word and its document issued that document, not this one
    basis_end = -1
    if basis:
        basis_docs = [p for p in policies if p.start_char > basis.start()]
        basis_end = basis_docs[0].end_char if basis_docs else end
    issuers = [o for o in orgs if o.end_char <= issue.start()
               and not (basis and basis.start() < o.start_char < basis_end)]
    issued = [p for p in policies if (p.start_char >= issue.start() or (
        issue.start() - p.end_char < 12 and p.end_char <= issue.start())) and p.end_char > basis_end]
    if not issuers and not basis and issued and not ctx.ents_in(start, issue.start(), (ORG, POLICY)):
        # 出台了《…》 without a subject: the bodies that open an earlier sentence of the paragraph
        issuers = _paragraph_subject(ctx, start)
        for body in issuers:
            for policy in issued:
                yield candidate("ISSUED_BY", policy, body, (start, end), props, 0.5)
        return
    if issuers:
        last = issuers[-1]
        # 联合/会同 joins issuing bodies as a list does: take every body of the verb's clause
        clause_start = max(ctx.text.rfind(mark, start, last.start_char) for mark in "，,：:")
        joint = [o for o in issuers if o.start_char > clause_start]
        for body in joint:
            for policy in issued:
                yield candidate("ISSUED_BY", policy, body, (start, end), props, 0.7)
    else:
        # 《…》经县政府研究同意正式发布实施: the body after the document
        for policy in policies:
            if not _BY_AFTER.match(ctx.text, policy.end_char):
                continue
            later = [o for o in orgs if policy.end_char <= o.start_char < issue.start()]
            for body in later[:1]:
                yield candidate("ISSUED_BY", policy, body, (start, end), props, 0.65)


def _paragraph_subject(ctx: DocContext, start: int) -> list[Span]:
    """Return the bodies opening the nearest earlier sentence of the paragraph (市委、市政府主要领导…)."""
    para = ctx.paragraph_start(start)
    for s, e in reversed([x for x in ctx.sentences if para <= x[0] < start]):
        orgs = ctx.ents_in(s, e, (ORG,))
        if orgs and orgs[0].start_char - s <= 2:
            return group_of(orgs[0], orgs, ctx.text)
    return []


def _title_policy(ctx: DocContext) -> Span | None:
    """Return the document's own policy: the one its first line names (a reply, a charter), or None."""
    if not ctx.paragraphs:
        return None
    first = ctx.ents_in(*ctx.paragraphs[0], (POLICY,))
    return first[0] if first else None


def _org_texts(ctx: DocContext) -> list[tuple[str, Span]]:
    """Return (text, first mention) of every organisation the document names, longest first."""
    if "org_texts" in ctx.cache:
        return ctx.cache["org_texts"]
    seen: dict[str, Span] = {}
    for span in ctx.ents:
        if span.label_ == ORG and len(text_of(span)) >= 3:
            seen.setdefault(text_of(span), span)
    ctx.cache["org_texts"] = sorted(seen.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return ctx.cache["org_texts"]


def _implements(ctx: DocContext, start: int, end: int, policies: list[Span]) -> Iterator[RelationCandidate | None]:
    own = _title_policy(ctx)
    # 你市《关于…的请示》收悉: a reply implements the request it answers
    for policy in policies:
        if own is not None and policy != own and _RECEIVED.match(ctx.text, policy.end_char):
            yield candidate("IMPLEMENTS", own, policy, (start, end), None, 0.6)
    yield from _details(ctx, start, end, policies)
    bases = _bases(ctx, start, end, policies)
    if not bases:
        return
    heads = [p for p in policies if p not in bases and p.start_char > bases[0].start_char
             and not any(_is_number_of(ctx, p, b) for b in bases)]
    window_start = max(start, bases[0].start_char - 12)
    word = _BASIS_BEFORE.search(ctx.text[window_start:bases[0].start_char])
    instruction = word is not None and _INSTRUCTION.search(ctx.text[max(start, window_start + word.start() - 4):
                                                                    window_start + word.start()])
    if not heads and instruction:
        return  # 请按照《…》要求: the reply tells the addressee what to follow
    if not heads:
        this = _THIS_DOC.search(ctx.text, start, end)
        if this:
            # 特制定本章程: the document of that kind named last before
            kind = this.group(1)
            named = [p for p in ctx.ents if p.label_ == POLICY and text_of(p).endswith(kind) and p.start_char < start]
            heads = named[-1:]
        elif own is not None and start >= ctx.paragraphs[0][1]:
            heads = [own]
    for head in heads:
        for tail in bases:
            if _plain(text_of(head)) != _plain(text_of(tail)):
                yield candidate("IMPLEMENTS", head, tail, (start, end), None, 0.65)


def _bases(ctx: DocContext, start: int, end: int, policies: list[Span]) -> list[Span]:
    """Return the documents a sentence rests on: from the first one after 根据/按照/贯彻 to the verb making the new one."""
    first = [p for p in policies if _BASIS_BEFORE.search(ctx.text[max(start, p.start_char - 12):p.start_char])]
    if not first:
        return []
    made = _MADE.search(ctx.text, first[0].end_char, end)
    # without a verb making a document, the basis runs to its clause's end (按照《A》和B文件要求，…)
    clause_end = min([p for p in (ctx.text.find(c, first[0].end_char, end) for c in "，,；;") if p >= 0] or [end])
    stop = made.start() if made else clause_end
    # 根据《A》(浙政发〔2020〕20号)和《B》: every document before the verb is a basis
    bases = [p for p in policies if first[0].start_char <= p.start_char and p.end_char <= stop]
    listed = group_of(first[0], policies, ctx.text)
    return sorted(set(bases) | set(listed), key=lambda p: p.start_char)


def _details(ctx: DocContext, start: int, end: int, policies: list[Span]) -> Iterator[RelationCandidate | None]:
    """Yield Y → X for 《Y》是《X》的实施细则 and for a title 《X实施细则》 that names X inside it."""
    for head, tail in zip(policies, policies[1:]):
        link = _DETAILS.fullmatch(ctx.text[head.end_char:tail.start_char])
        if link and _DETAIL_KIND.match(ctx.text, tail.end_char):
            yield candidate("IMPLEMENTS", head, tail, (start, end), None, 0.7)
    for policy in policies:
        title = text_of(policy)
        if not re.search(r"(?:实施细则|实施意见|实施办法|实施方案)$", title):
            continue
        for inner in ctx.nested_in(policy, (POLICY,)):
            if inner.start_char == policy.start_char or title.startswith(text_of(inner)):
                yield candidate("IMPLEMENTS", policy, _elsewhere(ctx, inner), (start, end), None, 0.7)


def _is_number_of(ctx: DocContext, number: Span, title: Span) -> bool:
    """Return whether ``number`` is the document number written in brackets after ``title`` (the same document)."""
    return 0 <= number.start_char - title.end_char <= 2 and ctx.text[title.end_char:number.start_char].strip("》”\"") in ("(", "（")


def _plain(text: str) -> str:
    return re.sub(r"[《》“”\"\s]", "", text)


def _elsewhere(ctx: DocContext, span: Span) -> Span:
    """Return a top-level mention with the same text and label as ``span`` (a name inside a title), else ``span``."""
    key = zone_key(text_of(span)) if span.label_ == ZONE else text_of(span)

    def same(other: Span) -> bool:
        return other.label_ == span.label_ and (text_of(other) == text_of(span) or (
            span.label_ == ZONE and zone_key(text_of(other)) == key))

    for other in ctx.ents:
        if same(other):
            return other
    # a zone named inside a body (合肥高新技术产业开发区管委会) is a mention resolution keeps
    for other in ctx.nested:
        if same(other) and other.label_ == ZONE and any(
                o.label_ == ORG and o.start_char <= other.start_char and other.end_char <= o.end_char
                for o in ctx.ents_in(max(0, other.start_char - 30), other.end_char + 30, (ORG,))):
            return other
    return span


def _zones_named_in(ctx: DocContext, policy: Span) -> list[Span]:
    """Return the zones a document's title names: as mentioned elsewhere in the text, else the nested spans."""
    named = [_elsewhere(ctx, z) for z in ctx.nested_in(policy, (ZONE,))]
    if named:
        return named
    seen: dict[str, Span] = {}
    title = text_of(policy)
    for zone in ctx.ents:
        if zone.label_ != ZONE or is_generic_zone(text_of(zone)):
            continue
        # 合肥高新区促进…政策 names 合肥高新技术产业开发区 by its short form
        if any(form in title for form in _short_forms(text_of(zone))):
            seen.setdefault(text_of(zone), zone)
    # 来凤经济开发区工业园管理执行办法 names 来凤经济开发区, not also 开发区 alone
    return [z for t, z in sorted(seen.items()) if not any(t != o and t in o for o in seen)]


def _short_forms(name: str) -> tuple[str, ...]:
    """Return a zone name and its usual abbreviations (…高新技术产业开发区 → …高新区, …经济技术开发区 → …经开区)."""
    forms = [name]
    for full, short in (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("经济开发区", "开发区")):
        if name.endswith(full) and len(name) > len(full):
            forms.append(name[: -len(full)] + short)
    return tuple(forms)


def _applies_to(ctx: DocContext, start: int, end: int, policies: list[Span]) -> Iterator[RelationCandidate | None]:
    # a generic 园区 may be any park; only 开发区/管委会 point at the main zone here
    zones = [(pos, z) for pos, z in ctx.zones_in(start, end)
             if any(s.start_char == pos for s in ctx.ents) or _WHOLE_WORD.match(ctx.text, pos)]
    for policy in policies:
        named = _zones_named_in(ctx, policy)
        for zone in named:
            yield candidate("APPLIES_TO", policy, ctx.resolve_zone(zone), (start, end), None, 0.85)
        for _, zone in zones:
            yield candidate("APPLIES_TO", policy, zone, (start, end), None, 0.6)


def _signature(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield the document's own policy → the body signing it: a line holding only a body, then a date line."""
    own = _title_policy(ctx)
    if own is None:
        return
    paragraphs = ctx.paragraphs
    for (s, e), (ds, de) in zip(paragraphs, paragraphs[1:]):
        if s < len(ctx.text) // 2:
            continue
        bodies = ctx.ents_in(s, e, (ORG,))
        if len(bodies) == 1 and (bodies[0].start_char, bodies[0].end_char) == (s, e):
            dates = find_dates(ctx.text[ds:de])
            if dates and dates[0].start == 0:
                yield candidate("ISSUED_BY", own, bodies[0], (s, de), {"date": dates[0].value}, 0.8)


def _addressee_requests(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield P → addressee for 你市《P》收悉 in a reply addressed to a body (安康市人民政府:)."""
    addressees: list[Span] = []
    for s, e in ctx.paragraphs[:4]:
        bodies = ctx.ents_in(s, e, (ORG,))
        if bodies and bodies[0].start_char == s and ctx.text[bodies[-1].end_char:e].strip() in (":", "："):
            # 成都市人民政府、阿坝州人民政府：a joint request has every body of the list as its author
            addressees = group_of(bodies[0], bodies, ctx.text)
            break
    if not addressees:
        return
    for match in _YOUR.finditer(ctx.text, addressees[-1].end_char):
        for policy in ctx.ents_in(match.end(), match.end() + 60, (POLICY,))[:1]:
            if policy.start_char - match.end() <= 1:
                for addressee in addressees:
                    yield candidate("ISSUED_BY", policy, addressee, ctx.sentence_of(match.start()), None, 0.7)


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield ISSUED_BY, IMPLEMENTS and APPLIES_TO candidates per sentence."""
    yield from _signature(ctx)
    yield from _addressee_requests(ctx)
    for start, end in ctx.sentences:
        policies = ctx.ents_in(start, end, (POLICY,))
        if not policies:
            continue
        yield from _issued_by(ctx, start, end, policies)
        yield from _implements(ctx, start, end, policies)
        yield from _applies_to(ctx, start, end, policies)
