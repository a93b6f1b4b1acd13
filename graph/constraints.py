"""Neo4j constraints and indexes generated from the schema, and applying them."""

from __future__ import annotations

import neo4j

from zonekg.graph.cypher import AWAIT_INDEXES
from zonekg.graph.labels import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    FULLTEXT_INDEX,
    KEYS_INDEX,
    entity_labels,
    relationship_types,
)
from zonekg.schema.errors import DatabaseError


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))


def schema_statements() -> list[str]:
    """Return the ``CREATE CONSTRAINT/INDEX … IF NOT EXISTS`` statements, in a fixed order.

    Uniqueness on ``Entity.id`` and ``Document.id`` backs every MERGE; the
    per-label constraints let a query that names a label find a node by id
    through that label's own index; relationship ids are unique per type.
    The full-text index uses the CJK analyzer (character bigrams), so a
    short form such as 永州经开区 shares terms with 永州经济技术开发区. The
    keyword full-text index holds each whole name and alias as one term, so an
    exact alias is found through an index (a list property has no range index);
    its properties are listed the other way round because Neo4j takes a second
    full-text index on the same label and properties as already existing.
    """
    out = [
        f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:{DOCUMENT_LABEL}) REQUIRE n.id IS UNIQUE",
    ]
    for label in entity_labels():
        out.append(f"CREATE CONSTRAINT {_snake(label)}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
    for rel in relationship_types():
        out.append(f"CREATE CONSTRAINT {rel.lower()}_id IF NOT EXISTS FOR ()-[r:{rel}]-() REQUIRE r.id IS UNIQUE")
    out.append(f"CREATE INDEX entity_name IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.name)")
    out.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON EACH [n.name, n.aliases] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
    )
    out.append(
        f"CREATE FULLTEXT INDEX {KEYS_INDEX} IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON EACH [n.aliases, n.name] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}"
    )
    return out


def apply_schema(driver: neo4j.Driver, database: str | None = None) -> int:
    """Create every constraint and index that is missing and wait for them; return how many statements ran."""
    statements = schema_statements()
    try:
        for statement in statements:
            driver.execute_query(statement, database_=database)
        # A fresh full-text index is populated in the background; queries right after a load need it online.
        driver.execute_query(AWAIT_INDEXES, database_=database)
    except neo4j.exceptions.Neo4jError as exc:
        raise DatabaseError(f"could not create the graph schema ({exc.code}): {exc.message}") from exc
    except neo4j.exceptions.DriverError as exc:
        raise DatabaseError(f"could not create the graph schema: {exc}; is the server running (zonekg neo4j status)?") from exc
    return len(statements)
