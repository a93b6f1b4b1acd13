"""Read the whole zonekg graph back out of Neo4j as FORMAT.md records."""

from __future__ import annotations

import neo4j

from zonekg.graph import cypher
from zonekg.graph.merge import parse_span
from zonekg.graph.properties import unflatten_amounts
from zonekg.schema.errors import DatabaseError
from zonekg.schema.records import Document, Entity, Mention, Record, Relation
from zonekg.schema.types import ENTITY_TYPES

_EVIDENCE_KEYS = ("evidence_docs", "evidence_spans", "evidence_text")


def _document(props: dict) -> Document:
    return Document(id=props["id"], source=props.get("source", ""), part=props.get("part", 0),
                    title=props.get("title"), published=props.get("published"), sha256=props.get("sha256", ""),
                    chars=props.get("chars", 0))


def _entity(labels: list[str], props: dict, mentions: list[dict]) -> Entity:
    type_name = next(label for label in labels if label in ENTITY_TYPES)
    rest = {k: v for k, v in props.items() if k not in ("id", "name", "aliases")}
    spans = []
    for m in mentions:
        for span, text in zip(m["spans"] or [], m["texts"] or [], strict=False):
            start, end = parse_span(span)
            spans.append(Mention(m["doc"], start, end, text))
    return Entity(id=props["id"], type=type_name, name=props.get("name", ""), aliases=list(props.get("aliases") or []),
                  properties=unflatten_amounts(rest), mentions=sorted(spans))


def _relation(type_name: str, head: str, tail: str, props: dict) -> Relation:
    evidence = []
    docs, spans, texts = (props.get(k) or [] for k in _EVIDENCE_KEYS)
    for doc, span, text in zip(docs, spans, texts, strict=False):
        start, end = parse_span(span)
        evidence.append(Mention(doc, start, end, text))
    rest = {k: v for k, v in props.items() if k not in ("id", "confidence", *_EVIDENCE_KEYS)}
    return Relation(id=props["id"], type=type_name, head=head, tail=tail, properties=unflatten_amounts(rest),
                    confidence=float(props.get("confidence", 1.0)), evidence=evidence)


def read_back(driver: neo4j.Driver, database: str | None = None) -> list[Record]:
    """Return every document, entity and relation stored by zonekg, each list sorted by id."""
    try:
        docs = driver.execute_query(cypher.ALL_DOCUMENTS, database_=database, routing_=neo4j.RoutingControl.READ)
        ents = driver.execute_query(cypher.ALL_ENTITIES, database_=database, routing_=neo4j.RoutingControl.READ)
        rels = driver.execute_query(cypher.ALL_RELATIONS, cypher.all_relations_params(), database_=database,
                                    routing_=neo4j.RoutingControl.READ)
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
        raise DatabaseError(f"reading the graph back failed: {exc}; is the server running (zonekg neo4j status)?") \
            from exc
    out: list[Record] = [_document(r["props"]) for r in docs.records]
    out += [_entity(r["labels"], r["props"], r["mentions"]) for r in ents.records]
    out += [_relation(r["type"], r["head"], r["tail"], r["props"]) for r in rels.records]
    return out
