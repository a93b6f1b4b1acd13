"""The scoring of FORMAT.md: name-or-alias matching after normalisation, one match per gold entity, relations via entities."""

from __future__ import annotations

import json

import pytest

from zonekg.extractors.evaluate import evaluate, load_gold, norm
from zonekg.schema.errors import InputError
from zonekg.schema.records import Document, Entity, Mention, Relation

DOC = Document(id="doc:a1", source="corpus/a1.txt")


def _entity(type_name: str, name: str, *aliases: str, doc: str = "doc:a1") -> Entity:
    return Entity(f"{type_name.lower()}:{name}", type_name, name, list(aliases), {}, [Mention(doc, 0, 1, name[0])])


def _relation(type_name: str, head: Entity, tail: Entity, doc: str = "doc:a1") -> Relation:
    return Relation(f"rel:{head.id}>{tail.id}", type_name, head.id, tail.id, {}, 1.0, [Mention(doc, 0, 1, "x")])


GOLD = {"a1": {"entities": [
    {"type": "Zone", "name": "永州经济技术开发区", "aliases": ["永州经开区"]},
    {"type": "Enterprise", "name": "长丰猎豹", "aliases": []},
    {"type": "Policy", "name": "鄂体改[2001]127号", "aliases": []},
], "relations": [
    {"type": "LOCATED_IN", "head": "长丰猎豹", "tail": "永州经济技术开发区"},
]}}


@pytest.mark.parametrize("a,b", [
    ("永州經濟技術開發區", "永州经济技术开发区"),
    ("《湖北省经济技术开发区条例》", "湖北省经济技术开发区条例"),
    ("鄂体改〔2001〕127号", "鄂体改[2001]127号"),
    ("“长丰 猎豹”", "长丰猎豹"),
    ("ＡＢＣ公司", "ABC公司"),
])
def test_names_are_normalised_before_comparison(a, b):
    assert norm(a) == norm(b)


def test_alias_match_counts_and_relation_matches_through_entities():
    zone = _entity("Zone", "永州经开区")  # matches the gold zone by one of its aliases
    firm = _entity("Enterprise", "長豐獵豹")  # Traditional script still matches
    report = evaluate([DOC, zone, firm, _relation("LOCATED_IN", firm, zone)], GOLD)
    assert (report.entities.tp, report.entities.fp, report.entities.fn) == (2, 0, 1)
    assert (report.relations.tp, report.relations.fp, report.relations.fn) == (1, 0, 0)
    assert report.files[0].missed_entities == ["Policy 鄂体改[2001]127号"]


def test_a_second_entity_for_the_same_gold_entity_is_a_false_positive():
    report = evaluate([DOC, _entity("Zone", "永州经开区"), _entity("Zone", "永州经济技术开发区")], GOLD)
    assert (report.entities.tp, report.entities.fp) == (1, 1)


def test_type_must_be_equal():
    report = evaluate([DOC, _entity("Organization", "长丰猎豹")], GOLD)
    assert (report.entities.tp, report.entities.fp) == (0, 1)


def test_wrong_relation_type_or_direction_is_wrong():
    zone, firm = _entity("Zone", "永州经开区"), _entity("Enterprise", "长丰猎豹")
    report = evaluate([DOC, zone, firm, _relation("PART_OF", zone, zone), _relation("INVESTS_IN", firm, zone)], GOLD)
    assert (report.relations.tp, report.relations.fp, report.relations.fn) == (0, 2, 1)


def test_entities_of_other_files_are_not_counted():
    other = _entity("Zone", "岳阳经济技术开发区", doc="doc:zz")
    report = evaluate([DOC, Document(id="doc:zz", source="zz.txt"), other], GOLD)
    assert report.entities.fp == 0


def test_micro_average_and_per_type_scores():
    report = evaluate([DOC, _entity("Zone", "永州经开区"), _entity("Person", "陈文浩")], GOLD)
    assert report.entity_types["Zone"].f1 == 1.0
    assert report.entity_types["Person"].precision == 0.0
    assert round(report.entities.precision, 3) == 0.5
    assert round(report.entities.recall, 3) == round(1 / 3, 3)


def test_load_gold_reads_nested_folders_and_reports_bad_files(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a1.json").write_text(json.dumps(GOLD["a1"], ensure_ascii=False), encoding="utf-8")
    assert set(load_gold(tmp_path)) == {"a1"}
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        load_gold(tmp_path)
