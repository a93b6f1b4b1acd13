"""Load FORMAT.md records into Neo4j: batched, parameterised, idempotent MERGE with provenance."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import neo4j

from zonekg.graph import cypher
from zonekg.graph.constraints import apply_schema
from zonekg.graph.merge import document_update, entity_update, mention_update, relation_update
from zonekg.graph.rows import EntityRow, RelationRow, Rows, build_rows, relation_problem
from zonekg.schema.errors import DatabaseError
from zonekg.schema.records import Record
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

DEFAULT_BATCH_SIZE = 500

# progress(kind, done, total): called after each batch.
Progress = Callable[[str, int, int], None]


@dataclass
class LoadReport:
    """What a load did: input counts, Neo4j's write counters, time taken and the problems skipped."""

    documents: int = 0
    entities: int = 0
    relations: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    batches: int = 0  # statements sent: the reads that find what exists, and the writes

    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def facts(self) -> int:
        """Entities plus relations offered to the load."""
        return self.entities + self.relations

    @property
    def facts_per_second(self) -> float:
        """Load throughput."""
        return self.facts / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return {"documents": self.documents, "entities": self.entities, "relations": self.relations,
                "facts": self.facts, "nodes_created": self.nodes_created,
                "relationships_created": self.relationships_created, "properties_set": self.properties_set,
                "labels_added": self.labels_added, "batches": self.batches, "seconds": round(self.seconds, 3),
                "facts_per_second": round(self.facts_per_second, 1), "problems": list(self.problems)}


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass(frozen=True)
class Write:
    """One batched statement: the Cypher and its ``rows`` parameter."""

    kind: str
    cypher: str
    rows: list[dict[str, Any]]


class _Session:
    """Runs reads and batched writes, adding counters to the report and wrapping failures."""

    def __init__(self, driver: neo4j.Driver, database: str | None, report: LoadReport):
        self.driver, self.database, self.report = driver, database, report

    def _run(self, query: str, params: dict[str, Any], kind: str, first_id: str, read: bool) -> neo4j.EagerResult:
        self.report.batches += 1
        try:
            return self.driver.execute_query(
                query, parameters_=params, database_=self.database,
                routing_=neo4j.RoutingControl.READ if read else neo4j.RoutingControl.WRITE)
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            cause = f"{exc.code}: {exc.message}" if isinstance(exc, neo4j.exceptions.Neo4jError) else str(exc)
            raise DatabaseError(
                f"load failed at batch {self.report.batches} ({kind}, first id {first_id}): {cause}; "
                "the load is idempotent, so re-run it once the cause is fixed") from exc

    def read(self, query: str, params: dict[str, Any], kind: str, first_id: str) -> list[dict[str, Any]]:
        return [r.data() for r in self._run(query, params, kind, first_id, read=True).records]

    def write(self, write: Write) -> None:
        if not write.rows:
            return
        first = write.rows[0]
        counters = self._run(write.cypher, {"rows": write.rows}, write.kind, str(first.get("id", first.get("entity"))),
                             read=False).summary.counters
        self.report.nodes_created += counters.nodes_created
        self.report.relationships_created += counters.relationships_created
        self.report.properties_set += counters.properties_set
        self.report.labels_added += counters.labels_added


def plan_documents(documents: dict[str, dict[str, Any]], ids: Sequence[str],
                   existing: dict[str, dict[str, Any]]) -> Write:
    """Return the document MERGE for ``ids``, holding only documents whose properties would change."""
    rows = []
    for doc_id in ids:
        props = document_update(documents[doc_id], existing.get(doc_id))
        if props is not None:
            rows.append({"id": doc_id, "props": props})
    return Write("documents", cypher.MERGE_DOCUMENTS, rows)


def plan_entities(type_name: str, chunk: Sequence[EntityRow], existing: dict[str, dict[str, Any]]) -> Write:
    """Return the MERGE for one batch of one entity type; ``existing`` maps id to ``{props, labels}``."""
    rows = []
    for row in chunk:
        found = existing.get(row.id)
        props = entity_update(row, found["props"] if found else None, found["labels"] if found else None)
        if props is not None:
            rows.append({"id": row.id, "props": props})
    return Write(type_name, cypher.merge_entities(type_name), rows)


def plan_mentions(type_name: str, chunk: Sequence[EntityRow], known: dict[tuple[str, str], dict[str, Any]]) -> Write:
    """Return the MENTIONED_IN MERGE for a batch; ``known`` maps (entity, doc) to the stored spans and texts."""
    rows = []
    for row in chunk:
        for doc in sorted(row.mentions):
            have = known.get((row.id, doc))
            update = mention_update(row.mentions[doc], have["spans"] if have else None, have["texts"] if have else None)
            if update is not None:
                rows.append({"entity": row.id, "doc": doc, **update})
    return Write(f"{type_name} mentions", cypher.MERGE_MENTIONS, rows)


