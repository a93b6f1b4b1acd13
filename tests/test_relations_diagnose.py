"""Recall given entities: gold relations split into found, missed between found entities, and unreachable."""

from __future__ import annotations

from zonekg.extractors.evaluate import evaluate
from zonekg.extractors.relations.diagnose import reachability
from zonekg.schema.ids import entity_id, relation_id
from zonekg.schema.records import Document, Entity, Evidence, Mention, Relation

GOLD = {"t1": {"entities": [
    {"type": "Zone", "name": "青山经济开发区", "aliases": ["青山经开区"]},
    {"type": "Enterprise", "name": "华信电子", "aliases": []},
    {"type": "Enterprise", "name": "宏达机械", "aliases": []},
    {"type": "Industry", "name": "电子信息", "aliases": []},
], "relations": [
    {"type": "LOCATED_IN", "head": "华信电子", "tail": "青山经济开发区"},
    {"type": "LOCATED_IN", "head": "宏达机械", "tail": "青山经济开发区"},
    {"type": "HAS_INDUSTRY", "head": "青山经济开发区", "tail": "电子信息"},
]}}


def _entity(type_name: str, name: str) -> Entity:
    return Entity(entity_id(type_name, name), type_name, name, mentions=[Mention("doc:t1", 0, len(name), name)])


def test_reachability_separates_missing_entities_from_missing_relations() -> None:
    zone, huaxin, hongda = _entity("Zone", "青山经开区"), _entity("Enterprise", "华信电子"), _entity("Enterprise", "宏达机械")
    evidence = [Evidence("doc:t1", 0, 5, "华信电子落")]
    located = Relation(relation_id("LOCATED_IN", huaxin.id, zone.id), "LOCATED_IN", huaxin.id, zone.id, evidence=evidence)
    records = [Document("doc:t1", "corpus/t1.txt"), zone, huaxin, hongda, located]
    reach = reachability(evaluate(records, GOLD))
    assert reach.found["LOCATED_IN"] == 1
    # 宏达机械 was found but its relation was not: a relation rule's miss
    assert reach.missed_reachable["LOCATED_IN"] == 1
    # 电子信息 was never recognised: no rule could relate it
    assert reach.missed_unreachable["HAS_INDUSTRY"] == 1
    assert reach.recall_given_entities() == 0.5
    assert reach.to_json()["all"] == {"found": 1, "missed_reachable": 1, "missed_unreachable": 1,
                                      "recall_given_entities": 0.5}
