"""Relation candidates from the text's own constructions: the ``zonekg_relations`` spaCy component.

Importing this package registers the component factory. One module per family
of patterns (located, parts, region, history, industry, invest, policy,
positions, visits, cooperation); ``clauses`` splits sentences and clauses,
``values`` reads amounts and dates.
"""

from zonekg.extractors.relations.component import FAMILIES, RelationFinder, relation_candidates

__all__ = ["FAMILIES", "RelationFinder", "relation_candidates"]
