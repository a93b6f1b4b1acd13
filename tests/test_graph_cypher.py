"""The exact Cypher and parameters the loader sends, built without a database."""

from __future__ import annotations

import pytest

from zonekg.graph import cypher
from zonekg.graph.loader import plan_documents, plan_entities, plan_relations, skipped_relations
from zonekg.graph.rows import build_rows
from zonekg.schema.errors import SchemaError
from zonekg.schema.ids import entity_id, relation_id
from zonekg.schema.records import Amount, Document, Entity, Mention, Relation

ZONE = entity_id("Zone", "青石经济技术开发区")
PARK = entity_id("Zone", "桃林工业园")
FIRM = entity_id("Enterprise", "青石精密机械有限公司")


def _rows():
    return build_rows([
        Document("doc:qs_01", "corpus/qs_01.txt", title="青石经开区新闻", published="2022-04-01", chars=300),
        Entity(ZONE, "Zone", "青石经济技术开发区", ["青石经开区"], {"level": "national"},
               [Mention("doc:qs_01", 0, 5, "青石经开区")]),
        Entity(PARK, "Zone", "桃林工业园", [], {}, [Mention("doc:qs_01", 10, 15, "桃林工业园")]),
        Entity(FIRM, "Enterprise", "青石精密机械有限公司", ["青石精机"], {},
               [Mention("doc:qs_01", 20, 24, "青石精机"), Mention("doc:qs_01", 40, 50, "青石精密机械有限公司")]),
        Relation(relation_id("LOCATED_IN", FIRM, PARK), "LOCATED_IN", FIRM, PARK,
                 {"amount": Amount(300000000, "CNY", "3亿元"), "date": "2022-03"}, 0.8,
                 [Mention("doc:qs_01", 20, 38, "青石精机投资3亿元落户桃林工业园。")]),
    ])


def test_entity_merge_cypher_takes_the_label_from_the_schema_as_a_parameter():
    text = cypher.merge_entities("Zone")
    assert text.startswith(
        "UNWIND $rows AS row\n"
        "MERGE (n:Entity {id: row.id})\n"
        "ON CREATE SET n:$($label), n.name = row.name, n.aliases = row.aliases, n += row.props\n"
        "ON MATCH SET n:$($label)\n"
    )
    assert cypher.entity_params("Zone") == {"label": "Zone"}
    assert text == cypher.merge_entities("Person")  # one statement, one query plan for every type
    assert "MERGE (d:Document {id: m.doc})\n  MERGE (n)-[r:MENTIONED_IN]->(d)" in text
    # every later write to a known node is behind a guard, so a repeat load sets nothing
    assert text.count("SET n.") + text.count("SET n +=") == 3 and text.count("WITH * WHERE") == 3


def test_relation_merge_cypher_matches_both_ends_by_id_and_checks_their_types():
    text = cypher.merge_relations("LOCATED_IN")
    assert text.startswith(
        "UNWIND $rows AS row\n"
        "OPTIONAL MATCH (h:Entity {id: row.head})\n"
        "OPTIONAL MATCH (t:Entity {id: row.tail})\n"
        "WITH row, h, t, coalesce(any(l IN labels(h) WHERE l IN $heads) AND any(l IN labels(t) WHERE l IN $tails),\n"
    )
    assert "  MERGE (h)-[r:$($type) {id: row.id}]->(t)\n" in text
    assert cypher.relation_params("LOCATED_IN") == {"type": "LOCATED_IN", "heads": ["Enterprise", "Project"],
                                                    "tails": ["Zone"]}
    assert text.endswith("WITH row, h, t, fits WHERE NOT fits\n"
                         "RETURN row.id AS id, labels(h) AS head_labels, labels(t) AS tail_labels")


def test_the_create_path_splices_the_checked_label_and_returns_known_ids():
    text = cypher.create_entities("Zone")
    assert text.startswith("UNWIND $rows AS row\nOPTIONAL MATCH (known:Entity {id: row.id})\n")
    assert "  CREATE (n:Entity:Zone {id: row.id, name: row.name, aliases: row.aliases})\n" in text
    assert "CREATE (n)-[:MENTIONED_IN {spans: m.spans, texts: m.texts}]->(d)" in text
    assert text.endswith("WITH row, known WHERE known IS NOT NULL\nRETURN row.id AS id")
    rels = cypher.create_relations("PART_OF")
    assert "OPTIONAL MATCH ()-[known:PART_OF {id: row.id}]->()\n" in rels
    assert "  WITH * WHERE fits AND known IS NULL\n  CREATE (h)-[r:PART_OF {id: row.id}]->(t)\n" in rels
    assert rels.endswith("RETURN row.id AS id, known IS NOT NULL AS known, labels(h) AS head_labels, "
                         "labels(t) AS tail_labels")


