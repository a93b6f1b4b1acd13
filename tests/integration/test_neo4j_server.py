"""The session's real Neo4j: writes and reads over Bolt, constraints, auth, Browser, restarts."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import urllib.request

import neo4j
import pytest
from neo4j.exceptions import AuthError, ConstraintError
from typer.testing import CliRunner

from zonekg.cli.app import app
from zonekg.graph import server
from zonekg.graph.connection import open_driver
from zonekg.schema.errors import DatabaseError

pytestmark = pytest.mark.neo4j

# Labels and types of these tests only, so they never collide with the schema's.
ZONE, PARK, CONTAINS = "ZkTestZone", "ZkTestPark", "ZK_TEST_CONTAINS"

ZONES_AND_PARKS = [
    ("长沙经济技术开发区", "星沙产业园"),
    ("长沙经济技术开发区", "黄花临空产业园"),
    ("永州经济技术开发区", "凤凰园"),
    ("苏州工业园区", "独墅湖科教创新区"),
    ("臺南科學工業園區", "路竹園區"),
]


def _needs_managed(backend) -> None:
    if backend.kind.value != "managed":
        pytest.skip(f"checks the managed server; this session uses the {backend.kind.value} database")


def test_write_nodes_and_relationships_then_read_them_back(clean_neo4j, neo4j_settings):
    summary = clean_neo4j.execute_query(
        f"""
        UNWIND $rows AS row
        MERGE (z:{ZONE} {{name: row.zone}})
        MERGE (p:{PARK} {{name: row.park}})
        MERGE (z)-[:{CONTAINS}]->(p)
        """,
        {"rows": [{"zone": z, "park": p} for z, p in ZONES_AND_PARKS]},
        database_=neo4j_settings.database,
    ).summary
    assert summary.counters.nodes_created == len({z for z, _ in ZONES_AND_PARKS}) + len({p for _, p in ZONES_AND_PARKS})
    assert summary.counters.relationships_created == len(ZONES_AND_PARKS)

    records, _, _ = clean_neo4j.execute_query(
        f"MATCH (z:{ZONE})-[:{CONTAINS}]->(p:{PARK}) RETURN z.name AS zone, p.name AS park ORDER BY zone, park",
        database_=neo4j_settings.database,
    )
    assert [(r["zone"], r["park"]) for r in records] == sorted(ZONES_AND_PARKS)


def test_clean_neo4j_starts_empty(clean_neo4j, neo4j_settings):
    records, _, _ = clean_neo4j.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j_settings.database)
    assert records[0]["n"] == 0


def test_uniqueness_constraint_violation_raises(clean_neo4j, neo4j_settings):
    db = neo4j_settings.database
    clean_neo4j.execute_query(
        f"CREATE CONSTRAINT zk_test_zone_name IF NOT EXISTS FOR (z:{ZONE}) REQUIRE z.name IS UNIQUE", database_=db
    )
    try:
        clean_neo4j.execute_query(f"CREATE (:{ZONE} {{name: $name}})", {"name": "衡阳高新技术产业开发区"}, database_=db)
        with pytest.raises(ConstraintError):
            clean_neo4j.execute_query(f"CREATE (:{ZONE} {{name: $name}})", {"name": "衡阳高新技术产业开发区"}, database_=db)
    finally:
        clean_neo4j.execute_query("DROP CONSTRAINT zk_test_zone_name IF EXISTS", database_=db)


def test_neo4j_routing_uri_connects_to_the_single_server(neo4j_settings):
    if not neo4j_settings.uri.startswith("bolt://"):
        pytest.skip(f"session URI {neo4j_settings.uri} is not a bolt:// URI to turn into neo4j://")
    routed = dataclasses.replace(neo4j_settings, uri="neo4j://" + neo4j_settings.uri.removeprefix("bolt://"))
    with open_driver(routed) as driver:
        records, _, _ = driver.execute_query("RETURN $text AS text", {"text": "经开区"}, database_=routed.database)
    assert records[0]["text"] == "经开区"


def test_default_password_is_rejected(neo4j_backend, neo4j_settings):
    if neo4j_backend.kind.value == "env":
        pytest.skip("NEO4J_URI points at a server whose credentials zonekg did not set")
    with neo4j.GraphDatabase.driver(neo4j_settings.uri, auth=("neo4j", "neo4j")) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


def test_wrong_password_gives_a_database_error_naming_the_user(neo4j_settings):
    wrong = dataclasses.replace(neo4j_settings, password="not-the-password")
    with pytest.raises(DatabaseError, match=r"rejected user 'neo4j'"):
        open_driver(wrong)


def test_password_file_is_private(neo4j_backend):
    _needs_managed(neo4j_backend)
    mode = stat.S_IMODE(os.stat(neo4j_backend.settings.password_file).st_mode)
    assert mode == 0o600


def test_http_serves_neo4j_browser(neo4j_settings):
    if not neo4j_settings.http_url:
        pytest.skip("NEO4J_URI gives no HTTP address for Browser")
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with direct.open(neo4j_settings.http_url + "/browser/", timeout=30) as response:
        assert response.status == 200
        html = response.read().decode("utf-8")
    assert "<title>Neo4j Browser</title>" in html


def test_server_listens_on_loopback_only(neo4j_backend):
    _needs_managed(neo4j_backend)
    conf = server.ServerPaths.at(neo4j_backend.home).conf_file.read_text(encoding="utf-8")
    assert "server.default_listen_address=127.0.0.1" in conf.splitlines()
    assert "server.https.enabled=false" in conf.splitlines()


def test_status_json_describes_the_running_server(neo4j_backend):
    _needs_managed(neo4j_backend)
    result = CliRunner().invoke(app, ["neo4j", "status", "--json", "--home", str(neo4j_backend.home)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["running"] is True and isinstance(data["pid"], int)
    assert data["uri"] == neo4j_backend.settings.uri
    assert (data["user"], data["database"]) == ("neo4j", "neo4j")
    assert data["password_file"] == neo4j_backend.settings.password_file
    assert data["http_url"] == neo4j_backend.settings.http_url
    assert "password" not in data


def test_status_shows_the_password_only_when_asked(neo4j_backend):
    _needs_managed(neo4j_backend)
    home = str(neo4j_backend.home)
    hidden = CliRunner().invoke(app, ["neo4j", "status", "--home", home])
    shown = CliRunner().invoke(app, ["neo4j", "status", "--json", "--show-password", "--home", home])
    assert neo4j_backend.settings.password not in hidden.output
    assert json.loads(shown.output)["password"] == neo4j_backend.settings.password


def test_start_when_running_reports_already_running(neo4j_backend):
    _needs_managed(neo4j_backend)
    result = CliRunner().invoke(app, ["neo4j", "start", "--home", str(neo4j_backend.home)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("already running")


def test_logs_show_the_server_log(neo4j_backend):
    _needs_managed(neo4j_backend)
    result = CliRunner().invoke(app, ["neo4j", "logs", "-n", "200", "--home", str(neo4j_backend.home)])
    assert result.exit_code == 0, result.output
    assert "Started." in result.output


def test_stop_then_start_keeps_the_data(neo4j_backend, neo4j_driver, neo4j_settings):
    _needs_managed(neo4j_backend)
    home, db = neo4j_backend.home, neo4j_settings.database
    neo4j_driver.execute_query(f"MERGE (:{ZONE} {{name: $name}})", {"name": "郴州高新技术产业开发区"}, database_=db)

    assert server.stop(home).was_running is True
    assert server.status(home).running is False
    assert server.stop(home).was_running is False
    restarted = server.start(home)
    assert restarted.already_running is False
    assert restarted.status.uri == neo4j_settings.uri  # same ports as before, from the home's state

    # The session driver must survive the restart too: later tests keep using it.
    records, _, _ = neo4j_driver.execute_query(
        f"MATCH (z:{ZONE} {{name: $name}}) RETURN count(z) AS n", {"name": "郴州高新技术产业开发区"}, database_=db
    )
    assert records[0]["n"] == 1
