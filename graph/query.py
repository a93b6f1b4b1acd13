"""Run a query preset: check and resolve its parameters, run the Cypher, return plain rows."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import neo4j
import neo4j.graph

from zonekg.graph.names import resolve_name
from zonekg.graph.presets import PRESETS, ParamKind, Preset
from zonekg.schema.errors import DatabaseError, QueryError


@dataclass
class QueryResult:
    """A preset's answer: column names, rows of plain values, the resolved parameters and the time taken."""

    preset: str
    columns: list[str]
    rows: list[list[Any]]
    params: dict[str, Any] = field(default_factory=dict)
    resolved: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0  # the preset's Cypher alone
    resolve_seconds: float = 0.0  # finding the entities its parameters name

    def records(self) -> list[dict[str, Any]]:
        """Return the rows as dicts keyed by column."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def get_preset(name: str) -> Preset:
    """Return the preset called ``name`` or raise QueryError listing them."""
    try:
        return PRESETS[name]
    except KeyError:
        raise QueryError(f"unknown query preset {name!r}; valid: {', '.join(PRESETS)} (zonekg query --list)") from None


def parse_params(pairs: list[str]) -> dict[str, str]:
    """Return ``{k: v}`` from ``["k=v", …]``; raise QueryError on a pair without ``=``."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"parameter {pair!r} is not key=value; e.g. --param zone=来凤经济开发区")
        out[key.strip()] = value.strip()
    return out


def check_params(preset: Preset, given: dict[str, str]) -> dict[str, Any]:
    """Return the typed parameters (entity names still as text); raise QueryError on unknown, missing or bad ones."""
    known = {p.name: p for p in preset.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise QueryError(f"{preset.name} has no parameter {', '.join(unknown)}; "
                         f"it takes: {', '.join(known) or 'none'}")
    out: dict[str, Any] = {}
    for param in preset.params:
        raw = given.get(param.name)
        if raw is None or raw == "":
            if param.required:
                raise QueryError(f"{preset.name} needs --param {param.name}=… ({param.description}), "
                                 f"e.g. {param.name}={param.example}")
            out[param.name] = param.default
            continue
        text = unicodedata.normalize("NFKC", raw).strip()
        if param.kind is ParamKind.INT:
            try:
                out[param.name] = int(text)
            except ValueError:
                raise QueryError(f"{preset.name}: {param.name}={raw!r} is not a whole number") from None
        else:
            out[param.name] = text
    return out


def plain(value: Any) -> Any:
    """Return a JSON-ready value: nodes become names, relationships types, paths ``a -TYPE-> b`` chains."""
    if isinstance(value, neo4j.graph.Path):
        nodes = value.nodes
        text = str(plain(nodes[0]))
        for i, rel in enumerate(value.relationships):
            forward = rel.start_node is not None and rel.start_node.element_id == nodes[i].element_id
            text += (f" -{rel.type}-> " if forward else f" <-{rel.type}- ") + str(plain(nodes[i + 1]))
        return text
    if isinstance(value, neo4j.graph.Node):
        return value.get("name", value.get("id"))
    if isinstance(value, neo4j.graph.Relationship):
        return value.type
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_preset(driver: neo4j.Driver, name: str, given: dict[str, str], database: str | None = None) -> QueryResult:
    """Run the preset ``name`` with text parameters ``given`` and return its rows."""
    preset = get_preset(name)
    params = check_params(preset, given)
    resolved: dict[str, str] = {}
    started = time.perf_counter()
    for param in preset.params:
        if param.kind is ParamKind.ENTITY and params[param.name] is not None:
            found = resolve_name(driver, params[param.name], param.types, database, param.follow_renames)
            params[param.name] = found.id
            resolved[param.name] = found.name
    resolve_seconds = time.perf_counter() - started
    started = time.perf_counter()
    try:
        result = driver.execute_query(preset.cypher, params, database_=database, routing_=neo4j.RoutingControl.READ)
    except neo4j.exceptions.Neo4jError as exc:
        raise DatabaseError(f"preset {name} failed ({exc.code}): {exc.message}") from exc
    except neo4j.exceptions.DriverError as exc:
        raise DatabaseError(f"preset {name} failed: {exc}; is the server running (zonekg neo4j status)?") from exc
    rows = [[plain(v) for v in record.values()] for record in result.records]
    return QueryResult(name, list(result.keys), rows, params, resolved, time.perf_counter() - started, resolve_seconds)
