"""Shared fixtures: one real Neo4j per test session, found in this order.

1. ``NEO4J_URI`` (with ``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``) when set;
2. a testcontainers Neo4j container when a Docker engine answers;
3. otherwise zonekg's managed server, started in a temporary ``ZONEKG_HOME``
   on free ports and stopped when the session ends.

Tests that need the database take ``neo4j_driver`` / ``neo4j_settings``, or
``clean_neo4j`` for an empty database, and carry ``@pytest.mark.neo4j``.
When no server can be had they skip with the reason, except under ``CI``,
where they fail: CI must never pass by skipping the database tests.
"""

from __future__ import annotations

import http.client
import os
import secrets
import socket
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlparse

import pytest

from zonekg.graph.connection import Neo4jSettings, open_driver, resolve_settings
from zonekg.schema.errors import ZonekgError

NEO4J_IMAGE = "neo4j:5.26-community"
DOCKER_PING_TIMEOUT_S = 2.0


class BackendKind(str, Enum):
    """Where the session's database comes from."""

    ENV = "env"
    CONTAINER = "container"
    MANAGED = "managed"


@dataclass(frozen=True)
class Neo4jBackend:
    """The session's database: its settings, where it came from, and the managed home if any."""

    settings: Neo4jSettings
    kind: BackendKind
    home: Path | None = None


def neo4j_unavailable(reason: str) -> None:
    """Skip with ``reason``; under ``CI`` fail instead, so a missing database is never a pass."""
    if os.environ.get("CI"):
        pytest.fail(f"Neo4j is required under CI: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j for integration tests: {reason}")


class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float):
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


def docker_answers(timeout: float = DOCKER_PING_TIMEOUT_S) -> bool:
    """Return True when a Docker engine (``$DOCKER_HOST`` or the default socket) answers ``/_ping``."""
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    parsed = urlparse(host)
    try:
        if parsed.scheme == "unix":
            if not Path(parsed.path).exists():
                return False
            conn: http.client.HTTPConnection = _UnixHTTPConnection(parsed.path, timeout)
        elif parsed.scheme in ("tcp", "http"):
            conn = http.client.HTTPConnection(parsed.hostname or "localhost", parsed.port or 2375, timeout=timeout)
        else:
            return False
        conn.request("GET", "/_ping")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


def _container_backend(request: pytest.FixtureRequest) -> Neo4jBackend:
    from testcontainers.community.neo4j import Neo4jContainer

    password = secrets.token_urlsafe(18)
    container = Neo4jContainer(NEO4J_IMAGE, password=password).with_exposed_ports(7474)
    container.start()
    request.addfinalizer(container.stop)
    host = container.get_container_host_ip()
    settings = Neo4jSettings(
        uri=container.get_connection_url(),
        user="neo4j",
        password=password,
        database="neo4j",
        password_file=None,
        http_url=f"http://{host}:{container.get_exposed_port(7474)}",
        managed=False,
    )
    return Neo4jBackend(settings, BackendKind.CONTAINER)


def _managed_backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Neo4jBackend:
    from zonekg.graph import server
    from zonekg.graph.server.ports import free_port

    home = tmp_path_factory.mktemp("zonekg-home")
    bolt_port = free_port()
    http_port = free_port()
    while http_port == bolt_port:
        http_port = free_port()
    server.start(home, bolt_port=bolt_port, http_port=http_port)
    request.addfinalizer(lambda: server.stop(home))
    return Neo4jBackend(resolve_settings(home), BackendKind.MANAGED, home)


@pytest.fixture(scope="session")
def neo4j_backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Neo4jBackend:
    """Return the session's Neo4j (environment, container or managed server), started once."""
    if os.environ.get("NEO4J_URI"):
        return Neo4jBackend(resolve_settings(), BackendKind.ENV)
    container_problem = ""
    if docker_answers():
        try:
            return _container_backend(request)
        except Exception as exc:  # any engine or image failure: say so, then try the managed server
            container_problem = f"testcontainers failed ({type(exc).__name__}: {exc}); "
    try:
        return _managed_backend(request, tmp_path_factory)
    except ZonekgError as exc:
        neo4j_unavailable(f"{container_problem}managed server could not start: {exc}")
        raise  # unreachable: neo4j_unavailable skips or fails


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_backend: Neo4jBackend) -> Neo4jSettings:
    """Return connection settings for the session's Neo4j."""
    return neo4j_backend.settings


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Neo4jSettings) -> Iterator:
    """Yield one logged-in ``neo4j.Driver`` for the whole session."""
    try:
        driver = open_driver(neo4j_settings)
    except ZonekgError as exc:
        neo4j_unavailable(str(exc))
        raise
    yield driver
    driver.close()


@pytest.fixture
def clean_neo4j(neo4j_driver, neo4j_settings: Neo4jSettings):
    """Return the driver after deleting every node and relationship (constraints and indexes stay)."""
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.database)
    return neo4j_driver


@pytest.fixture
def run_cypher(neo4j_driver, neo4j_settings: Neo4jSettings) -> Callable[..., list[dict]]:
    """Return ``run(query, **params) -> list of record dicts`` against the session's database."""

    def run(query: str, **params) -> list[dict]:
        records, _, _ = neo4j_driver.execute_query(query, params, database_=neo4j_settings.database)
        return [record.data() for record in records]

    return run


@pytest.fixture(scope="session")
def neo4j_server_jars(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a classpath file of the fetched server jars (Maven runs once per session)."""
    from zonekg.graph import server

    home = tmp_path_factory.mktemp("zonekg-jars")
    try:
        server.fetch(home)
    except ZonekgError as exc:
        neo4j_unavailable(str(exc))
        raise
    return server.ServerPaths.at(home).classpath_file
