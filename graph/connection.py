"""Resolve Neo4j connection settings (environment or the managed server) and open a checked driver."""

from __future__ import annotations

import os
from dataclasses import dataclass

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

from zonekg.graph.server.config import read_state, resolve_options
from zonekg.graph.server.lifecycle import DATABASE, USER
from zonekg.graph.server.password import read_password
from zonekg.graph.server.paths import ServerPaths
from zonekg.schema.errors import DatabaseError

ENV_URI = "NEO4J_URI"
ENV_USER = "NEO4J_USER"
ENV_PASSWORD = "NEO4J_PASSWORD"
ENV_DATABASE = "NEO4J_DATABASE"


@dataclass(frozen=True)
class Neo4jSettings:
    """How to reach one Neo4j database; ``managed`` when it is zonekg's local server."""

    uri: str
    user: str
    password: str
    database: str
    password_file: str | None
    http_url: str | None
    managed: bool

    def __repr__(self) -> str:
        # The password stays out of logs and tracebacks.
        return (
            f"Neo4jSettings(uri={self.uri!r}, user={self.user!r}, password='***', database={self.database!r}, "
            f"password_file={self.password_file!r}, http_url={self.http_url!r}, managed={self.managed!r})"
        )


def resolve_settings(home: str | os.PathLike[str] | None = None) -> Neo4jSettings:
    """Return ``NEO4J_URI``/``_USER``/``_PASSWORD``/``_DATABASE`` when set, else the managed server's settings."""
    env = os.environ
    if env.get(ENV_URI):
        return Neo4jSettings(
            uri=env[ENV_URI],
            user=env.get(ENV_USER) or USER,
            password=env.get(ENV_PASSWORD, ""),
            database=env.get(ENV_DATABASE) or DATABASE,
            password_file=None,
            http_url=None,
            managed=False,
        )
    paths = ServerPaths.at(home)
    options = read_state(paths) or resolve_options()
    return Neo4jSettings(
        uri=options.bolt_uri,
        user=USER,
        password=read_password(paths) or "",
        database=env.get(ENV_DATABASE) or DATABASE,
        password_file=str(paths.password_file),
        http_url=options.http_url,
        managed=True,
    )


def _how_to_start(settings: Neo4jSettings) -> str:
    if settings.managed:
        return "start it with 'zonekg neo4j start', or set NEO4J_URI to another server"
    return "check that the server runs and NEO4J_URI is right, or unset NEO4J_URI to use 'zonekg neo4j start'"


def open_driver(settings: Neo4jSettings | None = None) -> neo4j.Driver:
    """Return a driver that has logged in to ``settings`` (default: :func:`resolve_settings`).

    Raises DatabaseError when the server does not answer or rejects the credentials.
    """
    settings = settings or resolve_settings()
    if settings.managed and not settings.password:
        raise DatabaseError(
            f"{settings.password_file}: no password file, so the managed server was never started here; "
            f"{_how_to_start(settings)}"
        )
    try:
        driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    except (ConfigurationError, ValueError) as exc:
        raise DatabaseError(f"{settings.uri}: not a usable Neo4j URI ({exc}); use e.g. bolt://127.0.0.1:7687") from exc
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        where = f"the password in {settings.password_file}" if settings.password_file else "NEO4J_USER/NEO4J_PASSWORD"
        raise DatabaseError(
            f"{settings.uri}: Neo4j rejected user {settings.user!r} ({exc.message}); check {where}"
        ) from exc
    except (ServiceUnavailable, OSError) as exc:
        driver.close()
        raise DatabaseError(f"{settings.uri}: Neo4j is not reachable; {_how_to_start(settings)}") from exc
    return driver
