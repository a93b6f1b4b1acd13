"""The managed local Neo4j Community server: fetch its jars, start, stop, status, logs."""

from zonekg.graph.server.config import ServerOptions, resolve_options
from zonekg.graph.server.lifecycle import ServerStatus, StartResult, StopResult, logs, start, status, stop
from zonekg.graph.server.maven import fetch
from zonekg.graph.server.password import read_password
from zonekg.graph.server.paths import ServerPaths, resolve_home

__all__ = [
    "ServerOptions",
    "ServerPaths",
    "ServerStatus",
    "StartResult",
    "StopResult",
    "fetch",
    "logs",
    "read_password",
    "resolve_home",
    "resolve_options",
    "start",
    "status",
    "stop",
]