@pytest.mark.parametrize("label", ["Zone) DETACH DELETE n //", "zone", "Entity", "园区", ""])
def test_a_label_outside_the_schema_never_reaches_cypher(label):
    with pytest.raises(SchemaError):
        cypher.merge_entities(label)
    with pytest.raises(SchemaError):
        cypher.create_entities(label)
    with pytest.raises(SchemaError):
        cypher.entity_params(label)


@pytest.mark.parametrize("rel", ["LOCATED_IN]->() DETACH DELETE r //", "located_in", "MENTIONED_IN"])
def test_a_relationship_type_outside_the_schema_never_reaches_cypher(rel):
    with pytest.raises(SchemaError):
        cypher.merge_relations(rel)
    with pytest.raises(SchemaError):
        cypher.create_relations(rel)
    with pytest.raises(SchemaError):
        cypher.relation_params(rel)


def test_entities_are_sent_with_name_sorted_aliases_flat_properties_and_sorted_mentions():
    rows = _rows()
    write = plan_entities("Zone", [rows.entities[PARK], rows.entities[ZONE]])
    assert write.cypher == cypher.merge_entities("Zone") and write.kind == "Zone"
    assert write.params == {"label": "Zone"}
    assert write.rows == [
        {"id": PARK, "name": "桃林工业园", "aliases": [], "props": {},
         "mentions": [{"doc": "doc:qs_01", "spans": ["10-15"], "texts": ["桃林工业园"]}]},
        {"id": ZONE, "name": "青石经济技术开发区", "aliases": ["青石经开区"], "props": {"level": "national"},
         "mentions": [{"doc": "doc:qs_01", "spans": ["0-5"], "texts": ["青石经开区"]}]},
    ]
    (firm,) = plan_entities("Enterprise", [rows.entities[FIRM]]).rows
    assert firm["mentions"] == [{"doc": "doc:qs_01", "spans": ["20-24", "40-50"],
                                 "texts": ["青石精机", "青石精密机械有限公司"]}]


def test_relation_rows_carry_flat_amounts_confidence_and_evidence():
    rows = _rows()
    rel = next(iter(rows.relations.values()))
    write = plan_relations("LOCATED_IN", [rel])
    assert write.cypher == cypher.merge_relations("LOCATED_IN") and write.params["type"] == "LOCATED_IN"
    assert write.rows == [{"id": rel.id, "head": FIRM, "tail": PARK, "confidence": 0.8, "props": {
        "amount_text": "3亿元", "amount_unit": "CNY", "amount_value": 300000000, "date": "2022-03"},
        "evidence": [{"doc": "doc:qs_01", "span": "20-38", "text": "青石精机投资3亿元落户桃林工业园。"}]}]


def test_a_relation_the_statement_returns_is_reported_with_why():
    rows = _rows()
    rel = next(iter(rows.relations.values()))
    missing = [{"id": rel.id, "head_labels": ["Entity", "Enterprise"], "tail_labels": None}]
    (problem,) = skipped_relations([rel], missing)
    assert PARK in problem and "skipped" in problem
    forbidden = [{"id": rel.id, "head_labels": ["Entity", "Enterprise"], "tail_labels": ["Entity", "Industry"]}]
    assert "Enterprise -> Industry" in skipped_relations([rel], forbidden)[0]
    assert skipped_relations([rel], []) == []


def test_documents_are_sent_with_their_properties():
    rows = _rows()
    write = plan_documents(rows.documents, ["doc:qs_01"])
    assert write.cypher == cypher.MERGE_DOCUMENTS
    assert write.rows == [{"id": "doc:qs_01", "props": {"source": "corpus/qs_01.txt", "part": 0,
                                                        "title": "青石经开区新闻", "published": "2022-04-01",
                                                        "chars": 300}}]
