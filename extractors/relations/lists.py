"""Coordinated lists of mentions (A、B和C等): which neighbouring mentions belong to one list."""

from __future__ import annotations

import re

from spacy.tokens import Span

# What may stand between two members of one list: enumeration marks, conjunctions,
# quotes and brackets. A comma is not a list mark: it closes a clause.
_LIST_GAP = re.compile(r"[\s、/和与及暨跟同并“”\"'‘’「」『』]*(?:以及)?[\s、/和与及“”\"'‘’「」『』]*")
# The same, when each member carries its own amount: 帅丰建材16500万元、承禹钢构100万元
_AMOUNT_GAP = re.compile(
    r"(?:(?:投资|计划投资|总投资|约|近)?[\d.,]+(?:万亿|亿|千万|百万|万)?(?:美元|元))?" + _LIST_GAP.pattern)


def is_list_gap(text: str, with_amounts: bool = False) -> bool:
    """Return whether ``text`` may separate two members of one coordinated list."""
    return (_AMOUNT_GAP if with_amounts else _LIST_GAP).fullmatch(text) is not None


def coordinated(spans: list[Span], text: str, with_amounts: bool = False) -> list[list[Span]]:
    """Return ``spans`` (sorted, non-overlapping) grouped into coordinated lists, in text order."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups:
            last = groups[-1][-1]
            same_label = last.label_ == span.label_
            if same_label and is_list_gap(text[last.end_char:span.start_char], with_amounts):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


def group_of(span: Span, spans: list[Span], text: str, with_amounts: bool = False) -> list[Span]:
    """Return the coordinated list (among ``spans``) that ``span`` belongs to."""
    for group in coordinated(spans, text, with_amounts):
        if span in group:
            return group
    return [span]
