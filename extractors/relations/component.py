"""The ``zonekg_relations`` spaCy component: runs the relation rule families and fills ``Doc._.relations``."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from zonekg.extractors.pipeline.spans import NESTED, RelationCandidate, register_extensions
from zonekg.extractors.relations import (cooperation, history, industry, invest, located, parts, policy,
                                         positions, region, visits)
from zonekg.extractors.relations.context import DocContext
from zonekg.extractors.relations.emit import deduplicated
from zonekg.schema.errors import ConfigError

Rule = Callable[[DocContext], Iterable[RelationCandidate | None]]

# One family of patterns per module; the order does not matter (output is sorted).
FAMILIES: dict[str, Rule] = {
    "located": located.find,
    "parts": parts.find,
    "region": region.find,
    "history": history.find,
    "industry": industry.find,
    "invest": invest.find,
    "policy": policy.find,
    "positions": positions.find,
    "visits": visits.find,
    "cooperation": cooperation.find,
}


def check_families(names: Iterable[str] | None) -> tuple[str, ...]:
    """Return the rule family names to run (all when None) or raise ConfigError naming the valid ones."""
    if names is None:
        return tuple(FAMILIES)
    chosen = tuple(names)
    unknown = [n for n in chosen if n not in FAMILIES]
    if unknown:
        raise ConfigError(f"zonekg_relations: unknown rule families {', '.join(unknown)}; "
                          f"valid: {', '.join(FAMILIES)}")
    return chosen


def relation_candidates(doc: Doc, families: Iterable[str] | None = None) -> list[RelationCandidate]:
    """Return the de-duplicated relation candidates the rule families find in ``doc``, sorted."""
    ctx = DocContext.build(doc)

    def run() -> Iterator[RelationCandidate | None]:
        for name in check_families(families):
            yield from FAMILIES[name](ctx)

    return deduplicated(run())


class RelationFinder:
    """The pipeline component: appends every relation candidate to ``doc._.relations``."""

    def __init__(self, families: Iterable[str] | None = None):
        register_extensions()
        self.families = check_families(families)

    def __call__(self, doc: Doc) -> Doc:
        candidates = relation_candidates(doc, self.families)
        register_mentions(doc, candidates)
        doc._.relations.extend(candidates)
        return doc


def register_mentions(doc: Doc, candidates: list[RelationCandidate]) -> None:
    """Add the relation ends that rules found themselves (a place prefix, a heading's industry) as mentions.

    An end inside an existing mention joins ``doc.spans["nested"]``; one overlapping
    nothing joins ``doc.ents``. Resolution only knows mentions, so an end left
    unregistered would lose its relation.
    """
    known = {(s.start_char, s.end_char, s.label_) for s in doc.ents}
    nested = list(doc.spans[NESTED]) if NESTED in doc.spans else []
    known |= {(s.start_char, s.end_char, s.label_) for s in nested}
    new_nested: list[Span] = []
    new_ents: list[Span] = []
    for cand in candidates:
        for span in (cand.head, cand.tail):
            key = (span.start_char, span.end_char, span.label_)
            if key in known:
                continue
            known.add(key)
            covered = doc.char_span(span.start_char, span.end_char)
            if covered is not None and any(t.ent_iob_ != "O" for t in covered):
                new_nested.append(span)
            elif not any(e.start_char < span.end_char and span.start_char < e.end_char for e in new_ents):
                new_ents.append(span)
    if new_nested:
        doc.spans[NESTED] = nested + sorted(new_nested, key=lambda s: (s.start_char, s.end_char, s.label_))
    if new_ents:
        doc.ents = sorted(list(doc.ents) + new_ents, key=lambda s: s.start_char)


@Language.factory("zonekg_relations", default_config={"families": None})
def make_relation_finder(nlp: Language, name: str, families: list[str] | None) -> RelationFinder:
    """Build the ``zonekg_relations`` component; ``families`` limits the rule families run (all by default)."""
    return RelationFinder(families)
