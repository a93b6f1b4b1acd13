"""HOLDS_POSITION: a person's posts, from title chains written before the name.

全国政协常委、副秘书长、民盟中央副主席徐辉 → 徐辉 holds 常委、副秘书长 at 全国政协
and 副主席 at 民盟中央: the chain is cut at 、; each piece is [body] title, and a
piece without a body belongs to the body of the piece before it. Also
卢红鹂任开发区管委会主任 (person, 任, body, title) where 开发区 is the zone in focus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterator

from spacy.tokens import Span

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import DocContext, ZONE, is_generic_zone, text_of
from zonekg.extractors.relations.emit import candidate
from zonekg.extractors.relations.values import find_dates

REL = "HOLDS_POSITION"
PERSON = "Person"
BODIES = ("Organization", "Zone")

# Titles the shared lexicon may lack; the shared file (zonekg.extractors.data/titles.txt) comes first.
_EXTRA_TITLES = ("主委", "副主委", "组长", "副组长", "党组成员", "主任委员", "副主任委员", "一级巡视员", "巡视员",
                 "工委书记", "党工委副书记", "支部书记", "常务副市长", "常务副县长", "常务副区长", "代理县长", "代理市长",
                 "代县长", "代市长", "常务副省长", "副主席", "主席", "秘书长", "负责人", "总经理", "董事长")
# Not posts at a body: writers' bylines and honours.
_NOT_POSTS = {"记者", "通讯员", "作者", "编辑", "责任编辑"}
# sites that mask words print posts as 副**** or 常务副****: a masked word ending the chain is a post
_MASKED = re.compile(r"[\u4e00-\u9fff]{0,6}\*{2,}[\u4e00-\u9fff]{0,4}")
_CHAIN_STOP = re.compile(r"[，,。；;：:！？!?\n（(）)“”\"]")
_APPOINTED = re.compile(r"(?:兼任|担任|出任|任)")


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Return the title words, longest first (the shared lexicon plus the few posts it lacks)."""
    words = set(_EXTRA_TITLES)
    try:
        text = resources.files("zonekg.extractors.data").joinpath("titles.txt").read_text(encoding="utf-8")
        words |= {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    except (FileNotFoundError, ModuleNotFoundError):
        pass
    return tuple(sorted(words - _NOT_POSTS, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _title_at_end() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, titles())) + r")(?:[（(][^）)]{0,6}[）)])?$")


def is_title(text: str) -> bool:
    """Return whether ``text`` reads as a post: short, and ending with a title word (or masked: 副****)."""
    if not 0 < len(text) <= 14 or re.search(r"[，。；、\s]", text):
        return False
    return _title_at_end().search(text) is not None or _MASKED.fullmatch(text) is not None


def _body_in(ctx: DocContext, start: int, end: int) -> tuple[Span | None, int]:
    """Return the body (organisation or zone) that opens ``[start, end)`` and where the title after it starts."""
    bodies = ctx.ents_in(start, end, BODIES)
    # 省开发区评估组组长: a generic zone word inside a longer name is not the body
    bodies = [b for b in bodies if not (is_generic_zone(text_of(b)) and b.start_char > start
                                        and "\u4e00" <= ctx.text[b.start_char - 1] <= "\u9fff")]
    if bodies:
        body = bodies[-1]
        if body.end_char == end and is_title(text_of(body)):
            # 民盟广西区委主委 recognised as one body: the nested body, then the title
            inner = [s for s in ctx.nested_in(body, ("Organization",)) if s.start_char == body.start_char]
            if inner:
                return inner[0], inner[0].end_char
        return ctx.resolve_zone(body), body.end_char
    # 开发区管委会主任 / 经开区党工委副书记: a generic zone word stands for the zone in focus
    for s, e in ctx.zone_anaphors(start, end):
        if s == start:
            return ctx.anaphor_zone(s, e), e
    return None, start


def _chain(ctx: DocContext, person: Span, floor: int) -> list[tuple[Span, str]]:
    """Return (body, title) pairs of the title chain written right before ``person``."""
    stop = floor
    for match in _CHAIN_STOP.finditer(ctx.text, floor, person.start_char):
        stop = match.end()
    # another person's name ends the chain too
    for other in ctx.ents_in(stop, person.start_char, (PERSON,)):
        stop = max(stop, other.end_char)
    pieces = []
    cursor = stop
    for part in ctx.text[stop:person.start_char].split("、"):
        pieces.append((cursor, cursor + len(part)))
        cursor += len(part) + 1
    found: list[tuple[Span | None, str]] = []
    for i, (s, e) in enumerate(reversed(pieces)):
        body, title_start = _body_in(ctx, s, e)
        title = ctx.text[title_start:e].strip()
        if not is_title(title):
            if i == 0:
                return []  # nothing titles the person directly
            break
        found.append((body, title))
    found.reverse()
    # a piece without a body belongs to the body of the piece before it (常委、副秘书长)
    result: list[tuple[Span, str]] = []
    current: Span | None = None
    for body, title in found:
        if body is not None:
            current = body
        elif _GOV_TITLE.search(title):
            # 市委副书记、市长X: a mayor serves the city's government, named elsewhere in the text
            government = _government(ctx, _GOV_TITLE.search(title).group("level"))
            if government is not None:
                result.append((government, title))
                continue
        if current is not None:
            result.append((current, title))
    return result


