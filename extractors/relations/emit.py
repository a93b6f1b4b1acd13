"""Relation candidates checked against the schema, and their de-duplication."""

from __future__ import annotations

import re
from typing import Any, Iterable

from spacy.tokens import Span

from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import text_of
from zonekg.schema.types import RELATION_TYPES


_BROKEN = re.compile(r"[，。；！？,;!?]")


def candidate(rel_type: str, head: Span, tail: Span, evidence: tuple[int, int],
              properties: dict[str, Any] | None = None, confidence: float = 0.8) -> RelationCandidate | None:
    """Return a candidate when the schema allows ``head``/``tail`` for ``rel_type`` and they differ, else None."""
    if text_of(head) == text_of(tail) or not RELATION_TYPES[rel_type].allows(head.label_, tail.label_):
        return None
    if _BROKEN.search(text_of(head)) or _BROKEN.search(text_of(tail)):
        return None  # a name never spans a clause break: such a mention is a recogniser's slip
    props = {k: v for k, v in (properties or {}).items() if v is not None}
    return RelationCandidate(rel_type, head, tail, evidence, props, confidence)


def _key(c: RelationCandidate) -> tuple:
    return (c.type, c.head.start_char, c.head.end_char, c.tail.start_char, c.tail.end_char, c.evidence)


def deduplicated(candidates: Iterable[RelationCandidate | None]) -> list[RelationCandidate]:
    """Return the candidates without repeats (same type, spans and evidence), most confident kept, sorted."""
    best: dict[tuple, RelationCandidate] = {}
    for c in candidates:
        if c is None:
            continue
        key = _key(c)
        held = best.get(key)
        if held is None or c.confidence > held.confidence or (
                c.confidence == held.confidence and len(c.properties) > len(held.properties)):
            best[key] = c
    return [best[k] for k in sorted(best)]
