"""The managed server's failures each give one clear line: Java, ports, Maven, config, connection."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zonekg.cli import app as cli_app
from zonekg.graph import server
from zonekg.graph.connection import Neo4jSettings, open_driver, resolve_settings
from zonekg.graph.server.config import render_conf, resolve_options
from zonekg.graph.server.java import check_java, parse_java_major
from zonekg.graph.server.password import create_password, read_password
from zonekg.graph.server.ports import free_port
from zonekg.schema.errors import ConfigError, DatabaseError, ServerError


def _one_line(exc: pytest.ExceptionInfo) -> str:
    text = str(exc.value)
    assert "\n" not in text, text
    return text


def _bin_dir(tmp_path: Path, **programs: str) -> Path:
    """Return a folder of executables: name -> shell script body, or an absolute path to link."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, body in programs.items():
        target = folder / name
        if body.startswith("/"):
            target.symlink_to(body)
        else:
            target.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
            target.chmod(0o755)
    return folder


@pytest.fixture
def only_path(monkeypatch):
    """Return a setter that makes PATH exactly one folder (and hides JAVA_HOME)."""

    def use(folder: Path) -> None:
        monkeypatch.setenv("PATH", str(folder))
        monkeypatch.delenv("JAVA_HOME", raising=False)

    return use


@pytest.fixture
def two_free_ports() -> tuple[int, int]:
    bolt = free_port()
    http = free_port()
    while http == bolt:
        http = free_port()
    return bolt, http


# --- Java ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "output,major",
    [
        ('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17),
        ('openjdk version "21" 2023-09-19', 21),
        ('java version "1.8.0_392"\nJava(TM) SE Runtime Environment', 8),
        ('openjdk version "11.0.2" 2019-01-15', 11),
        ('Picked up JAVA_TOOL_OPTIONS: -Xss2m\nopenjdk version "25-ea" 2025-09-16', 25),
        ("no version here", None),
    ],
)
def test_java_version_is_read_from_java_dash_version(output, major):
    assert parse_java_major(output) == major


def test_no_java_is_one_clear_line(tmp_path, only_path):
    only_path(_bin_dir(tmp_path))
    with pytest.raises(ServerError) as exc:
        server.start(tmp_path / "home")
    assert _one_line(exc).startswith("no Java found")
    assert "Java 17" in str(exc.value)


def test_java_older_than_17_is_refused(tmp_path, only_path):
    only_path(_bin_dir(tmp_path, java="echo 'openjdk version \"11.0.21\" 2023-10-17' >&2"))
    with pytest.raises(ServerError) as exc:
        server.start(tmp_path / "home")
    assert "is Java 11, Neo4j 5 needs Java 17 or newer" in _one_line(exc)


def test_java_whose_version_cannot_be_read_is_refused(tmp_path, only_path):
    only_path(_bin_dir(tmp_path, java="echo 'something else entirely'"))
    with pytest.raises(ServerError, match="cannot read the Java version"):
        check_java()


# --- Ports --------------------------------------------------------------------------------------

@pytest.mark.parametrize("busy,name,flag", [("bolt", "Bolt", "--bolt-port"), ("http", "HTTP", "--http-port")])
def test_port_in_use_names_the_port_and_how_to_choose_another(tmp_path, two_free_ports, busy, name, flag):
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the port check runs after the Java check; no Java here")
    bolt, http = two_free_ports
    taken = bolt if busy == "bolt" else http
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", taken))
        listener.listen()
        with pytest.raises(ServerError) as exc:
            server.start(tmp_path / "home", bolt_port=bolt, http_port=http)
    text = _one_line(exc)
    assert f"port {taken} ({name}) on 127.0.0.1 is already in use" in text
    assert flag in text
    assert not (tmp_path / "home" / "neo4j" / "password").exists(), "nothing is set up when the port is taken"


# --- Maven --------------------------------------------------------------------------------------

def test_jars_missing_and_maven_offline_with_an_empty_repository(tmp_path):
    empty_repo = tmp_path / "empty-m2"
    empty_repo.mkdir()
    with pytest.raises(ServerError) as exc:
        server.fetch(tmp_path / "home", maven_args=["-o", f"-Dmaven.repo.local={empty_repo}"])
    text = _one_line(exc)
    assert text.startswith("jars not fetched and Maven unreachable: ")
    if shutil.which("mvn"):
        assert "mvn exited 1: " in text and "mvn exited 1: ;" not in text, "Maven's own reason is shown"
    assert "zonekg neo4j fetch" in text


