"""One error hierarchy for the whole project.

Every message names the file or value, says what is wrong and what to do.
The library raises these; only ``zonekg.cli`` turns them into terminal output.
"""

from __future__ import annotations


class ZonekgError(Exception):
    """Root of every error zonekg raises on purpose."""


class InputError(ZonekgError):
    """A document could not be read or decoded; the run goes on with the others."""

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class RecordError(ZonekgError):
    """A JSONL record does not follow FORMAT.md."""


class ConfigError(ZonekgError):
    """A pipeline or settings value is invalid."""


class SchemaError(ZonekgError):
    """A type name or a head/tail combination is not allowed by the schema."""


class DatabaseError(ZonekgError):
    """Talking to Neo4j failed (unreachable, rejected credentials, a failed write)."""


class ServerError(ZonekgError):
    """The managed local Neo4j server could not be fetched, started or stopped."""


class QueryError(ZonekgError):
    """A preset query name or parameter is unknown or ambiguous."""
