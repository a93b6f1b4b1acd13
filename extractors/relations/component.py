"""The ``zonekg_relations`` spaCy component: runs the relation rule families and fills ``Doc._.relations``."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from zonekg.extractors.pipeline.spans import RelationCandidate, register_extensions
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
        doc._.relations.extend(relation_candidates(doc, self.families))
        return doc


@Language.factory("zonekg_relations", default_config={"families": None})
def make_relation_finder(nlp: Language, name: str, families: list[str] | None) -> RelationFinder:
    """Build the ``zonekg_relations`` component; ``families`` limits the rule families run (all by default)."""
    return RelationFinder(families)
