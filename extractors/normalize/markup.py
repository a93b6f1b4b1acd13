"""Detect from a text's content whether it carries Markdown or MediaWiki markup (files are often saved as .txt)."""

from __future__ import annotations

import re
from enum import Enum


class Markup(str, Enum):
    """The markup a text is written in."""

    PLAIN = "plain"
    MARKDOWN = "markdown"
    WIKI = "wiki"


# Each feature: (pattern, how many occurrences count, weight, literal needles
# one of which must be in the text before the pattern runs: most texts hold
# none, and a substring test is far cheaper than a multi-line pattern).
# A plain Chinese text may hold one "#", a "*" or a "- " list, so single weak
# features never reach the threshold; wiki headings and [[links]] hardly occur
# outside wikitext.
_WIKI_FEATURES = (
    (re.compile(r"^={2,6}[ \t]*[^=\n]+?[ \t]*={2,6}[ \t]*$", re.MULTILINE), 2, 3, ("==",)),
    (re.compile(r"\[\[[^\[\]\n]{1,200}\]\]"), 2, 2, ("[[",)),
    (re.compile(r"\[\[\s*(?:category|分类|分類|file|image|文件|图像)\s*:", re.IGNORECASE), 1, 2, ("[[",)),
    (re.compile(r"^\{\{[^{}\n]*$|\{\{[^{}\n]{1,200}\}\}", re.MULTILINE), 1, 1, ("{{",)),
    (re.compile(r"'''[^'\n]{1,100}'''"), 1, 1, ("'''",)),
    (re.compile(r"<ref\b", re.IGNORECASE), 1, 1, ("<ref", "<REF")),
    (re.compile(r"^[ \t]*\{\|", re.MULTILINE), 1, 1, ("{|",)),
    (re.compile(r"^[ \t]*\|[ \t]*[^|=\n]{1,30}?[ \t]*=[ \t]*\S", re.MULTILINE), 3, 2, ("{{",)),
)
_MARKDOWN_FEATURES = (
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE), 2, 2, ("# ", "#\t")),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE), 1, 1, ("# ", "#\t")),
    (re.compile(r"(\*\*|__)(?=\S)[^\n]{1,80}?\S\1"), 2, 1, ("**", "__")),
    (re.compile(r"!?\[[^\]\n]{1,100}\]\((?:https?://|/|\./|#|[\w-]+\.)[^)\s]*\)"), 1, 2, ("](",)),
    (re.compile(r"^[ \t]*[-*+][ \t]+\S", re.MULTILINE), 3, 1, ("- ", "* ", "+ ", "-\t", "*\t")),
    (re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.MULTILINE), 1, 2,
     ("---",)),
    (re.compile(r"^[ \t]*>[ \t]?\S", re.MULTILINE), 2, 1, (">",)),
    (re.compile(r"^```", re.MULTILINE), 2, 1, ("```",)),
)
THRESHOLD = 3  # weighted evidence needed before markup is stripped
SAMPLE_CHARS = 200_000  # markup shows in the first pages; a huge dump is not scanned to the end


def _score(text: str, features) -> int:
    total = 0
    for pattern, needed, weight, needles in features:
        if not any(needle in text for needle in needles):
            continue
        found = 0
        for _ in pattern.finditer(text):
            found += 1
            if found >= needed:
                total += weight
                break
    return total


def detect_markup(text: str) -> Markup:
    """Return the markup ``text`` is written in, judged by content (PLAIN unless the evidence is strong)."""
    sample = text[:SAMPLE_CHARS]
    wiki = _score(sample, _WIKI_FEATURES)
    markdown = _score(sample, _MARKDOWN_FEATURES)
    if wiki >= THRESHOLD and wiki >= markdown:
        return Markup.WIKI
    if markdown >= THRESHOLD:
        return Markup.MARKDOWN
    return Markup.PLAIN
