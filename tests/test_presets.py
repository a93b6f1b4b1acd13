"""Query presets: the registry, parameter checking, rendering, and every preset run on a real Neo4j."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from zonekg.graph.inputs import read_graph
from zonekg.graph.loader import load_records
from zonekg.graph.presets import PRESETS, ParamKind, PresetName
from zonekg.graph.query import QueryResult, check_params, parse_params, run_preset
from zonekg.graph.render import display_width, render
from zonekg.schema.errors import QueryError
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

DATA = Path(__file__).parent / "data"
STRUCTURAL = {"Entity", "Document", "MENTIONED_IN"}


def test_the_cli_enum_lists_every_preset():
    assert sorted(p.value for p in PresetName) == sorted(PRESETS)


def test_the_required_presets_exist():
    required = {"enterprises-in-zone", "zones-of-enterprise", "zone-profile", "zone-timeline", "policy-lineage",
                "policies-for-zone", "officials", "investments-in-zone", "zones-by-industry", "path", "evidence",
                "stats"}
    assert required <= set(PRESETS)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_preset_cypher_uses_only_schema_labels_and_declared_parameters(name):
    preset = PRESETS[name]
    for label in re.findall(r"[(\[|]\w*:(\w+)", preset.cypher):
        assert label in ENTITY_TYPES or label in RELATION_TYPES or label in STRUCTURAL, label
    for param in preset.params:
        assert f"${param.name}" in preset.cypher
        if param.kind is ParamKind.ENTITY:
            assert set(param.types) <= set(ENTITY_TYPES)  # empty: any entity type
    used = set(re.findall(r"\$(\w+)", preset.cypher))
    assert used == {p.name for p in preset.params}
    assert preset.description and preset.description.endswith(".")


@pytest.mark.parametrize("pairs,expected", [
    (["zone=来凤经济开发区"], {"zone": "来凤经济开发区"}),
    (["source = 卢红鹂", "target=来凤县"], {"source": "卢红鹂", "target": "来凤县"}),
    (["policy=鄂体改[2001]127号"], {"policy": "鄂体改[2001]127号"}),
    (["industry=a=b"], {"industry": "a=b"}),
])
def test_param_pairs_are_parsed(pairs, expected):
    assert parse_params(pairs) == expected


@pytest.mark.parametrize("pairs", [["zone"], ["=来凤"]])
def test_a_pair_without_key_or_equals_sign_is_an_error(pairs):
    with pytest.raises(QueryError, match="key=value"):
        parse_params(pairs)


def test_missing_unknown_and_mistyped_parameters_are_errors():
    with pytest.raises(QueryError, match="needs --param zone"):
        check_params(PRESETS["zone-profile"], {})
    with pytest.raises(QueryError, match="has no parameter town"):
        check_params(PRESETS["zone-profile"], {"zone": "来凤经济开发区", "town": "翔凤镇"})
    with pytest.raises(QueryError, match="not a whole number"):
        check_params(PRESETS["neighbourhood"], {"entity": "来凤经济开发区", "limit": "十"})
    assert check_params(PRESETS["officials"], {}) == {"at": None, "limit": 200}
    assert check_params(PRESETS["neighbourhood"], {"entity": "Ｘ园区 "}) == {"entity": "X园区", "limit": 100}


def _result():
    return QueryResult("enterprises-in-zone", ["enterprise", "located_in"],
                       [["华锐电子科技有限公司", ["河湾产业园", "松岭工业园"]], ["青禾食品有限公司", []]])


def test_table_aligns_chinese_columns():
    lines = render(_result(), "table").splitlines()
    assert lines[0].startswith("enterprise")
    assert display_width(lines[2][:lines[2].index("河湾")]) == lines[0].index("located_in")
    assert lines[-1] == "(2 rows)"


def test_json_and_csv_keep_the_rows():
    assert json.loads(render(_result(), "json"))[0] == {"enterprise": "华锐电子科技有限公司",
                                                         "located_in": ["河湾产业园", "松岭工业园"]}
    rows = list(csv.reader(io.StringIO(render(_result(), "csv"))))
    assert rows == [["enterprise", "located_in"], ["华锐电子科技有限公司", "河湾产业园|松岭工业园"],
                    ["青禾食品有限公司", ""]]


# --- against the real database ----------------------------------------------

@pytest.fixture(scope="module")
def yunxi(neo4j_driver, neo4j_settings):
    """The hand-written 云溪 graph (two loads: the first documents, then a later report)."""
    db = neo4j_settings.database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)
    for name in ("graph_small.jsonl", "graph_more.jsonl"):
        load_records(neo4j_driver, read_graph(DATA / name).records, db)
    return lambda name, **params: run_preset(neo4j_driver, name, params, db)


def _column(result, name):
    return [row[name] for row in result.records()]


@pytest.mark.neo4j
@pytest.mark.parametrize("zone", ["云溪经济技术开发区", "云溪经开区", "云溪经济开发区", "zone:云溪经济技术开发区",
                                  "《云溪经济技术开发区》", "云溪工业园区"])
def test_enterprises_in_zone_include_those_in_its_parks(yunxi, zone):
    result = yunxi("enterprises-in-zone", zone=zone)
    assert result.resolved == {"zone": "云溪经济技术开发区"}
    assert result.records() == [
        {"enterprise": "云溪新材料有限公司", "located_in": ["松岭工业园"], "id": "enterprise:云溪新材料有限公司"},
        {"enterprise": "华锐电子科技有限公司", "located_in": ["河湾产业园"], "id": "enterprise:华锐电子科技有限公司"},
        {"enterprise": "星河光电股份有限公司", "located_in": ["松岭工业园"], "id": "enterprise:星河光电股份有限公司"},
        {"enterprise": "青禾食品有限公司", "located_in": ["云溪经济技术开发区"], "id": "enterprise:青禾食品有限公司"},
    ]


@pytest.mark.neo4j
def test_a_park_lists_only_its_own_enterprises(yunxi):
    assert _column(yunxi("enterprises-in-zone", zone="松岭工业园"), "enterprise") == ["云溪新材料有限公司",
                                                                                  "星河光电股份有限公司"]


@pytest.mark.neo4j
@pytest.mark.parametrize("name,problem", [("云溪", "ambiguous"), ("不存在的园区", "no Zone is named"),
                                          ("", "needs --param zone")])
def test_ambiguous_or_unknown_names_are_errors_listing_what_to_do(yunxi, name, problem):
    with pytest.raises(QueryError, match=problem) as err:
        yunxi("zone-profile", zone=name)
    if problem == "ambiguous":
        assert "云溪高新技术产业开发区" in str(err.value) and "云溪经济技术开发区" in str(err.value)


@pytest.mark.neo4j
@pytest.mark.parametrize("typed,meant", [
    ("云溪新材料", "云溪新材料有限公司"),        # an alias
    ("云溪新材料公司", "云溪新材料有限公司"),    # neither name nor alias: full-text
    ("云溪高新技术开发区", "云溪高新技术产业开发区"),  # another long form of 云溪高新区
    ("云溪县政府", "云溪县人民政府"),
    ("关于推进云溪经济技术开发区高质量发展的实施意见", "关于推进云溪经济技术开发区高质量发展的实施意见"),
    ("《云溪经济技术开发区招商引资奖励办法》", "云溪经济技术开发区招商引资奖励办法"),
    ("云政发〔2019〕5号", "关于推进云溪经济技术开发区高质量发展的实施意见"),
])
def test_names_are_found_by_any_form(yunxi, neo4j_driver, neo4j_settings, typed, meant):
    from zonekg.graph.names import resolve_name

    assert resolve_name(neo4j_driver, typed, (), neo4j_settings.database).name == meant


@pytest.mark.neo4j
def test_zones_of_enterprise_through_a_short_name(yunxi):
    rows = yunxi("zones-of-enterprise", enterprise="华锐科技").records()
    assert rows == [{"zone": "河湾产业园", "via": ["LOCATED_IN"], "part_of": ["云溪经济技术开发区"], "region": []}]


@pytest.mark.neo4j
def test_zone_profile_gathers_the_zone(yunxi):
    (row,) = yunxi("zone-profile", zone="云溪经开区").records()
    assert row["aliases"] == ["云溪经开区", "云溪经济开发区"]
    assert row["former_names"] == ["云溪工业园区"]
    assert row["region"] == ["云溪县"]
    assert row["parks"] == ["松岭工业园", "河湾产业园"]
    assert row["industries"] == ["新材料", "电子信息"]
    assert row["leaders"] == ["林建国 党工委书记"]
    assert len(row["policies"]) == 2
    assert row["enterprises"] == 4


@pytest.mark.neo4j
def test_zone_timeline_is_in_date_order_and_starts_with_the_rename(yunxi):
    rows = yunxi("zone-timeline", zone="云溪工业园区").records()
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert rows[0]["date"] == "2006-03-15" and rows[0]["event"] == "renamed"
    assert rows[0]["detail"] == "云溪工业园区 -> 云溪经济技术开发区"
    assert {"policy", "visited", "cooperates_with"} <= {r["event"] for r in rows}


@pytest.mark.neo4j
def test_policy_lineage_walks_up_and_down(yunxi):
    rows = yunxi("policy-lineage", policy="云政发[2019]5号").records()
    assert [(r["level"], r["direction"], r["policy"]) for r in rows] == [
        (1, "upstream", "关于推动开发区高质量发展的指导意见"),
        (0, "this", "关于推进云溪经济技术开发区高质量发展的实施意见"),
        (-1, "downstream", "云溪经济技术开发区招商引资奖励办法"),
    ]
    assert rows[0]["issuers"] == ["湖南省人民政府"] and rows[0]["date"] == "2018-06-01"


@pytest.mark.neo4j
def test_policies_for_a_former_name_reach_the_current_zone(yunxi):
    rows = yunxi("policies-for-zone", zone="云溪工业园区").records()
    assert [r["date"] for r in rows] == ["2019-03-02", "2020-07-10"]


@pytest.mark.neo4j
def test_officials_everywhere_and_at_one_place(yunxi):
    assert [(r["person"], r["title"]) for r in yunxi("officials").records()] == [("周文静", "县长"),
                                                                                 ("林建国", "党工委书记")]
    assert _column(yunxi("officials", at="云溪县人民政府"), "person") == ["周文静"]


@pytest.mark.neo4j
def test_investments_are_ranked_by_amount(yunxi):
    rows = yunxi("investments-in-zone", zone="云溪经开区").records()
    assert [(r["investor"], r["amount"], r["amount_text"]) for r in rows] == [
        ("远航控股集团", 1500000000, "15亿元"), ("青禾食品有限公司", 200000000, "2亿元")]


@pytest.mark.neo4j
def test_zones_by_industry_matches_part_of_the_name(yunxi):
    assert _column(yunxi("zones-by-industry", industry="电子"), "zone") == ["云溪经济技术开发区",
                                                                          "云溪高新技术产业开发区"]


@pytest.mark.neo4j
def test_path_and_evidence_between_two_names(yunxi):
    (row,) = yunxi("path", source="林建国", target="云溪县").records()
    assert row["names"] == ["林建国", "云溪经济技术开发区", "云溪县"]
    assert row["path"] == "林建国 -HOLDS_POSITION-> 云溪经济技术开发区 -IN_REGION-> 云溪县"
    rows = yunxi("evidence", source="华锐电子", target="河湾产业园").records()
    assert [(r["doc"], r["text"]) for r in rows] == [
        ("doc:yx_news_01", "华锐电子在河湾产业园建成投产。"),
        ("doc:yx_report_03", "华锐科技二期项目在河湾产业园开工。"),
    ]


@pytest.mark.neo4j
def test_stats_count_labels_and_types(yunxi):
    counts = {(r["kind"], r["type"]): r["count"] for r in yunxi("stats").records()}
    assert counts[("node", "Entity")] == 23
    assert counts[("node", "Zone")] == 5
    assert counts[("node", "Document")] == 3
    assert counts[("relationship", "LOCATED_IN")] == 6  # 华锐 → 河湾 is stated twice, stored once