def test_jars_missing_and_no_mvn_on_path_stops_start(tmp_path, only_path):
    java = shutil.which("java")
    if java is None:
        pytest.skip("needs a real java so that start gets as far as fetching")
    only_path(_bin_dir(tmp_path, java=os.path.realpath(java)))
    bolt, http = free_port(), free_port()
    with pytest.raises(ServerError) as exc:
        server.start(tmp_path / "home", bolt_port=bolt, http_port=http)
    assert _one_line(exc).startswith("jars not fetched and Maven unreachable: mvn is not on PATH")


def test_a_failing_mvn_is_reported_with_its_error_line(tmp_path, only_path):
    only_path(_bin_dir(tmp_path, mvn="printf '\\033[0m[ERROR] Could not transfer artifact: repo.maven.apache.org: Name or service not known\\n'; exit 1"))
    with pytest.raises(ServerError) as exc:
        server.fetch(tmp_path / "home")
    text = _one_line(exc)
    assert "mvn exited 1" in text and "Name or service not known" in text


# --- Server that fails to start -----------------------------------------------------------------

def _home_with_jars(tmp_path, jars):
    """Return a new server home (and its paths) whose class path is the fetched jars."""
    home = tmp_path / "home"
    paths = server.ServerPaths.at(home)
    paths.root.mkdir(parents=True)
    shutil.copy(jars, paths.classpath_file)
    return home, paths


@pytest.mark.neo4j
def test_server_that_fails_to_start_names_its_log(tmp_path, neo4j_server_jars, two_free_ports):
    home, paths = _home_with_jars(tmp_path, neo4j_server_jars)
    bolt, http = two_free_ports
    try:
        with pytest.raises(ServerError) as exc:
            # A well-formed but far too small heap: only the JVM itself refuses it.
            server.start(home, bolt_port=bolt, http_port=http, heap="1k", timeout=180)
    finally:
        server.stop(home)  # never leave a server behind, even when this test fails
    text = _one_line(exc)
    assert text.startswith("Neo4j server failed to start")
    assert "heap" in text.lower()
    assert str(paths.console_log) in text and paths.console_log.is_file()
    assert server.status(home).running is False


@pytest.mark.neo4j
def test_unknown_setting_is_reported_before_the_server_runs(tmp_path, neo4j_server_jars, two_free_ports):
    home, paths = _home_with_jars(tmp_path, neo4j_server_jars)
    paths.extra_conf_file.write_text("server.this_setting_does_not_exist=yes\n", encoding="utf-8")
    bolt, http = two_free_ports
    with pytest.raises(ServerError) as exc:
        server.start(home, bolt_port=bolt, http_port=http)
    text = _one_line(exc)
    assert str(paths.conf_file) in text and "server.this_setting_does_not_exist" in text


# --- Settings and connection --------------------------------------------------------------------

@pytest.mark.parametrize(
    "env,uri,user,database",
    [
        ({"NEO4J_URI": "bolt://db.example:7687"}, "bolt://db.example:7687", "neo4j", "neo4j"),
        ({"NEO4J_URI": "neo4j://db.example", "NEO4J_USER": "园区", "NEO4J_DATABASE": "zones"},
         "neo4j://db.example", "园区", "zones"),
    ],
)
def test_environment_settings_win(monkeypatch, env, uri, user, database):
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pass")
    settings = resolve_settings()
    assert (settings.uri, settings.user, settings.database, settings.managed) == (uri, user, database, False)
    assert settings.password == "s3cret-pass"
    assert "s3cret-pass" not in repr(settings)


