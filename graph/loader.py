"""Load FORMAT.md records into Neo4j: batched, parameterised and idempotent, with provenance.

Each batch first creates what the graph does not hold yet in one lean
statement (no lookups of what is there, no guards), which is what a first
build consists of; only the rows whose ids the graph already holds then go
through the guarded MERGE that unions aliases, mentions and evidence.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import neo4j

from zonekg.graph import cypher
from zonekg.graph.constraints import apply_schema
from zonekg.graph.merge import span_text
from zonekg.graph.rows import EntityRow, RelationRow, Rows, build_rows, relation_problem
from zonekg.schema.errors import DatabaseError
from zonekg.schema.records import Record
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

# Batches amortise the round trip; each stays one transaction of a few MB. Two
# writers keep the server busy while the client packs the next batch.
DEFAULT_BATCH_SIZE = 2000
DEFAULT_WRITERS = 2

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
    batches: int = 0  # write statements sent, one transaction each

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
    params: dict[str, Any] = field(default_factory=dict)  # the schema names the statement takes as parameters


class _Session:
    """Runs batched writes, adding counters to the report and wrapping failures."""

    def __init__(self, driver: neo4j.Driver, database: str | None, report: LoadReport):
        self.driver, self.database, self.report = driver, database, report
        self._lock = threading.Lock()  # writers share the report

    def write(self, write: Write, raced: bool = False) -> list[dict[str, Any]] | None:
        """Run one batch in one transaction; return the rows the statement returns.

        With ``raced``, a batch that broke a uniqueness constraint (another
        writer created one of its ids after the statement looked) returns None
        instead of failing, so the caller can merge that batch.
        """
        if not write.rows:
            return []
        with self._lock:
            self.report.batches += 1
        try:
            result = self.driver.execute_query(write.cypher, parameters_={**write.params, "rows": write.rows},
                                               database_=self.database, routing_=neo4j.RoutingControl.WRITE)
        except neo4j.exceptions.ConstraintError as exc:
            if raced:
                return None
            raise self._failed(write, exc) from exc
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            raise self._failed(write, exc) from exc
        counters = result.summary.counters
        with self._lock:
            self._count(counters)
        return [r.data() for r in result.records]

    def _count(self, counters: neo4j.SummaryCounters) -> None:
        self.report.nodes_created += counters.nodes_created
        self.report.relationships_created += counters.relationships_created
        self.report.properties_set += counters.properties_set
        self.report.labels_added += counters.labels_added

    def _failed(self, write: Write, exc: Exception) -> DatabaseError:
        cause = f"{exc.code}: {exc.message}" if isinstance(exc, neo4j.exceptions.Neo4jError) else str(exc)
        return DatabaseError(
            f"load failed at batch {self.report.batches} ({write.kind}, first id {write.rows[0]['id']}): "
            f"{cause}; the load is idempotent, so re-run it once the cause is fixed")


def plan_documents(documents: dict[str, dict[str, Any]], ids: Sequence[str]) -> Write:
    """Return the document MERGE for ``ids``; the statement itself skips documents already as given."""
    return Write("documents", cypher.MERGE_DOCUMENTS, [{"id": doc_id, "props": documents[doc_id]} for doc_id in ids])


def entity_param(row: EntityRow) -> dict[str, Any]:
    """Return the ``$rows`` entry of an entity: name, sorted aliases, flat properties, mentions per document."""
    mentions = [{"doc": doc, "spans": [span_text(s, e) for s, e, _ in spans], "texts": [t for _, _, t in spans]}
                for doc, spans in ((doc, sorted(row.mentions[doc])) for doc in sorted(row.mentions))]
    return {"id": row.id, "name": row.name, "aliases": sorted(row.aliases - {row.name}), "props": row.props,
            "mentions": mentions}


def relation_param(row: RelationRow) -> dict[str, Any]:
    """Return the ``$rows`` entry of a relation: endpoints, flat properties, confidence, sorted evidence."""
    evidence = [{"doc": d, "span": span_text(s, e), "text": t} for d, s, e, t in sorted(row.evidence)]
    return {"id": row.id, "head": row.head, "tail": row.tail, "props": row.props,
            "confidence": float(row.confidence), "evidence": evidence}


def plan_entities(type_name: str, chunk: Sequence[EntityRow]) -> Write:
    """Return the MERGE of one batch of one entity type, mentions included."""
    return Write(type_name, cypher.merge_entities(type_name), [entity_param(row) for row in chunk],
                 cypher.entity_params(type_name))


def plan_new_entities(type_name: str, chunk: Sequence[EntityRow]) -> Write:
    """Return the CREATE of the entities of one batch the graph does not hold yet (it returns the known ids)."""
    return Write(type_name, cypher.create_entities(type_name), [entity_param(row) for row in chunk])


def plan_relations(type_name: str, chunk: Sequence[RelationRow]) -> Write:
    """Return the MERGE of one batch of one relation type."""
    return Write(type_name, cypher.merge_relations(type_name), [relation_param(row) for row in chunk],
                 cypher.relation_params(type_name))


def plan_new_relations(type_name: str, chunk: Sequence[RelationRow]) -> Write:
    """Return the CREATE of the relations of one batch the graph does not hold yet (it returns the rest)."""
    return Write(type_name, cypher.create_relations(type_name), [relation_param(row) for row in chunk],
                 cypher.relation_params(type_name))


def _endpoint_type(labels: list[str] | None) -> str | None:
    return next((label for label in labels or [] if label in ENTITY_TYPES), None)


def skipped_relations(chunk: Sequence[RelationRow], returned: list[dict[str, Any]]) -> list[str]:
    """Return why each relation the MERGE returned (missing end, forbidden types) was not stored, in batch order."""
    by_id = {r["id"]: r for r in returned}
    problems = []
    for row in chunk:
        found = by_id.get(row.id)
        if found is None:
            continue
        problem = relation_problem(row, _endpoint_type(found["head_labels"]), _endpoint_type(found["tail_labels"]))
        # the statement and the schema agree on what fits; this fallback keeps a row from vanishing unexplained
        problems.append(problem or f"relation {row.id} ({row.type} {row.head} -> {row.tail}): not stored; skipped")
    return problems


def _by_type(items: Iterable[Any], types: Iterable[str]) -> dict[str, list[Any]]:
    """Return ``items`` (sorted by id) grouped by their ``type``, in schema order."""
    groups: dict[str, list[Any]] = {t: [] for t in types}
    for item in sorted(items, key=lambda r: r.id):
        groups[item.type].append(item)
    return groups


def _load_entities(session: _Session, type_name: str, chunk: Sequence[EntityRow]) -> None:
    """Create the batch's new entities in one statement, then merge the ones the graph already held."""
    known = session.write(plan_new_entities(type_name, chunk), raced=True)
    held = chunk if known is None else _having(chunk, {row["id"] for row in known})
    session.write(plan_entities(type_name, held))  # a write of no rows sends nothing


