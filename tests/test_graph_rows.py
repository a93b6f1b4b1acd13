"""Folding records into rows, flattening properties and the stored form of spans."""

from __future__ import annotations

import pytest

from zonekg.graph.merge import parse_span, span_text
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


@pytest.mark.parametrize("start,end", [(0, 4), (126, 145), (5, 1000)])
def test_spans_round_trip_through_their_stored_form(start, end):
    assert parse_span(span_text(start, end)) == (start, end)
