"""The exact Cypher and parameters the loader sends, built without a database."""

from __future__ import annotations

import pytest

from zonekg.graph import cypher
from zonekg.graph.loader import plan_documents, plan_entities, plan_mentions, plan_relations
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


def test_entity_merge_cypher_names_the_label_from_the_schema():
    assert cypher.merge_entities("Zone") == (
        "UNWIND $rows AS row\n"
        "MERGE (n:Entity {id: row.id})\n"
        "SET n:Zone\n"
        "SET n += row.props"
    )


def test_relation_merge_cypher_matches_both_ends_by_id():
    assert cypher.merge_relations("LOCATED_IN") == (
        "UNWIND $rows AS row\n"
        "MATCH (h:Entity {id: row.head})\n"
        "MATCH (t:Entity {id: row.tail})\n"
        "MERGE (h)-[r:LOCATED_IN {id: row.id}]->(t)\n"
        "SET r += row.props"
    )


@pytest.mark.parametrize("label", ["Zone) DETACH DELETE n //", "zone", "Entity", "园区", ""])
def test_a_label_outside_the_schema_never_reaches_cypher(label):
    with pytest.raises(SchemaError):
        cypher.merge_entities(label)


@pytest.mark.parametrize("rel", ["LOCATED_IN]->() DETACH DELETE r //", "located_in", "MENTIONED_IN"])
def test_a_relationship_type_outside_the_schema_never_reaches_cypher(rel):
    with pytest.raises(SchemaError):
        cypher.merge_relations(rel)


def test_new_entities_are_written_with_name_sorted_aliases_and_flat_properties():
    rows = _rows()
    write = plan_entities("Zone", [rows.entities[PARK], rows.entities[ZONE]], existing={})
    assert write.cypher == cypher.merge_entities("Zone")
    assert write.rows == [
        {"id": PARK, "props": {"name": "桃林工业园", "aliases": []}},
        {"id": ZONE, "props": {"name": "青石经济技术开发区", "aliases": ["青石经开区"], "level": "national"}},
    ]


def test_an_unchanged_entity_is_not_written_again():
    rows = _rows()
    stored = {ZONE: {"props": {"id": ZONE, "name": "青石经济技术开发区", "aliases": ["青石经开区"], "level": "national"},
                     "labels": ["Entity", "Zone"]}}
    assert plan_entities("Zone", [rows.entities[ZONE]], stored).rows == []


def test_a_known_entity_gets_only_its_new_aliases():
    rows = _rows()
    stored = {ZONE: {"props": {"id": ZONE, "name": "青石经济技术开发区", "aliases": ["青石经济开发区"], "level": "national"},
                     "labels": ["Entity", "Zone"]}}
    write = plan_entities("Zone", [rows.entities[ZONE]], stored)
    assert write.rows == [{"id": ZONE, "props": {"aliases": ["青石经开区", "青石经济开发区"]}}]


def test_mentions_are_written_as_sorted_parallel_span_and_text_lists():
    rows = _rows()
    write = plan_mentions("Enterprise", [rows.entities[FIRM]], known={})
    assert write.cypher == cypher.MERGE_MENTIONS
    assert write.rows == [{"entity": FIRM, "doc": "doc:qs_01", "spans": ["20-24", "40-50"],
                           "texts": ["青石精机", "青石精密机械有限公司"]}]
    same = {(FIRM, "doc:qs_01"): {"spans": ["20-24", "40-50"], "texts": ["青石精机", "青石精密机械有限公司"]}}
    assert plan_mentions("Enterprise", [rows.entities[FIRM]], same).rows == []


def test_relation_rows_carry_flat_amounts_confidence_and_evidence_lists():
    rows = _rows()
    rel = next(iter(rows.relations.values()))
    found = {rel.id: {"head_labels": ["Entity", "Enterprise"], "tail_labels": ["Entity", "Zone"], "props": None}}
    write, problems = plan_relations("LOCATED_IN", [rel], found)
    assert problems == []
    assert write.rows == [{"id": rel.id, "head": FIRM, "tail": PARK, "props": {
        "amount_text": "3亿元", "amount_unit": "CNY", "amount_value": 300000000, "date": "2022-03",
        "confidence": 0.8, "evidence_docs": ["doc:qs_01"], "evidence_spans": ["20-38"],
        "evidence_text": ["青石精机投资3亿元落户桃林工业园。"]}}]


def test_relation_with_a_missing_end_or_a_forbidden_pair_is_skipped_and_reported():
    rows = _rows()
    rel = next(iter(rows.relations.values()))
    missing = {rel.id: {"head_labels": ["Entity", "Enterprise"], "tail_labels": None, "props": None}}
    write, problems = plan_relations("LOCATED_IN", [rel], missing)
    assert write.rows == [] and PARK in problems[0] and "skipped" in problems[0]
    forbidden = {rel.id: {"head_labels": ["Entity", "Enterprise"], "tail_labels": ["Entity", "Place"], "props": None}}
    write, problems = plan_relations("LOCATED_IN", [rel], forbidden)
    assert write.rows == [] and "Enterprise -> Place" in problems[0]


def test_documents_write_only_changed_properties():
    rows = _rows()
    write = plan_documents(rows.documents, ["doc:qs_01"], {})
    assert write.rows == [{"id": "doc:qs_01", "props": {"source": "corpus/qs_01.txt", "part": 0,
                                                        "title": "青石经开区新闻", "published": "2022-04-01",
                                                        "chars": 300}}]
    stored = {"doc:qs_01": dict(write.rows[0]["props"], id="doc:qs_01")}
    assert plan_documents(rows.documents, ["doc:qs_01"], stored).rows == []
