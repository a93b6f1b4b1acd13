"""List completion: the unrecognised members of an enumeration whose kind the text makes plain.

In 入园企业有A、B、C等5户 or 沈机集团、昆明机床、云南建工等企业纷纷入驻, every member
of the 、-list is the same kind of thing. When the list ends with 等…企业/项目/园区
(the head noun names the kind), or when a member is already a recognised
mention, the other members are proposed as mentions of that kind. They only
become mentions of the document when a relation rule uses them.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from zonekg.extractors.pipeline.stems import is_common_word

KINDS = ("Enterprise", "Project", "Zone")

# 等 + optional count + head noun: the head noun names the kind of every member
_HEAD_NOUN = re.compile(
    r"等(?:[\d一二三四五六七八九十百几多]+)?(?:家|个|户|批|项|座|一批|多家|多个)?"
    r"(?:重点|骨干|龙头|规模以上|规模|大型|知名|优质|重大|园区|入园|在建|新建|签约|招商|民营|外资|高新技术|科技型|工业|产业|制造)*"
    r"(?P<noun>企业|公司|品牌|厂家|项目|工程|工业园|产业园|园区)")
_NOUN_KIND = {"企业": "Enterprise", "公司": "Enterprise", "品牌": "Enterprise", "厂家": "Enterprise",
              "项目": "Project", "工程": "Project", "园区": "Zone", "工业园": "Zone", "产业园": "Zone"}
# where the first member starts: after the verb or word that introduces the list
_INTRO = re.compile(r".*(?:有|包括|包含|如|了|是|为|即|：|:|引进|签约|涵盖|依托|管辖|下辖|辖|的|推进|推动|打造|到|给|向|新增)")
# 入园企业有A、B: a kind noun right before the verb introducing the list
_INTRO_NOUN = re.compile(r"(?P<noun>企业|公司|品牌|项目|工程|园区)(?:主要)?(?:有|包括|包含|为|是|：|:)$")
_TRAILING_AMOUNT = re.compile(r"(?:约|近)?[\d.]+(?:万亿|亿|千万|百万|万)?(?:美元|元)")
_ZONE_END = re.compile(r"(?:园|园区|开发区|集中区|产业区|工业区|新区|小镇|基地)$")
_CLAUSE = re.compile(r"[，,。；;：:！？!?\n（）()“”\"]")
_MEMBER = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()·]{2,25}")
_CLOSED = re.compile(r"等[\u4e00-\u9fff…]|…")
_NOT_NAME = re.compile(r"^[\d一二三四五六七八九十百千万亿.]+|[，。；]|^(?:和|及|与|等|以及)|(?:和|及|与)$")


def _members(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Return the member spans of a 、-list clause ``[start, end)``, or None when it is no list."""
    clause = text[start:end]
    if "、" not in clause:
        return None
    pieces, cursor = [], start
    for part in clause.split("、"):
        pieces.append([cursor, cursor + len(part)])
        cursor += len(part) + 1
    # the last member ends where 等 (or the clause) ends it
    last_s, last_e = pieces[-1]
    cut = text.find("等", last_s, last_e)
    pieces[-1][1] = cut if cut > last_s else last_e
    # 道路、水、电等基本建成,入园企业有A、B: a piece that closes one list with 等 and goes on opens the next
    restart = max((i for i, (s, e) in enumerate(pieces[:-1]) if _CLOSED.search(text, s, e)), default=None)
    if restart is not None:
        pieces = pieces[restart:]
    # the first member starts after the word introducing the list
    first_s, first_e = pieces[0]
    intro = _INTRO.match(text, first_s, first_e)
    if intro and intro.end() < first_e:
        pieces[0][0] = intro.end()
    elif restart is not None:
        pieces = pieces[1:]
    if len(pieces) < 2:
        return None
    for piece in pieces:
        # 凤雅藤茶400万元: a member may carry its amount
        amount = _TRAILING_AMOUNT.search(text, piece[0], piece[1])
        if amount and amount.end() == piece[1] and amount.start() > piece[0]:
            piece[1] = amount.start()
    return [(s, e) for s, e in pieces]