def _government(ctx: DocContext, level: str) -> Span | None:
    """Return the document's mention of the government of that level (市 → 永州市人民政府), if exactly one."""
    key = "government:" + level
    if key not in ctx.cache:
        pattern = re.compile(level + r"(?:人民)?政府$")
        found: dict[str, Span] = {}
        for span in ctx.ents:
            if span.label_ == "Organization" and pattern.search(text_of(span)):
                found.setdefault(text_of(span), span)
        named = [s for t, s in sorted(found.items()) if len(t) > len(level) + 2]  # 永州市人民政府, not 市政府
        ctx.cache[key] = named[0] if len(named) == 1 else (next(iter(found.values())) if len(found) == 1 else None)
    return ctx.cache[key]


def _zone_of_committee(ctx: DocContext, body: Span) -> Span | None:
    """Return the zone whose committee (管委会/党工委/工委) the body is, or None."""
    if body.label_ == ZONE or not _COMMITTEE.search(text_of(body)):
        return None
    for zone in ctx.nested_in(body, (ZONE,)):
        if zone.start_char == body.start_char:
            return ctx.resolve_zone(zone)
    if _BARE_COMMITTEE.fullmatch(text_of(body)):
        # 开发区党工委书记、管委会主任X: a bare 管委会 is the committee of the zone the text is about
        return ctx.anaphor_zone(body.start_char, body.end_char)
    return None


def _committee_zone_text(ctx: DocContext, body: Span) -> str:
    inner = [z for z in ctx.nested_in(body, (ZONE,)) if z.start_char == body.start_char]
    return text_of(inner[0]) if inner else ""


_GOV_TITLE = re.compile(r"(?:常务|代理|代)?副?(?P<level>市|县|区|省|州)长$")
_PARTY = re.compile(r"党工委|工委|党委")
_COMMITTEE = re.compile(r"管委会|管理委员会|党工委|工委")
_ZONE_WORD = re.compile(r"^(?:本|该|园区|开发区|新区|区)(?=管委会|管理委员会|党工委|工委)")
_BARE_COMMITTEE = re.compile(r"(?:本|该|园区|开发区|新区|区)?(?:管委会|管理委员会)")


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield HOLDS_POSITION candidates, one per (person, body), titles joined with 、."""
    for person in (s for s in ctx.ents if s.label_ == PERSON):
        start, end = ctx.sentence_of(person.start_char)
        grouped: dict[tuple[int, int], tuple[Span, list[str]]] = {}
        for body, title in _chain(ctx, person, start):
            key = (body.start_char, body.end_char)
            grouped.setdefault(key, (body, []))[1].append(title)
        for body, posts in grouped.values():
            # 南川工业园区管委会…副主任: a post in the zone's own committee is a post at the zone;
            # a party working committee (党工委) is a body of its own as well
            zone = _zone_of_committee(ctx, body)
            if zone is None or _PARTY.search(text_of(body)):
                yield candidate(REL, person, body, (start, end), {"title": "、".join(posts)}, 0.85)
            if zone is not None:
                rest = ctx.text[body.start_char + len(_committee_zone_text(ctx, body)):body.end_char]
                yield candidate(REL, person, zone, (start, end), {"title": rest + "、".join(posts)}, 0.75)
        yield from _appointed(ctx, person, start, end)


def _appointed(ctx: DocContext, person: Span, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield person → body for 卢红鹂任开发区管委会主任 / 肖作文兼任管委会主任 (and a later 兼任 of the same person)."""
    match = _APPOINTED.match(ctx.text, person.end_char)
    if not match:
        return
    yield from _post_after(ctx, person, match, start, end)
    # 任开发区管委会主任(副县级,后兼任…工委书记): a second post of the same person, before anyone else is named
    others = [p.start_char for p in ctx.ents_in(match.end(), end, (PERSON,))]
    limit = min([end, *others])
    for later in _LATER_POST.finditer(ctx.text, match.end(), limit):
        yield from _post_after(ctx, person, later, start, end)


_LATER_POST = re.compile(r"(?<=[，,（(、])(?:后|并|同时|又)?兼任")


def _post_after(ctx: DocContext, person: Span, match: re.Match, start: int, end: int) -> Iterator[RelationCandidate | None]:
    """Yield person → body (and the zone of a zone's committee) for the body and title after ``match``."""
    stop = _CHAIN_STOP.search(ctx.text, match.end(), end)
    stop_at = stop.start() if stop else end
    piece_end = min(stop_at, match.end() + 20)
    body, title_start = _body_in(ctx, match.end(), piece_end)
    if body is None and re.match(r"管委会|党工委|工委", ctx.text[match.end():piece_end]):
        body, title_start = ctx.anaphor_zone(match.end(), match.end() + 3), match.end()
    if body is None:
        return
    rest = ctx.text[title_start:piece_end]
    for cut in range(len(rest), 0, -1):
        if is_title(rest[:cut]):
            dates = find_dates(ctx.text[start:end])
            props = {"title": rest[:cut], "date": dates[0].value if dates else None}
            # as in title chains: a post in a zone's own committee is a post at the zone
            zone = _zone_of_committee(ctx, body) if body.label_ == "Organization" else None
            if zone is None or _PARTY.search(text_of(body)):
                yield candidate(REL, person, body, (start, end), props, 0.8)
            if zone is not None:
                committee = ctx.text[body.start_char + len(_committee_zone_text(ctx, body)):body.end_char]
                committee = _ZONE_WORD.sub("", committee)  # 新区管委会主任 at the zone: the post is 管委会主任
                yield candidate(REL, person, zone, (start, end), {**props, "title": committee + rest[:cut]}, 0.75)
            return
