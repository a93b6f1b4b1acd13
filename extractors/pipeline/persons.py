"""Return Person candidates: a surname and one or two characters next to an official title or byline."""

from __future__ import annotations

import re
from functools import lru_cache

from zonekg.extractors.data.lexicons import lexicon, surnames
from zonekg.extractors.pipeline.candidates import FULL, Candidate

PERSON = "Person"

# Characters that do not continue a given name: after a surname and one character, they end the name.
_NOT_GIVEN = frozenset("在等和与及的是说率同一了到为对就兼任出主表指介带陪调视参讲向从将已也还都又并而且即副不"
                       "书记长委员组部局厅处市县区省州镇乡村经济产业园务位做")
# After a surname these end the name at once: they are the commonest words that follow a name.
_STRONG_AFTER = frozenset("在等和与及的是说率同一了到为对就不")
# Characters of _NOT_GIVEN that still end a given name when punctuation follows (刘永任,).
_FINAL_OK = frozenset("任向从将表兼")
# Characters that never start a given name (任副, 任组长 are a surname-like word before a title).
_NOT_FIRST = frozenset("副委员记组长经济业务位做书主党政办")
# Surname characters that are far more often function words or place syllables in these texts.
_RARE_SURNAMES = frozenset("和都单商沙区于时门公战")


# Credit labels a page spaces out or joins (编 辑:王园园, 审 核:, 终 审:, 文、图:王翠琪), always before a colon.
_CREDIT_LABELS = r"(?:编\s辑|审\s?核|终\s?审|校\s?对|摄\s影|文、图|文/图|图/文)(?=[:：])"


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in lexicon("titles"))
    # masked words (****) in reposted pages usually hide a title; credits spaced out to align (编 辑:, 审 核:)
    return re.compile(f"(?:{titles}|{_CREDIT_LABELS}|\\*{{2,}})[:：\\s]{{0,2}}")


def _name_end(text: str, start: int) -> int | None:
    """Return the end of a 2- or 3-character name starting at ``start`` with a surname, or None.

    Most official names have three characters; two are taken when the third
    character is punctuation or a word that follows names (在, 等, 出席 …).
    """
    single, double = surnames()
    if text[start:start + 2] in double:
        given_from = start + 2
    elif start < len(text) and text[start] in single and text[start] not in _RARE_SURNAMES:
        given_from = start + 1
    else:
        return None
    first = text[given_from] if given_from < len(text) else ""
    if not ("\u4e00" <= first <= "\u9fff") or first in _NOT_FIRST or first in _STRONG_AFTER:
        return None
    if _common_start(text[start:given_from + 1]):
        return None  # 关于, 于是: a surname character that begins an everyday word
    second = text[given_from + 1] if given_from + 1 < len(text) else "。"  # the text's end ends a name too
    after = text[given_from + 2] if given_from + 2 < len(text) else "。"
    if "\u4e00" <= second <= "\u9fff":
        if _verb_follows(second + after):
            return given_from + 1  # 刘明会见客人: 会见 is the verb after a two-character name
        if second not in _NOT_GIVEN:
            return given_from + 2
        if second in _FINAL_OK and not ("\u4e00" <= after <= "\u9fff"):
            return given_from + 2  # 刘永任, : a name ends where punctuation follows
    if first in _NOT_GIVEN or second in "长":
        return None  # 任链长: a verb and a title (链长), not a two-character name
    return given_from + 1


def _verb_follows(pair: str) -> bool:
    """Return whether ``pair`` is a verb that follows names in reports (会见, 出席, 调研), not the end of a name."""
    return pair in _VERBS_AFTER_NAMES


_VERBS_AFTER_NAMES = frozenset("会见 会谈 出席 表示 主持 调研 陪同 指出 视察 介绍 强调 参加 考察 带队 率队 讲话 致辞 看望 "
                               "慰问 听取 要求 希望 宣布 签署 参观 莅临 一行".split())


def _common_start(pair: str) -> bool:
    """Return whether a surname and the next character make an everyday word (关于, 高度, 周边)."""
    from zonekg.extractors.data.words import word_tags

    freq, tag = word_tags().get(pair, (0, "nr"))
    return freq >= 500 and not tag.startswith("nr")


