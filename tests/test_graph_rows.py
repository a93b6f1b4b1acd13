"""Folding records into rows, flattening properties and merging with what Neo4j holds."""

from __future__ import annotations

import pytest

from zonekg.graph.merge import entity_update, evidence_lists, mention_update, relation_update
from zonekg.graph.properties import ENTITY_RESERVED, flatten, unflatten_amounts
from zonekg.graph.rows import build_rows
from zonekg.schema.records import Amount, Entity, Mention, Relation


@pytest.mark.parametrize("props,flat", [
    ({"level": "national"}, {"level": "national"}),
    ({"amount": Amount(50000000, "CNY", "5000万元")},
     {"amount_text": "5000万元", "amount_unit": "CNY", "amount_value": 50000000}),
    ({"amount": {"value": 2.5, "unit": "USD", "text": "2.5美元"}},
     {"amount_text": "2.5美元", "amount_unit": "USD", "amount_value": 2.5}),
    ({"date": None, "title": "管委会主任"}, {"title": "管委会主任"}),
    ({"codes": ["431100", 431102]}, {"codes": ["431100", "431102"]}),
    ({"areas": [12.5, 3]}, {"areas": [12.5, 3]}),
])
def test_flatten_gives_values_neo4j_can_store(props, flat):
    assert flatten(props) == (flat, [])


def test_flatten_rejects_a_property_that_would_overwrite_a_built_in_field():
    assert flatten({"name": "别名", "level": "provincial"}, ENTITY_RESERVED) == ({"level": "provincial"}, ["name"])


def test_amount_triples_fold_back():
    flat, _ = flatten({"amount": Amount(1e9, "CNY", "10亿元"), "date": "2021"})
    assert unflatten_amounts(flat) == {"amount": Amount(1e9, "CNY", "10亿元"), "date": "2021"}


def test_the_same_entity_in_two_records_becomes_one_row():
    rows = build_rows([
        Entity("zone:白河经济开发区", "Zone", "白河经济开发区", ["白河经开区"], {"level": "provincial"},
               [Mention("doc:a", 0, 5, "白河经开区")]),
        Entity("zone:白河经济开发区", "Zone", "白河经济开发区", ["白河开发区"], {},
               [Mention("doc:b", 3, 10, "白河经济开发区")]),
    ])
    row = rows.entities["zone:白河经济开发区"]
    assert row.aliases == {"白河经开区", "白河开发区"}
    assert row.props == {"level": "provincial"}
    assert row.mentions == {"doc:a": {(0, 5, "白河经开区")}, "doc:b": {(3, 10, "白河经济开发区")}}


def test_a_relation_without_evidence_is_reported():
    rows = build_rows([Relation("rel:1", "PART_OF", "zone:东园", "zone:白河经济开发区")])
    assert "no evidence" in rows.problems[0]


def test_entity_update_is_idempotent_and_sorted():
    rows = build_rows([Entity("zone:白河经济开发区", "Zone", "白河经济开发区", ["白河经开区", "白河开发区"])])
    row = rows.entities["zone:白河经济开发区"]
    first = entity_update(row, None)
    assert first == {"name": "白河经济开发区", "aliases": ["白河开发区", "白河经开区"]}
    stored = {"id": row.id, **first}
    assert entity_update(row, stored, ["Entity", "Zone"]) is None
    # A node that lost its type label is rewritten, even with nothing else to change.
    assert entity_update(row, stored, ["Entity"]) == {}


def test_mention_update_only_adds():
    assert mention_update({(5, 9, "白河园区")}, ["0-4"], ["白河园"]) == {"spans": ["0-4", "5-9"],
                                                                      "texts": ["白河园", "白河园区"]}
    assert mention_update({(0, 4, "白河园")}, ["0-4", "5-9"], ["白河园", "白河园区"]) is None


def test_relation_update_unions_evidence_and_keeps_the_highest_confidence():
    rows = build_rows([Relation("rel:1", "PART_OF", "zone:东园", "zone:白河经济开发区", {}, 0.6,
                                [Mention("doc:b", 10, 20, "东园隶属白河经开区。")])])
    row = rows.relations["rel:1"]
    stored = {"id": "rel:1", "confidence": 0.9,
              **evidence_lists({("doc:a", 0, 8, "东园是白河经开区的园区。")})}
    assert relation_update(row, stored) == {
        "evidence_docs": ["doc:a", "doc:b"], "evidence_spans": ["0-8", "10-20"],
        "evidence_text": ["东园是白河经开区的园区。", "东园隶属白河经开区。"]}
    merged = {**stored, **relation_update(row, stored)}
    assert relation_update(row, merged) is None
