"""Every Cypher statement the loader and the read-back send, built from schema names only.

Values always travel as parameters (``$rows``, ``$ids``). Labels and
relationship types are spliced in, or passed as dynamic-label parameters
(``n:$($label)``) so one statement serves every type, only after
``zonekg.graph.labels`` has checked them against the schema.
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
from zonekg.schema.types import RELATION_TYPES

# --- writes ----------------------------------------------------------------
# One statement per batch does the whole merge inside the database: no read
# round trip, no diffing in Python. Every SET on an existing node or
# relationship is guarded (a unit ``CALL { WITH … WHERE changed … SET … }``),
# because Neo4j counts a property set to its current value as set; so a repeat
# load reports zero changes. Lists only grow (set union) and stay sorted.

MERGE_DOCUMENTS = (
    "UNWIND $rows AS row\n"
    f"MERGE (d:{DOCUMENT_LABEL} {{id: row.id}})\n"
    "WITH d, row WHERE any(k IN keys(row.props) WHERE NOT coalesce(d[k] = row.props[k], false))\n"
    "SET d += row.props"
)

# Mentions of the entity ``n`` in ``row.mentions`` ({doc, spans, texts}, spans sorted by offset):
# a new MENTIONED_IN takes them as they are; a known one gets the union, re-sorted by offset.
_MERGE_MENTIONS = (
    "CALL (n, row) {\n"
    "  UNWIND row.mentions AS m\n"
    f"  MERGE (d:{DOCUMENT_LABEL} {{id: m.doc}})\n"
    f"  MERGE (n)-[r:{MENTIONED_IN}]->(d)\n"
    "  ON CREATE SET r.spans = m.spans, r.texts = m.texts\n"
    "  WITH r, m, [i IN range(0, size(r.spans) - 1) | {span: r.spans[i], text: r.texts[i]}] AS had\n"
    "  WITH r, had, [i IN range(0, size(m.spans) - 1) | {span: m.spans[i], text: m.texts[i]}] AS given\n"
    "  WITH r, had, [x IN given WHERE NOT x IN had] AS more WHERE size(more) > 0\n"
    "  WITH r, COLLECT { UNWIND had + more AS x RETURN x\n"
    "                    ORDER BY toInteger(split(x.span, '-')[0]), toInteger(split(x.span, '-')[1]), x.text } AS merged\n"
    "  SET r.spans = [x IN merged | x.span], r.texts = [x IN merged | x.text]\n"
    "}"
)


def merge_entities(type_name: str) -> str:
    """Return the MERGE for one entity type with its mentions: ``Entity`` carries the unique id.

    The type's label is the ``$label`` parameter (``entity_params``), so every type
    shares one statement and one cached query plan; the name is checked here too.

    A known entity keeps every alias it had, gains the new ones and, when its
    name changes, keeps the old name as an alias; only changed values are set.
    """
    entity_label(type_name)
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{ENTITY_LABEL} {{id: row.id}})\n"
        "ON CREATE SET n:$($label), n.name = row.name, n.aliases = row.aliases, n += row.props\n"
        "ON MATCH SET n:$($label)\n"
        "WITH n, row, coalesce(n.aliases, []) AS had\n"
        "WITH n, row, had, [a IN row.aliases + CASE WHEN n.name <> row.name THEN [n.name] ELSE [] END\n"
        "                   WHERE NOT a IN had AND a <> row.name] AS more\n"
        "CALL (n, row, had, more) {\n"
        "  WITH * WHERE size(more) > 0 OR row.name IN had\n"
        "  SET n.aliases = COLLECT { UNWIND had + more AS a WITH DISTINCT a WHERE a <> row.name RETURN a ORDER BY a }\n"
        "}\n"
        "CALL (n, row) { WITH * WHERE n.name <> row.name SET n.name = row.name }\n"
        "CALL (n, row) {\n"
        "  WITH * WHERE any(k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], false))\n"
        "  SET n += row.props\n"
        "}\n"
        f"{_MERGE_MENTIONS}"
    )


def create_entities(type_name: str) -> str:
    """Return the fast path for one batch of one entity type: create the entities not in the graph yet.

    A new entity needs no union and no guard: it is created with its label,
    name, aliases, properties and MENTIONED_IN links in one pass. Rows whose id
    the graph already holds are left alone and returned (``id``), for
    ``merge_entities`` to merge. The label is spliced in after the schema check,
    so each type has its own plan with a literal label.
    """
    label = entity_label(type_name)
    return (
        "UNWIND $rows AS row\n"
        f"OPTIONAL MATCH (known:{ENTITY_LABEL} {{id: row.id}})\n"
        "CALL (row, known) {\n"
        "  WITH * WHERE known IS NULL\n"
        f"  CREATE (n:{ENTITY_LABEL}:{label} {{id: row.id, name: row.name, aliases: row.aliases}})\n"
        "  SET n += row.props\n"
        "  WITH n, row\n"
        "  UNWIND row.mentions AS m\n"
        f"  MERGE (d:{DOCUMENT_LABEL} {{id: m.doc}})\n"
        f"  CREATE (n)-[:{MENTIONED_IN} {{spans: m.spans, texts: m.texts}}]->(d)\n"
        "}\n"
        "WITH row, known WHERE known IS NOT NULL\n"
        "RETURN row.id AS id"
    )


def entity_params(type_name: str) -> dict[str, str]:
    """Return the parameters ``merge_entities`` takes besides ``$rows``: the schema label."""
    return {"label": entity_label(type_name)}


def relation_params(type_name: str) -> dict[str, str | list[str]]:
    """Return the parameters ``merge_relations`` takes besides ``$rows``: the type and its allowed end labels."""
    rel = RELATION_TYPES[relationship_type(type_name)]
    return {"type": rel.name, "heads": list(rel.heads), "tails": list(rel.tails)}


# A relation's ends by id, whether they exist with the types the schema allows, and what a new one is given.
_ENDS = (f"OPTIONAL MATCH (h:{ENTITY_LABEL} {{id: row.head}})\n"
         f"OPTIONAL MATCH (t:{ENTITY_LABEL} {{id: row.tail}})\n")
_ENDS_FIT = ("coalesce(any(l IN labels(h) WHERE l IN $heads) AND any(l IN labels(t) WHERE l IN $tails),\n"
             "         false) AS fits\n")
_NEW_RELATIONSHIP = ("r += row.props, r.confidence = row.confidence,\n"
                     "    r.evidence_docs = [x IN row.evidence | x.doc], r.evidence_spans = [x IN row.evidence | x.span],\n"
                     "    r.evidence_text = [x IN row.evidence | x.text]\n")


def create_relations(type_name: str) -> str:
    """Return the fast path for one batch of one relation type: create the relations not in the graph yet.

    Endpoints are found by id, as in ``merge_relations``. A row is created when
    no relationship of its type has its id and its ends exist with the types
    the schema allows. Every other row is returned (``id, known, head_labels,
    tail_labels``): known ones go on to ``merge_relations``, the rest are
    reported as skipped.
    """
    rel = relationship_type(type_name)
    return (
        "UNWIND $rows AS row\n"
        f"OPTIONAL MATCH ()-[known:{rel} {{id: row.id}}]->()\n"
        f"{_ENDS}"
        f"WITH row, known, h, t, {_ENDS_FIT}"
        "CALL (row, known, h, t, fits) {\n"
        "  WITH * WHERE fits AND known IS NULL\n"
        f"  CREATE (h)-[r:{rel} {{id: row.id}}]->(t)\n"
        f"  SET {_NEW_RELATIONSHIP}"
        "}\n"
        "WITH row, known, h, t, fits WHERE known IS NOT NULL OR NOT fits\n"
        "RETURN row.id AS id, known IS NOT NULL AS known, labels(h) AS head_labels, labels(t) AS tail_labels"
    )


def merge_relations(type_name: str) -> str:
    """Return the MERGE for one relation type between existing entities of the allowed types.

    The type and its allowed end labels are parameters (``relation_params``), so one
    statement and one query plan serve every type.

    Endpoints are found by id through the ``Entity`` constraint; rows whose
    endpoints are missing or of types the schema forbids are not written but
    returned (``id, head_labels, tail_labels``) so the loader can say why.
    """
    relationship_type(type_name)
    return (
        "UNWIND $rows AS row\n"
        f"{_ENDS}"
        f"WITH row, h, t, {_ENDS_FIT}"
        "CALL (row, h, t, fits) {\n"
        "  WITH * WHERE fits\n"
        "  MERGE (h)-[r:$($type) {id: row.id}]->(t)\n"
        f"  ON CREATE SET {_NEW_RELATIONSHIP}"
        "  WITH r, row, [i IN range(0, size(coalesce(r.evidence_docs, [])) - 1) |\n"
        "               {doc: r.evidence_docs[i], span: r.evidence_spans[i], text: r.evidence_text[i]}] AS had\n"
        "  WITH r, row, had, [x IN row.evidence WHERE NOT x IN had] AS more\n"
        "  CALL (r, had, more) {\n"
        "    WITH * WHERE size(more) > 0\n"
        "    WITH r, COLLECT { UNWIND had + more AS x RETURN x ORDER BY x.doc,\n"
        "                      toInteger(split(x.span, '-')[0]), toInteger(split(x.span, '-')[1]), x.text } AS merged\n"
        "    SET r.evidence_docs = [x IN merged | x.doc], r.evidence_spans = [x IN merged | x.span],\n"
        "        r.evidence_text = [x IN merged | x.text]\n"
        "  }\n"
        "  CALL (r, row) { WITH * WHERE NOT coalesce(r.confidence >= row.confidence, false) "
        "SET r.confidence = row.confidence }\n"
        "  CALL (r, row) {\n"
        "    WITH * WHERE any(k IN keys(row.props) WHERE NOT coalesce(r[k] = row.props[k], false))\n"
        "    SET r += row.props\n"
        "  }\n"
        "}\n"
        "WITH row, h, t, fits WHERE NOT fits\n"
        "RETURN row.id AS id, labels(h) AS head_labels, labels(t) AS tail_labels"
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


# Everything a typed name needs, in one round trip: the node with that id, the nodes whose
# name or alias is exactly one of the forms (keyword full-text index: one term per whole
# value, so exact and index-backed even for list-valued aliases), the CJK full-text hits
# only when no entity of the wanted types has that id or one of the forms exactly (the
# common case skips them), and for each the newest name it was renamed into (RENAMED_FROM, bounded).
RESOLVE_NAME = (
    "CALL () {\n"
    f"  MATCH (n:{ENTITY_LABEL} {{id: $id}}) RETURN n, 'id' AS how, 0.0 AS score\n"
    "  UNION\n"
    "  CALL db.index.fulltext.queryNodes($keys_index, $exact, {limit: $exact_limit}) YIELD node\n"
    "  RETURN node AS n, 'exact' AS how, 0.0 AS score\n"
    "}\n"
    "WITH collect({n: n, how: how, score: score}) AS found\n"
    "CALL (found) {\n"
    "  WITH found WHERE NOT any(f IN found WHERE size($types) = 0 OR any(l IN labels(f.n) WHERE l IN $types))\n"
    "  CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score\n"
    "  RETURN collect({n: node, how: 'text', score: score}) AS fuzzy\n"
    "}\n"
    "UNWIND found + fuzzy AS f\n"
    "WITH f.n AS n, f.how AS how, f.score AS score\n"
    "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, labels(n) AS labels, how, score,\n"
    f"  CASE WHEN $follow THEN COLLECT {{ MATCH p = (m:{ENTITY_LABEL})-[:RENAMED_FROM*1..10]->(n)\n"
    "    RETURN {id: m.id, name: m.name} AS later ORDER BY length(p) DESC, m.id LIMIT 1 } ELSE [] END AS later\n"
    "ORDER BY how, score DESC, id"
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