def _endpoint_type(labels: list[str] | None) -> str | None:
    return next((label for label in labels or [] if label in ENTITY_TYPES), None)


def plan_relations(type_name: str, chunk: Sequence[RelationRow],
                   found: dict[str, dict[str, Any]]) -> tuple[Write, list[str]]:
    """Return the MERGE for a batch of one relation type and the relations skipped, with why.

    ``found`` maps relation id to the endpoints' labels and the stored properties (None when new).
    """
    rows, problems = [], []
    for row in chunk:
        state = found.get(row.id, {})
        problem = relation_problem(row, _endpoint_type(state.get("head_labels")),
                                   _endpoint_type(state.get("tail_labels")))
        if problem:
            problems.append(problem)
            continue
        props = relation_update(row, state.get("props"))
        if props is not None:
            rows.append({"id": row.id, "head": row.head, "tail": row.tail, "props": props})
    return Write(type_name, cypher.merge_relations(type_name), rows), problems


def _load_documents(session: _Session, documents: dict[str, dict[str, Any]], batch_size: int,
                    progress: Progress | None) -> None:
    ids = sorted(documents)
    for done, chunk in enumerate(_chunks(ids, batch_size), 1):
        existing = {r["id"]: r["props"] for r in session.read(cypher.READ_DOCUMENTS, {"ids": list(chunk)},
                                                              "documents", chunk[0])}
        session.write(plan_documents(documents, chunk, existing))
        if progress:
            progress("documents", min(done * batch_size, len(ids)), len(ids))


def _load_entity_batch(session: _Session, type_name: str, chunk: Sequence[EntityRow]) -> None:
    ids = [row.id for row in chunk]
    existing = {r["id"]: r for r in session.read(cypher.READ_ENTITIES, {"ids": ids}, type_name, ids[0])}
    session.write(plan_entities(type_name, chunk, existing))
    known = {(r["entity"], r["doc"]): r for r in session.read(cypher.READ_MENTIONS, {"ids": ids},
                                                              f"{type_name} mentions", ids[0])}
    session.write(plan_mentions(type_name, chunk, known))


def _load_relation_batch(session: _Session, type_name: str, chunk: Sequence[RelationRow]) -> None:
    keys = [{"id": r.id, "head": r.head, "tail": r.tail} for r in chunk]
    found = {r["id"]: r for r in session.read(cypher.read_relations(type_name), {"rows": keys}, type_name, chunk[0].id)}
    write, problems = plan_relations(type_name, chunk, found)
    session.report.problems.extend(problems)
    session.write(write)


def load_rows(driver: neo4j.Driver, rows: Rows, database: str | None = None,
              batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None) -> LoadReport:
    """Load prepared rows: documents, then entities with their mentions, then relations; return the report."""
    started = time.perf_counter()
    report = LoadReport(documents=len(rows.documents), entities=len(rows.entities), relations=len(rows.relations),
                        problems=list(rows.problems))
    apply_schema(driver, database)
    session = _Session(driver, database, report)
    _load_documents(session, rows.documents, batch_size, progress)
    for type_name in ENTITY_TYPES:
        group = [rows.entities[k] for k in sorted(rows.entities) if rows.entities[k].type == type_name]
        for done, chunk in enumerate(_chunks(group, batch_size), 1):
            _load_entity_batch(session, type_name, chunk)
            if progress:
                progress(type_name, min(done * batch_size, len(group)), len(group))
    for type_name in RELATION_TYPES:
        group = [rows.relations[k] for k in sorted(rows.relations) if rows.relations[k].type == type_name]
        for done, chunk in enumerate(_chunks(group, batch_size), 1):
            _load_relation_batch(session, type_name, chunk)
            if progress:
                progress(type_name, min(done * batch_size, len(group)), len(group))
    report.seconds = time.perf_counter() - started
    return report


def load_records(driver: neo4j.Driver, records: Iterable[Record], database: str | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None) -> LoadReport:
    """Merge ``records`` into Neo4j and return a LoadReport; loading the same records again creates nothing."""
    return load_rows(driver, build_rows(records), database, batch_size, progress)


def clear_graph(driver: neo4j.Driver, database: str | None = None) -> int:
    """Delete every Entity and Document node (and their relationships); return how many nodes went.

    Constraints and indexes stay. Other nodes in the database are left alone.
    """
    try:
        with driver.session(database=database) as session:
            summary = session.run(cypher.CLEAR_GRAPH).consume()
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
        raise DatabaseError(f"clearing the graph failed: {exc}; is the server running (zonekg neo4j status)?") from exc
    return summary.counters.nodes_deleted
