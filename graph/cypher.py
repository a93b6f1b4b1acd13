"""Every Cypher statement the loader and the read-back send, built from schema names only.

Values always travel as parameters (``$rows``, ``$ids``). Labels and
relationship types cannot be parameters, so they are spliced in here, and
only after ``zonekg.graph.labels`` has checked them against the schema.
"""

from __future__ import annotations

from zonekg.graph.labels import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    MENTIONED_IN,
    entity_label,
    relationship_type,
    relationship_types,
)

# --- reads before writes: the loader only writes what would change ---------

READ_DOCUMENTS = (
    "UNWIND $ids AS id\n"
    f"MATCH (d:{DOCUMENT_LABEL} {{id: id}})\n"
    "RETURN d.id AS id, properties(d) AS props"
)

READ_ENTITIES = (
    "UNWIND $ids AS id\n"
    f"MATCH (n:{ENTITY_LABEL} {{id: id}})\n"
    "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
)

READ_MENTIONS = (
    "UNWIND $ids AS id\n"
    f"MATCH (n:{ENTITY_LABEL} {{id: id}})-[m:{MENTIONED_IN}]->(d:{DOCUMENT_LABEL})\n"
    "RETURN n.id AS entity, d.id AS doc, m.spans AS spans, m.texts AS texts"
)


def read_relations(type_name: str) -> str:
    """Return the query that reports, per row, the endpoints' labels and the relationship's current properties."""
    rel = relationship_type(type_name)
    return (
        "UNWIND $rows AS row\n"
        f"OPTIONAL MATCH (h:{ENTITY_LABEL} {{id: row.head}})\n"
        f"OPTIONAL MATCH (t:{ENTITY_LABEL} {{id: row.tail}})\n"
        f"OPTIONAL MATCH (h)-[r:{rel} {{id: row.id}}]->(t)\n"
        "RETURN row.id AS id, labels(h) AS head_labels, labels(t) AS tail_labels, properties(r) AS props"
    )


# --- writes ----------------------------------------------------------------

MERGE_DOCUMENTS = (
    "UNWIND $rows AS row\n"
    f"MERGE (d:{DOCUMENT_LABEL} {{id: row.id}})\n"
    "SET d += row.props"
)


def merge_entities(type_name: str) -> str:
    """Return the MERGE for one entity type: the common ``Entity`` label carries the unique id."""
    label = entity_label(type_name)
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{ENTITY_LABEL} {{id: row.id}})\n"
        f"SET n:{label}\n"
        "SET n += row.props"
    )


MERGE_MENTIONS = (
    "UNWIND $rows AS row\n"
    f"MATCH (n:{ENTITY_LABEL} {{id: row.entity}})\n"
    f"MERGE (d:{DOCUMENT_LABEL} {{id: row.doc}})\n"
    f"MERGE (n)-[m:{MENTIONED_IN}]->(d)\n"
    "SET m.spans = row.spans, m.texts = row.texts"
)


def merge_relations(type_name: str) -> str:
    """Return the MERGE for one relation type between existing entities."""
    rel = relationship_type(type_name)
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (h:{ENTITY_LABEL} {{id: row.head}})\n"
        f"MATCH (t:{ENTITY_LABEL} {{id: row.tail}})\n"
        f"MERGE (h)-[r:{rel} {{id: row.id}}]->(t)\n"
        "SET r += row.props"
    )


# --- read-back of the whole graph (for RDF export and round trips) ---------

ALL_DOCUMENTS = f"MATCH (d:{DOCUMENT_LABEL}) RETURN properties(d) AS props ORDER BY d.id"

ALL_ENTITIES = (
    f"MATCH (n:{ENTITY_LABEL})\n"
    "RETURN labels(n) AS labels, properties(n) AS props,\n"
    f"       COLLECT {{ MATCH (n)-[m:{MENTIONED_IN}]->(d:{DOCUMENT_LABEL})\n"
    "                 RETURN {doc: d.id, spans: m.spans, texts: m.texts} AS mention ORDER BY d.id } AS mentions\n"
    "ORDER BY n.id"
)

ALL_RELATIONS = (
    f"MATCH (h:{ENTITY_LABEL})-[r]->(t:{ENTITY_LABEL})\n"
    "WHERE type(r) IN $types\n"
    "RETURN type(r) AS type, h.id AS head, t.id AS tail, properties(r) AS props\n"
    "ORDER BY r.id"
)


def all_relations_params() -> dict[str, list[str]]:
    """Return the parameters of ``ALL_RELATIONS``: the schema's relation types."""
    return {"types": list(relationship_types())}


# --- name lookup (query presets) ------------------------------------------

FIND_BY_NAME = (
    f"MATCH (n:{ENTITY_LABEL}) WHERE n.name IN $names\n"
    "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, labels(n) AS labels, 0.0 AS score\n"
    "ORDER BY n.id"
)

FIND_BY_ALIAS = (
    f"MATCH (n:{ENTITY_LABEL}) WHERE any(a IN coalesce(n.aliases, []) WHERE a IN $names)\n"
    "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, labels(n) AS labels, 0.0 AS score\n"
    "ORDER BY n.id"
)

FIND_BY_FULLTEXT = (
    "CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score\n"
    "RETURN node.id AS id, node.name AS name, node.aliases AS aliases, labels(node) AS labels, score\n"
    "ORDER BY score DESC, id"
)

FIND_BY_ID = (
    f"MATCH (n:{ENTITY_LABEL} {{id: $id}})\n"
    "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, labels(n) AS labels, 0.0 AS score"
)


def latest_name() -> str:
    """Return the query that follows RENAMED_FROM forward from ``$id`` to the newest name (itself if none)."""
    renamed = relationship_type("RENAMED_FROM")
    return (
        f"MATCH (z:{ENTITY_LABEL} {{id: $id}})\n"
        f"OPTIONAL MATCH p = (n:{ENTITY_LABEL})-[:{renamed}*1..10]->(z)\n"
        "WITH z, n, length(p) AS hops ORDER BY hops DESC, n.id LIMIT 1\n"
        "RETURN coalesce(n.id, z.id) AS id, coalesce(n.name, z.name) AS name"
    )


AWAIT_INDEXES = "CALL db.awaitIndexes(300)"

# Removes every node zonekg wrote, in chunks so a large graph does not need one huge transaction.
# CALL … IN TRANSACTIONS runs only in an auto-commit transaction (session.run).
CLEAR_GRAPH = (
    f"MATCH (n) WHERE n:{ENTITY_LABEL} OR n:{DOCUMENT_LABEL}\n"
    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
)