def find_persons(text: str) -> list[Candidate]:
    """Return Person candidates found in ``text``."""
    out: list[Candidate] = []
    seen: set[int] = set()
    for match in _title_re().finditer(text):
        start = match.end()
        while start < len(text) and start not in seen:
            end = _name_end(text, start)
            if end is None:
                break
            seen.add(start)
            out.append(Candidate(start, end, PERSON, FULL))
            if end < len(text) and text[end] in "、 ":
                start = end + 1  # 市领导陈文浩、易佳良 / 记者 李映青 郭安菲: a list of names after one title
            else:
                break
    # a name followed by a title or 同志 (陈文浩书记, 卢红鹂同志)
    for match in _BEFORE_TITLE.finditer(text):
        start = match.start(1)
        if start in seen:
            continue
        end = _name_end(text[:match.end(1)] + "，", start)
        if (end is not None and end == match.end(1) and not _is_word(match.group(1))
                and not any(ch in _NOT_GIVEN for ch in match.group(1)[1:])):
            seen.add(start)
            out.append(Candidate(start, end, PERSON, FULL))
    # a name between a verb of appointing and 任/担任 (决定卢红鹂任开发区管委会主任, 任命王强为局长)
    for match in _APPOINTED.finditer(text):
        start = match.end()
        end = _name_end(text, start)
        if start not in seen and end is not None and text.startswith(_APPOINTED_TO, end):
            seen.add(start)
            out.append(Candidate(start, end, PERSON, FULL))
            out.extend(_more_appointed(text, end, seen))
    out.extend(_name_lists(text, seen))
    return out


def _more_appointed(text: str, pos: int, seen: set[int]) -> list[Candidate]:
    """Return the further names of one decision (决定张明任…,王强任…,李红任…) up to the sentence's end."""
    out: list[Candidate] = []
    stop = _SENTENCE_STOP.search(text, pos)
    limit = stop.start() if stop else len(text)
    for match in _NEXT_APPOINTEE.finditer(text, pos, limit):
        start = match.end()
        end = _name_end(text, start)
        if start not in seen and end is not None and text.startswith(("任", "担任", "兼任"), end):
            seen.add(start)
            out.append(Candidate(start, end, PERSON, FULL))
    return out


_SENTENCE_STOP = re.compile(r"[。；;！？\n]")
_NEXT_APPOINTEE = re.compile(r"[,，、](?:由)?")
_APPOINTED = re.compile(r"(?:决定|任命|提名|委派|推荐|选举|批准)由?")  # 决定由X任: 由 is a preposition
_APPOINTED_TO = ("任", "担任", "兼任", "为")


_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,3}、){2,}[\u4e00-\u9fff]{2,3}(?=等|[^\u4e00-\u9fff]|$)")
# A name right before a title or 同志 (习近平总书记, 邢玉坤代表, 卢红鹂同志).
_BEFORE_TITLE = re.compile(r"([\u4e00-\u9fff]{3})(?=总书记|同志|书记|主任|市长|县长|区长|局长|部长|省长|主席|代表:|院长|董事长|总经理)")


def _is_word(name: str) -> bool:
    """Return whether ``name`` is a dictionary word that is not a person's name."""
    from zonekg.extractors.data.words import word_tags

    tag = word_tags().get(name, (0, "nr"))[1]
    return not tag.startswith("nr")


def _name_lists(text: str, seen: set[int]) -> list[Candidate]:
    """Return names in a list of three or more surname-initial 2–3 character items (陈新朗、陈慧兰、王全志)."""
    from zonekg.extractors.data.words import word_tags

    words = word_tags()
    out: list[Candidate] = []
    for match in _LIST.finditer(text):
        items: list[tuple[int, int]] = []
        pos = match.start()
        for item in match.group().split("、"):
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        # the first item may have swallowed a word before it (献的陈新朗): keep its last 2–3 characters
        ok = []
        for s, e in items:
            for length in (3, 2):
                if e - length < s:
                    continue
                name = text[e - length:e]
                if _name_end(text[e - length:e] + "。", 0) == length and words.get(name, (0, "nr"))[1] in ("nr", "nrt"):
                    ok.append((e - length, e))
                    break
        if len(ok) == len(items) and len(ok) >= 3:
            for s, e in ok:
                if s not in seen:
                    seen.add(s)
                    out.append(Candidate(s, e, PERSON, FULL))
    return out
