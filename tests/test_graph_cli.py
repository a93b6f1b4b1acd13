"""The graph commands end to end through the CLI, against the session's real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zonekg.cli.app import app
from zonekg.graph.presets import PRESETS
from zonekg.graph.schema_docs import schema_markdown
from zonekg.schema.errors import QueryError

DATA = Path(__file__).parent / "data"
SMALL = str(DATA / "graph_small.jsonl")
runner = CliRunner()


@pytest.fixture
def env(monkeypatch, neo4j_settings, clean_neo4j):
    """Point the CLI at the session's database through the NEO4J_* variables."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)
    return neo4j_settings


def test_query_list_shows_every_preset_with_an_example():
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    for name in PRESETS:
        assert f"zonekg query {name}" in result.output


def test_schema_docs_prints_the_generated_markdown():
    result = runner.invoke(app, ["schema", "docs"])
    assert result.exit_code == 0 and result.output == schema_markdown()


@pytest.mark.parametrize("args,needle", [(["schema", "cypher"], "fulltext.analyzer"),
                                         (["schema", "rdf"], "owl:Ontology"),
                                         (["schema", "rdf", "--shapes"], "sh:NodeShape"),
                                         (["schema", "style"], "node.Zone {")])
def test_schema_outputs(args, needle):
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and needle in result.output


def test_export_from_jsonl_then_validate(tmp_path):
    out = tmp_path / "graph.nt"
    result = runner.invoke(app, ["export", "--graph", SMALL, "--format", "nt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "22 entities, 27 facts" in result.output
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0 and "conforms" in result.output


def test_validate_fails_on_a_nonconforming_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix zk: <https://w3id.org/zonekg/ontology#> .\n"
                   "<https://w3id.org/zonekg/fact/x> a zk:Fact .\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1 and "Conforms: False" in result.output


@pytest.mark.neo4j
def test_load_twice_then_query(env):
    first = runner.invoke(app, ["load", SMALL, "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["nodes_created"] == 24
    second = json.loads(runner.invoke(app, ["load", SMALL, "--json"]).stdout)
    assert (second["nodes_created"], second["relationships_created"], second["properties_set"]) == (0, 0, 0)
    result = runner.invoke(app, ["query", "enterprises-in-zone", "--param", "zone=云溪经开区", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["enterprise"] for r in rows] == ["云溪新材料有限公司", "华锐电子科技有限公司", "青禾食品有限公司"]
    csv_out = runner.invoke(app, ["query", "officials", "--format", "csv"]).stdout
    assert "person,title,organization,evidence" in csv_out and "林建国,党工委书记" in csv_out


@pytest.mark.neo4j
def test_load_fresh_replaces_what_was_loaded(env, run_cypher):
    runner.invoke(app, ["load", SMALL])
    result = runner.invoke(app, ["load", str(DATA / "graph_bad.jsonl"), "--fresh"])
    assert result.exit_code == 0, result.output
    assert "deleted 24 nodes" in result.output
    names = [r["n"] for r in run_cypher("MATCH (n:Entity) RETURN n.name AS n ORDER BY n")]
    assert names == ["白沙工业园", "白沙电器"]


@pytest.mark.neo4j
def test_an_ambiguous_name_is_a_query_error(env):
    runner.invoke(app, ["load", SMALL])
    result = runner.invoke(app, ["query", "zone-profile", "--param", "zone=云溪"])
    assert isinstance(result.exception, QueryError) and "ambiguous" in str(result.exception)


@pytest.mark.neo4j
def test_export_from_the_database(env, tmp_path):
    runner.invoke(app, ["load", SMALL])
    out = tmp_path / "graph.ttl"
    result = runner.invoke(app, ["export", "--format", "turtle", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "22 entities, 27 facts" in result.output
    assert "@zh" in out.read_text(encoding="utf-8")
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


@pytest.mark.neo4j
def test_browser_prints_login_style_and_presets(env):
    runner.invoke(app, ["load", SMALL])
    hidden = runner.invoke(app, ["browser"])
    assert hidden.exit_code == 0, hidden.output
    assert f"Connect URL:   {env.uri}" in hidden.output
    assert env.password not in hidden.output
    assert ":style node {" in hidden.output
    assert ':param zone => "zone:' in hidden.output and "// enterprises-in-zone:" in hidden.output
    shown = runner.invoke(app, ["browser", "--show-password"])
    assert f"Password:      {env.password}" in shown.output