def complete_lists(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    """Return new mentions for the unrecognised members of enumerations of enterprises, projects or parks."""
    by_span = {(s.start_char, s.end_char): s for s in ents}
    starts = sorted((s.start_char, s.end_char) for s in ents)
    proposed: list[Span] = []
    bounds = [m.start() for m in _CLAUSE.finditer(text)]
    clause_start = 0
    for stop in bounds + [len(text)]:
        members = _members(text, clause_start, stop) if stop - clause_start > 4 else None
        if members and len(members) >= 2:
            proposed.extend(_complete(doc, text, members, stop, by_span, starts))
        clause_start = stop + 1
    return proposed


def _overlaps(starts: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in starts)


def _complete(doc: Doc, text: str, members: list[tuple[int, int]], clause_end: int,
              by_span: dict[tuple[int, int], Span], starts: list[tuple[int, int]]) -> list[Span]:
    head = _HEAD_NOUN.match(text, members[-1][1], min(len(text), members[-1][1] + 16))
    intro = _INTRO_NOUN.search(text, max(0, members[0][0] - 8), members[0][0])
    kinds = Counter(by_span[m].label_ for m in members if m in by_span and by_span[m].label_ in KINDS)
    if head or intro:
        kind = _NOUN_KIND[(head or intro).group("noun")]
        if kind == "Project" and not kinds.get("Project"):
            return []  # 推进A、B等项目 often lists kinds of work; a recognised project vouches for a list of names
    elif kinds and len(kinds) == 1 and sum(kinds.values()) >= 2:
        # no head noun: two members already recognised as the same kind vouch for the rest
        kind = next(iter(kinds))
    else:
        return []
    if any(m in by_span and by_span[m].label_ not in KINDS for m in members):
        return []  # a list of places or industries is not this kind of list
    found = []
    for s, e in members:
        while s < e and text[s] in " 　“‘\"":
            s += 1
        while e > s and text[e - 1] in " 　”’\"":
            e -= 1
        if (s, e) in by_span or not _MEMBER.fullmatch(text[s:e]) or _NOT_NAME.search(text[s:e]):
            continue
        if kind == "Enterprise" and is_common_word(text[s:e]):
            continue  # 道路、通讯 among firms: an everyday noun is no firm's name
        if kind == "Zone" and not _ZONE_END.search(text[s:e]):
            continue  # 东十里、廿铺…等五个工业园: the member alone is not the park's name
        if _overlaps(starts, s, e):
            continue
        span = doc.char_span(s, e, label=kind)
        if span is not None:
            found.append(span)
    return found


# What follows a person's name when the text names them again as an actor (徐辉一行深入考察…).
_ACTOR_AFTER = re.compile(r"一行|率|带队|表示|指出|强调|介绍|说|主持|出席|到|赴|深入|在|等|、|，|,|。")


def repeated_people(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    """Return new Person mentions where a name the text already gave a person recurs unmarked as an actor."""
    names = sorted({text[s.start_char:s.end_char] for s in ents if s.label_ == "Person"
                    and 2 <= s.end_char - s.start_char <= 4}, key=lambda n: (-len(n), n))
    if not names:
        return []
    covered = bytearray(len(text))
    for span in ents:
        covered[span.start_char:span.end_char] = b"\x01" * (span.end_char - span.start_char)
    found: list[Span] = []
    for name in names:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            # a bare name glued to Chinese text on the left is part of another word (林徐辉煌)
            glued = pos > 0 and "\u4e00" <= text[pos - 1] <= "\u9fff" and text[pos - 1] not in "长记任员席委"
            if not any(covered[pos:end]) and not glued and _ACTOR_AFTER.match(text, end):
                span = doc.char_span(pos, end, label="Person")
                if span is not None:
                    found.append(span)
                    covered[pos:end] = b"\x01" * len(name)
            pos = text.find(name, end)
    return found
