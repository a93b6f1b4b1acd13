"""Sentence and clause boundaries of a Chinese text, as ``(start, end)`` character offsets.

Sentences end at 。！？；!? (with any closing quote or bracket that follows)
and at line breaks; clauses further split a sentence at ，,：:. Leading and
trailing whitespace is trimmed, so every span slices the text to a non-empty,
stripped string.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)\]】\"']*|\n+")
_CLAUSE_END = re.compile(r"[，,：:]")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in pattern.finditer(text, start, end):
        # keep the terminator in the span it closes; a line break belongs to neither
        stop = match.start() if match.group(0).startswith("\n") else match.end()
        span = _trimmed(text, cursor, stop)
        if span:
            spans.append(span)
        cursor = match.end()
    span = _trimmed(text, cursor, end)
    if span:
        spans.append(span)
    return spans


MAX_SENTENCE = 400  # web pages run lists on without a full stop; longer "sentences" are cut at commas


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the sentences of ``text[start:end]`` as offsets into ``text``, in order (none longer than MAX_SENTENCE
    unless it has no comma to cut at)."""
    spans = []
    for s, e in _split(text, start, len(text) if end is None else end, _SENTENCE_END):
        while e - s > MAX_SENTENCE:
            cut = max(text.rfind(c, s, s + MAX_SENTENCE) for c in "，,、 ")
            if cut <= s:
                break
            piece = _trimmed(text, s, cut + 1)
            if piece:
                spans.append(piece)
            s = cut + 1
        piece = _trimmed(text, s, e)
        if piece:
            spans.append(piece)
    return spans


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the clauses of ``text[start:end]`` (sentences cut at commas and colons) as offsets."""
    clauses = []
    for s_start, s_end in split_sentences(text, start, end):
        clauses.extend(_split(text, s_start, s_end, _CLAUSE_END))
    return clauses


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the non-empty lines of ``text`` as offsets (a line is a paragraph in our corpora)."""
    spans = []
    cursor = 0
    for line in text.split("\n"):
        span = _trimmed(text, cursor, cursor + len(line))
        if span:
            spans.append(span)
        cursor += len(line) + 1
    return spans
