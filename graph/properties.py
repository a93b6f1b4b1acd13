"""Flatten record properties into values Neo4j can store, and fold them back."""

from __future__ import annotations

import json
from typing import Any

from zonekg.schema.records import Amount

# Keys the loader writes itself; a record property may not overwrite them.
ENTITY_RESERVED = frozenset({"id", "name", "aliases"})
RELATION_RESERVED = frozenset({"id", "confidence", "evidence_docs", "evidence_spans", "evidence_text"})
_AMOUNT_PARTS = ("value", "unit", "text")


def _list_value(values: list[Any]) -> list[Any]:
    # Neo4j lists must be homogeneous: keep all-string or all-number lists, stringify the rest.
    items = [v for v in values if v is not None]
    if all(isinstance(v, str) for v in items):
        return items
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in items):
        return items
    return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True) for v in items]


def flatten(props: dict[str, Any], reserved: frozenset[str] = frozenset()) -> tuple[dict[str, Any], list[str]]:
    """Return ``(flat, rejected_keys)``: maps become ``key_sub`` entries, an Amount ``key_value/_unit/_text``.

    ``None`` values are dropped (setting null would delete a property);
    keys in ``reserved`` are rejected, not renamed, so the caller can report them.
    """
    flat: dict[str, Any] = {}
    rejected: list[str] = []

    def put(key: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, Amount):
            value = value.to_json()
        if isinstance(value, dict):
            for sub in sorted(value):
                put(f"{key}_{sub}", value[sub])
            return
        if key in reserved:
            rejected.append(key)
            return
        if isinstance(value, (list, tuple)):
            flat[key] = _list_value(list(value))
        elif isinstance(value, (str, int, float, bool)):
            flat[key] = value
        else:
            flat[key] = str(value)

    for name in sorted(props):
        put(name, props[name])
    return flat, rejected


def unflatten_amounts(flat: dict[str, Any]) -> dict[str, Any]:
    """Return ``flat`` with every complete ``key_value/_unit/_text`` triple folded back into an Amount."""
    out = dict(flat)
    for key in sorted(flat):
        if not key.endswith("_value"):
            continue
        base = key[: -len("_value")]
        parts = [f"{base}_{p}" for p in _AMOUNT_PARTS]
        if all(p in out for p in parts):
            out[base] = Amount(out.pop(parts[0]), out.pop(parts[1]), out.pop(parts[2]))
    return out
