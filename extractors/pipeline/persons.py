"""Return Person candidates: a surname and one or two characters next to an official title or byline."""

from __future__ import annotations

import re
from functools import lru_cache

from zonekg.extractors.data.lexicons import lexicon, surnames
from zonekg.extractors.pipeline.candidates import FULL, Candidate

PERSON = "Person"

# Characters that end a name on the right: punctuation and words that follow names in reports.
_AFTER = frozenset("，。、；：！？）)（( \t\n\"“”等在到率一同主出表指介说参陪调视带会讲强要对就向为是也还的和与及先作来深赴前考听详宣致检慰实看走了分代发专召接亲书市县区省副常委局厅处部同")
# After these, a two-character reading is preferred: they rarely end a given name.
_STRONG_AFTER = frozenset("在等和与及的是说率同一了到为对就")


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in lexicon("titles"))
    return re.compile(f"(?:{titles})[:：\\s]{{0,2}}")


def _name_end(text: str, start: int) -> int | None:
    """Return the end of a 2- or 3-character name starting at ``start`` with a surname, or None."""
    single, double = surnames()
    if text[start:start + 2] in double:
        given_from = start + 2
    elif start < len(text) and text[start] in single:
        given_from = start + 1
    else:
        return None
    for length in (2, 1):
        end = given_from + length
        if end > len(text):
            continue
        given = text[given_from:end]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in given) or any(ch in _STRONG_AFTER for ch in given):
            continue
        after = text[end] if end < len(text) else "。"
        if after in _AFTER:
            if length == 2 and after not in _STRONG_AFTER and end - 1 >= given_from and text[end - 1] in _AFTER:
                continue  # the third character is itself a word that follows names: prefer the shorter reading
            return end
    return None


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
            if end < len(text) and text[end] == "、":
                start = end + 1  # 市领导陈文浩、易佳良: a list of names after one title
            else:
                break
    # a name followed by a title or 同志 (陈文浩书记, 卢红鹂同志)
    for match in re.finditer(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})(?=同志|书记|主任|市长|县长|区长|局长|部长|省长|主席)", text):
        start = match.start(1)
        if start in seen:
            continue
        end = _name_end(text + "，", start)
        if end is not None and end == match.end(1):
            seen.add(start)
            out.append(Candidate(start, end, PERSON, FULL))
    return out
