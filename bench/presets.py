"""Time every query preset with parameters drawn from the loaded graph: p50/p95 latency per preset.

Parameters are real names from the graph: half are the best-connected
entities of the types a parameter allows (the slow end), half are spread
evenly over all of them by id. Two-entity presets get pairs that are linked
by a fact and pairs that are not. Names go through the same resolution a
user's typed name does; an ambiguous name is retried by id.
"""

from __future__ import annotations

import time
from typing import Any

import neo4j

from zonekg.bench.timing import percentile
from zonekg.graph.presets import PRESETS, Param, ParamKind, Preset
from zonekg.graph.query import run_preset
from zonekg.schema.errors import DatabaseError, QueryError
from zonekg.schema.types import ENTITY_TYPES

_ENTITIES = (
    "MATCH (n:Entity) WHERE size($types) = 0 OR any(l IN labels(n) WHERE l IN $types)\n"
    "RETURN n.id AS id, n.name AS name, COUNT { (n)--(:Entity) } AS degree\n"
    "ORDER BY n.id"
)
_LINKED_PAIRS = (
    "MATCH (a:Entity)-[r]->(b:Entity)\n"
    "RETURN a.id AS a, a.name AS a_name, b.id AS b, b.name AS b_name\n"
    "ORDER BY a.id, b.id, type(r)"
)


Choice = tuple[str, str]  # (what a user types, the value to use when that is ambiguous: the id)


def sample_params(driver: neo4j.Driver, preset: Preset, count: int,
                  database: str | None = None) -> list[dict[str, Choice]]:
    """Return up to ``count`` parameter sets for ``preset``, drawn deterministically from the graph."""
    entity_params = [p for p in preset.params if p.kind is ParamKind.ENTITY and p.required]
    if len(entity_params) >= 2:
        pairs = _pairs(driver, count, database)
        sets = [{entity_params[0].name: a, entity_params[1].name: b} for a, b in pairs]
    else:
        sets = [{} for _ in range(count)]
        for param in preset.params:
            values = _values(driver, param, count, database)
            for i, params in enumerate(sets):
                if values and (param.required or i % 2):  # an optional parameter is left out half the time
                    params[param.name] = values[i % len(values)]
    return [s for s in sets if all(p.name in s for p in preset.params if p.required)]


def time_presets(driver: neo4j.Driver, samples: int = 20, repeats: int = 3,
                 database: str | None = None) -> dict[str, dict[str, Any]]:
    """Return, per preset, p50/p95 of the whole call (name resolution + query) and of the query alone, in ms."""
    out: dict[str, dict[str, Any]] = {}
    for name in sorted(PRESETS):
        preset = PRESETS[name]
        param_sets = sample_params(driver, preset, samples, database)
        if not param_sets:
            out[name] = {"runs": 0, "p50_ms": None, "p95_ms": None, "note": "no parameters in the graph"}
            continue
        totals: list[float] = []
        queries: list[float] = []
        rows: list[int] = []
        by_id = 0
        failures: list[str] = []
        for attempt in range(repeats + 1):  # the first pass warms the query plans and is not counted
            for params in param_sets:
                started = time.perf_counter()
                try:
                    result, retried = _run(driver, name, params, database)
                except (DatabaseError, QueryError) as exc:
                    # one failing parameter set is reported, the others are still timed
                    failures.append(f"{dict((k, v[0]) for k, v in params.items())}: {str(exc).splitlines()[0]}")
                    continue
                elapsed = time.perf_counter() - started
                if attempt:
                    totals.append(elapsed * 1000)
                    queries.append(result.seconds * 1000)
                    rows.append(len(result.rows))
                    by_id += retried
        out[name] = {
            "runs": len(totals),
            "p50_ms": _ms(totals, 50), "p95_ms": _ms(totals, 95),
            "query_p50_ms": _ms(queries, 50), "query_p95_ms": _ms(queries, 95),
            "mean_rows": round(sum(rows) / len(rows), 1) if rows else 0.0, "retried_by_id": by_id,
            "failures": len(failures), "first_failure": failures[0] if failures else None,
        }
    return out


def _ms(values: list[float], q: float) -> float | None:
    return round(percentile(values, q), 2) if values else None


def _run(driver: neo4j.Driver, name: str, params: dict[str, Choice], database: str | None):
    try:
        return run_preset(driver, name, {k: typed for k, (typed, _id) in params.items()}, database), 0
    except QueryError:
        # an ambiguous name: a user would pick one of the listed ids, so do the same
        return run_preset(driver, name, {k: ident for k, (_typed, ident) in params.items()}, database), 1


def _values(driver: neo4j.Driver, param: Param, count: int, database: str | None) -> list[Choice]:
    if param.kind is ParamKind.INT:
        value = str(param.default if param.default is not None else param.example)
        return [(value, value)]
    if param.kind is ParamKind.TEXT:
        # a text parameter named after an entity type (industry) takes that type's names
        type_name = next((t for t in ENTITY_TYPES if t.lower() == param.name.lower()), None)
        if type_name is None:
            return [(param.example, param.example)]
        return [(r["name"], r["name"]) for r in _spread(_entities(driver, (type_name,), database), count)]
    return [_named(row) for row in _spread(_entities(driver, param.types, database), count)]


def _entities(driver: neo4j.Driver, types: tuple[str, ...], database: str | None) -> list[dict[str, Any]]:
    return _read(driver, _ENTITIES, {"types": list(types)}, database)


def _pairs(driver: neo4j.Driver, count: int, database: str | None) -> list[tuple[Choice, Choice]]:
    linked = _read(driver, _LINKED_PAIRS, {}, database)
    if not linked:
        return []
    near = [(_named(r, "a"), _named(r, "b")) for r in _spread_plain(linked, (count + 1) // 2)]
    # the other half: a head and a tail from different facts, usually not linked directly
    shifted = linked[len(linked) // 2:] + linked[: len(linked) // 2]
    far = [(_named(a, "a"), _named(b, "b")) for a, b in zip(_spread_plain(linked, count // 2),
                                                           _spread_plain(shifted, count // 2))]
    # the same entity at both ends is not a question anyone asks (and shortestPath refuses it)
    return [(a, b) for a, b in near + far if a[1] != b[1]]


def _spread(rows: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """Return the best-connected half of ``count`` plus the rest spread evenly by id."""
    if not rows:
        return []
    top = sorted(rows, key=lambda r: (-r["degree"], r["id"]))[: (count + 1) // 2]
    chosen = {r["id"] for r in top}
    rest = [r for r in _spread_plain(rows, count) if r["id"] not in chosen][: count - len(top)]
    return top + rest


def _spread_plain(rows: list[Any], count: int) -> list[Any]:
    if count <= 0 or not rows:
        return []
    if len(rows) <= count:
        return list(rows)
    step = len(rows) / count
    return [rows[int(i * step)] for i in range(count)]


def _named(row: dict[str, Any], prefix: str = "") -> Choice:
    name = row[f"{prefix}_name" if prefix else "name"]
    ident = row[prefix or "id"]
    return (name or ident, ident)


def _read(driver: neo4j.Driver, query: str, params: dict[str, Any], database: str | None) -> list[dict[str, Any]]:
    try:
        records, _, _ = driver.execute_query(query, params, database_=database, routing_=neo4j.RoutingControl.READ)
    except neo4j.exceptions.Neo4jError as exc:
        raise DatabaseError(f"sampling preset parameters failed ({exc.code}): {exc.message}") from exc
    return [r.data() for r in records]
