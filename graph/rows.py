"""Turn FORMAT.md records into the rows the loader merges, folding duplicates within one input."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from zonekg.graph.properties import ENTITY_RESERVED, RELATION_RESERVED, flatten
from zonekg.schema.records import Document, Entity, Record, Relation
from zonekg.schema.types import RELATION_TYPES


@dataclass
class EntityRow:
    """What one load says about an entity: its type, name, aliases, flat properties, mentions per document."""

    id: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    mentions: dict[str, set[tuple[int, int, str]]] = field(default_factory=dict)


@dataclass
class RelationRow:
    """What one load says about a relation: endpoints, flat properties, confidence and evidence spans."""

    id: str
    type: str
    head: str
    tail: str
    props: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0
    evidence: set[tuple[str, int, int, str]] = field(default_factory=set)


@dataclass
class Rows:
    """The rows of one input, keyed by id, with the problems found while building them."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, EntityRow] = field(default_factory=dict)
    relations: dict[str, RelationRow] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def document_props(doc: Document) -> dict[str, Any]:
    """Return the Neo4j properties of a Document node (nulls left out)."""
    props = {"source": doc.source, "part": doc.part, "title": doc.title, "published": doc.published,
             "sha256": doc.sha256 or None, "chars": doc.chars}
    return {k: v for k, v in props.items() if v is not None}


def _add_entity(rows: Rows, entity: Entity) -> None:
    props, rejected = flatten(entity.properties, ENTITY_RESERVED)
    for key in rejected:
        rows.problems.append(f"entity {entity.id}: property {key!r} clashes with a built-in field; rename it")
    row = rows.entities.get(entity.id)
    if row is None:
        row = rows.entities[entity.id] = EntityRow(entity.id, entity.type, entity.name)
    elif row.type != entity.type:
        rows.problems.append(f"entity {entity.id}: seen as {row.type} and as {entity.type}; kept {row.type}")
        return
    row.aliases.update(a for a in entity.aliases if a)
    row.props.update(props)
    for m in entity.mentions:
        row.mentions.setdefault(m.doc, set()).add((m.start, m.end, m.text))


def _add_relation(rows: Rows, relation: Relation) -> None:
    props, rejected = flatten(relation.properties, RELATION_RESERVED)
    for key in rejected:
        rows.problems.append(f"relation {relation.id}: property {key!r} clashes with a built-in field; rename it")
    if not relation.evidence:
        rows.problems.append(f"relation {relation.id} ({relation.type} {relation.head} -> {relation.tail}): "
                             "no evidence; loaded, but every fact should cite its sentence")
    row = rows.relations.get(relation.id)
    if row is None:
        row = rows.relations[relation.id] = RelationRow(relation.id, relation.type, relation.head, relation.tail)
    elif (row.type, row.head, row.tail) != (relation.type, relation.head, relation.tail):
        rows.problems.append(f"relation {relation.id}: id reused for a different fact; kept the first")
        return
    row.props.update(props)
    row.confidence = max(row.confidence, float(relation.confidence))
    row.evidence.update((e.doc, e.start, e.end, e.text) for e in relation.evidence)


def build_rows(records: Iterable[Record]) -> Rows:
    """Return the rows for ``records``; the same id seen twice is folded into one row."""
    rows = Rows()
    for record in records:
        if isinstance(record, Document):
            rows.documents.setdefault(record.id, {}).update(document_props(record))
        elif isinstance(record, Entity):
            _add_entity(rows, record)
        elif isinstance(record, Relation):
            _add_relation(rows, record)
    return rows


def relation_problem(row: RelationRow, head_type: str | None, tail_type: str | None) -> str | None:
    """Return why a relation cannot be stored (missing endpoint, types the schema forbids), or None."""
    if head_type is None or tail_type is None:
        missing = row.head if head_type is None else row.tail
        return (f"relation {row.id} ({row.type} {row.head} -> {row.tail}): entity {missing} is not in the input "
                "or the graph; skipped")
    rel_type = RELATION_TYPES[row.type]
    if not rel_type.allows(head_type, tail_type):
        return (f"relation {row.id}: {row.type} may not link {head_type} -> {tail_type} "
                f"(allowed {'/'.join(rel_type.heads)} -> {'/'.join(rel_type.tails)}); skipped")
    return None
