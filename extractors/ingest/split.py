"""Split a file that holds several articles (第一篇 … 第五篇) into one raw part per article."""

from __future__ import annotations

import re
from dataclasses import dataclass

# An article heading at the start of a line: 第一篇, 第2篇, followed by a short title.
# 第X部分 / 第X章 are sections of one article (a plan, a paper, a regulation) and
# do not split it: its title, region and entities belong to the whole text.
_MARKER = re.compile(r"^[ \t\u3000]*第([一二三四五六七八九十百零〇两\d]{1,4})(篇)[ \t\u3000:：、.]*(.{0,80})$",
                     re.MULTILINE)
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Text before the first heading counts as its own article only when it is this long.
PREAMBLE_MIN_CHARS = 200


@dataclass(frozen=True)
class RawPart:
    """One article's slice of a file's text."""

    start: int
    end: int
    heading: str | None  # the heading's title text without the 第X篇 marker


def chinese_number(token: str) -> int | None:
    """Return the value of a small Chinese or Arabic numeral (一 … 九十九, 百), or None."""
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if "百" in token:
        head, _, tail = token.partition("百")
        hundreds = _DIGITS.get(head, 1 if not head else None)
        rest = chinese_number(tail.lstrip("零〇")) if tail else 0
        return None if hundreds is None or rest is None else hundreds * 100 + rest
    if "十" in token:
        head, _, tail = token.partition("十")
        tens = _DIGITS.get(head, 1 if not head else None)
        ones = _DIGITS.get(tail, 0 if not tail else None)
        return None if tens is None or ones is None else tens * 10 + ones
    if len(token) == 1:
        return _DIGITS.get(token)
    return None


def split_articles(text: str) -> list[RawPart]:
    """Return the article slices of ``text``: one per 第X篇 heading when there are two or more in sequence."""
    markers = []
    expected = 1
    kind = None
    for m in _MARKER.finditer(text):
        number = chinese_number(m.group(1))
        # Headings must count 1, 2, 3 … with one kind of word: a sentence that
        # happens to start with 第三部分 does not split the file.
        if number == expected and kind in (None, m.group(2)):
            markers.append(m)
            kind = m.group(2)
            expected += 1
    if len(markers) < 2:
        return [RawPart(0, len(text), None)]
    starts = [m.start() for m in markers]
    preamble = text[: starts[0]]
    parts = []
    if len("".join(preamble.split())) >= PREAMBLE_MIN_CHARS:
        parts.append(RawPart(0, starts[0], None))
    else:
        starts[0] = 0  # a short preamble (collection title) joins the first article
    for i, m in enumerate(markers):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        heading = m.group(3).strip() or None
        parts.append(RawPart(starts[i], end, heading))
    return parts