def test_managed_settings_come_from_the_home(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    home = tmp_path / "home"
    paths = server.ServerPaths.at(home)
    password = create_password(paths)
    settings = resolve_settings(home)
    assert settings.managed is True
    assert settings.uri == "bolt://127.0.0.1:7687"
    assert (settings.user, settings.database, settings.password) == ("neo4j", "neo4j", password)
    assert settings.password_file == str(paths.password_file)
    assert settings.http_url == "http://127.0.0.1:7474"


def test_password_file_is_created_owner_only_and_never_overwritten(tmp_path):
    paths = server.ServerPaths.at(tmp_path)
    password = create_password(paths)
    assert stat.S_IMODE(paths.password_file.stat().st_mode) == 0o600
    assert len(password) >= 24 and password != "neo4j"
    assert read_password(paths) == password
    with pytest.raises(ServerError, match="already exists"):
        create_password(paths)


def test_unreachable_managed_server_says_how_to_start_it(tmp_path):
    settings = Neo4jSettings(
        uri=f"bolt://127.0.0.1:{free_port()}", user="neo4j", password="whatever-it-is", database="neo4j",
        password_file=str(tmp_path / "password"), http_url=None, managed=True,
    )
    with pytest.raises(DatabaseError) as exc:
        open_driver(settings)
    text = _one_line(exc)
    assert settings.uri in text and "zonekg neo4j start" in text


def test_unreachable_environment_server_points_at_neo4j_uri():
    settings = Neo4jSettings(
        uri=f"neo4j://127.0.0.1:{free_port()}", user="neo4j", password="whatever-it-is", database="neo4j",
        password_file=None, http_url=None, managed=False,
    )
    with pytest.raises(DatabaseError) as exc:
        open_driver(settings)
    assert "NEO4J_URI" in _one_line(exc)


def test_managed_server_never_started_has_no_password_file(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(DatabaseError) as exc:
        open_driver(resolve_settings(tmp_path / "fresh"))
    assert "zonekg neo4j start" in _one_line(exc)


@pytest.mark.parametrize(
    "kwargs,env,message",
    [
        ({"bolt_port": 70000}, {}, "--bolt-port=70000 is out of range"),
        ({"bolt_port": 7687, "http_port": 7687}, {}, "both asked for port 7687"),
        ({"heap": "lots"}, {}, "heap='lots' is not a memory size"),
        ({}, {"ZONEKG_NEO4J_HTTP_PORT": "七四七四"}, "ZONEKG_NEO4J_HTTP_PORT='七四七四' is not a port number"),
        ({}, {"ZONEKG_NEO4J_PAGECACHE": "-1m"}, "ZONEKG_NEO4J_PAGECACHE='-1m' is not a memory size"),
    ],
)
def test_bad_options_are_config_errors(monkeypatch, kwargs, env, message):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as exc:
        resolve_options(**kwargs)
    assert message in _one_line(exc)


def test_options_from_environment_and_restart_keep_previous_ports(monkeypatch):
    monkeypatch.setenv("ZONEKG_NEO4J_BOLT_PORT", "17687")
    monkeypatch.delenv("ZONEKG_NEO4J_HTTP_PORT", raising=False)
    previous = server.ServerOptions(bolt_port=27687, http_port=27474)
    options = resolve_options(previous=previous)
    assert (options.bolt_port, options.http_port) == (17687, 27474)
    assert resolve_options(bolt_port=9999, previous=previous).bolt_port == 9999


def test_generated_conf_binds_loopback_with_auth_and_without_https(tmp_path):
    paths = server.ServerPaths.at(tmp_path)
    lines = render_conf(paths, server.ServerOptions(bolt_port=17687, http_port=17474)).splitlines()
    for expected in (
        "server.default_listen_address=127.0.0.1",
        "server.bolt.listen_address=:17687",
        "server.http.listen_address=:17474",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        f"server.directories.data={paths.data_dir}",
    ):
        assert expected in lines


def test_extra_conf_replaces_a_generated_setting_instead_of_repeating_it(tmp_path):
    paths = server.ServerPaths.at(tmp_path)
    paths.root.mkdir(parents=True)
    paths.extra_conf_file.write_text("# mine\nserver.memory.pagecache.size=1g\ndb.logs.query.enabled=OFF", encoding="utf-8")
    lines = render_conf(paths, server.ServerOptions()).splitlines()
    assert [line for line in lines if line.startswith("server.memory.pagecache.size=")] == ["server.memory.pagecache.size=1g"]
    assert "db.logs.query.enabled=OFF" in lines


# --- CLI ----------------------------------------------------------------------------------------

def test_stop_when_stopped_says_not_running(tmp_path):
    result = CliRunner().invoke(cli_app.app, ["neo4j", "stop", "--home", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output.strip() == "not running"


def test_status_json_of_a_fresh_home_is_not_running(tmp_path):
    import json

    result = CliRunner().invoke(cli_app.app, ["neo4j", "status", "--json", "--home", str(tmp_path)])
    data = json.loads(result.output)
    assert data["running"] is False and data["pid"] is None
    assert set(data) >= {"uri", "user", "database", "password_file", "http_url", "running", "pid"}


def test_cli_error_is_one_line_on_stderr_with_status_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["zonekg", "neo4j", "logs", "--home", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_info:
        cli_app.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err.startswith("error: ") and "no server log yet" in err and "zonekg neo4j start" in err