def _load_relations(session: _Session, type_name: str, chunk: Sequence[RelationRow]) -> list[str]:
    """Create the batch's new relations, merge the known ones; return why the others were skipped."""
    rest = session.write(plan_new_relations(type_name, chunk), raced=True)
    if rest is None:
        held, unfit = chunk, []
    else:
        held = _having(chunk, {row["id"] for row in rest if row["known"]})
        unfit = [row for row in rest if not row["known"]]
    return skipped_relations(chunk, unfit + session.write(plan_relations(type_name, held)))


def _having(chunk: Sequence[Any], ids: set[str]) -> list[Any]:
    """Return the rows of ``chunk`` whose id is in ``ids``, in batch order."""
    return [row for row in chunk if row.id in ids]


def _jobs(groups: dict[str, list[Any]], batch_size: int) -> list[tuple[str, Sequence[Any], int]]:
    """Return ``(type, batch, size of the type)`` for every batch of every type, in schema order."""
    return [(type_name, chunk, len(group)) for type_name, group in groups.items()
            for chunk in _chunks(group, batch_size)]


def load_rows(driver: neo4j.Driver, rows: Rows, database: str | None = None,
              batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
              writers: int = DEFAULT_WRITERS) -> LoadReport:
    """Load prepared rows: documents, then entities with their mentions, then relations; return the report.

    Each statement is one transaction, ``writers`` of them at a time; a batch that
    fails stops the load with a DatabaseError, and re-running the whole load
    completes it. The graph is the same for any number of writers.
    """
    started = time.perf_counter()
    report = LoadReport(documents=len(rows.documents), entities=len(rows.entities), relations=len(rows.relations),
                        problems=list(rows.problems))
    apply_schema(driver, database)
    session = _Session(driver, database, report)
    ids = sorted(rows.documents)
    for done, chunk in enumerate(_chunks(ids, batch_size), 1):
        session.write(plan_documents(rows.documents, chunk))
        if progress:
            progress("documents", min(done * batch_size, len(ids)), len(ids))
    # Entities before relations (a relation needs both ends); within each stage the
    # batches touch disjoint ids, so ``writers`` transactions run side by side.
    entity_jobs = _jobs(_by_type(rows.entities.values(), ENTITY_TYPES), batch_size)
    relation_jobs = _jobs(_by_type(rows.relations.values(), RELATION_TYPES), batch_size)
    done: Counter[str] = Counter()
    lock = threading.Lock()

    def run(load: Callable[[_Session, str, Sequence[Any]], Any], job: tuple[str, Sequence[Any], int]) -> Any:
        type_name, chunk, total = job
        out = load(session, type_name, chunk)
        if progress:
            with lock:
                done[type_name] += len(chunk)
                progress(type_name, done[type_name], total)
        return out

    with ThreadPoolExecutor(max(1, writers), thread_name_prefix="zonekg-load") as pool:
        list(pool.map(lambda job: run(_load_entities, job), entity_jobs))
        for problems in pool.map(lambda job: run(_load_relations, job), relation_jobs):
            report.problems.extend(problems)
    report.seconds = time.perf_counter() - started
    return report


def load_records(driver: neo4j.Driver, records: Iterable[Record], database: str | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
                 writers: int = DEFAULT_WRITERS) -> LoadReport:
    """Merge ``records`` into Neo4j and return a LoadReport; loading the same records again creates nothing."""
    return load_rows(driver, build_rows(records), database, batch_size, progress, writers)


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
