"""Time loading records into Neo4j, then load them again and count what the repeat created."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import neo4j

from zonekg.graph.loader import load_records
from zonekg.schema.errors import DatabaseError
from zonekg.schema.records import Record

# Deleting in chunks keeps each transaction small on a graph of a few hundred thousand nodes.
_DELETE_ALL = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
_COUNT = "MATCH (n) RETURN count(n) AS nodes"


def count_nodes(driver: neo4j.Driver, database: str | None = None) -> int:
    """Return how many nodes the database holds."""
    try:
        records, _, _ = driver.execute_query(_COUNT, database_=database, routing_=neo4j.RoutingControl.READ)
    except neo4j.exceptions.Neo4jError as exc:
        raise DatabaseError(f"counting nodes failed ({exc.code}): {exc.message}") from exc
    return int(records[0]["nodes"])


def empty_database(driver: neo4j.Driver, database: str | None = None) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    try:
        # CALL … IN TRANSACTIONS needs an auto-commit transaction, which execute_query does not give
        with driver.session(database=database) as session:
            session.run(_DELETE_ALL).consume()
    except neo4j.exceptions.Neo4jError as exc:
        raise DatabaseError(f"emptying the database failed ({exc.code}): {exc.message}") from exc


def time_load(driver: neo4j.Driver, records: Sequence[Record], database: str | None = None) -> dict[str, Any]:
    """Load ``records`` twice; return the first load's throughput and what the repeat created (should be 0)."""
    first = load_records(driver, records, database)
    repeat = load_records(driver, records, database)
    return {
        "facts": first.facts,
        "entities": first.entities,
        "relations": first.relations,
        "documents": first.documents,
        "seconds": round(first.seconds, 3),
        "facts_per_s": round(first.facts_per_second, 1),
        "nodes_created": first.nodes_created,
        "relationships_created": first.relationships_created,
        "problems": len(first.problems),
        "repeat_seconds": round(repeat.seconds, 3),
        "repeat_facts_per_s": round(repeat.facts_per_second, 1),
        "repeat_created": repeat.nodes_created + repeat.relationships_created,
        "repeat_nodes_created": repeat.nodes_created,
        "repeat_relationships_created": repeat.relationships_created,
        "repeat_properties_set": repeat.properties_set,
    }
