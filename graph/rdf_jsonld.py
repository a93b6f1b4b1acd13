"""JSON-LD: the export for web tools, compacted with zonekg's prefixes as the context."""

from __future__ import annotations

import json
from typing import Any

from rdflib import Graph

from zonekg.graph.vocab import PREFIXES


def context() -> dict[str, str]:
    """Return the JSON-LD context: one term per bound prefix."""
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def _canonical(value: Any) -> Any:
    # rdflib emits nodes and multi-valued properties in hash order; JSON-LD arrays that are not
    # @list are unordered, so sorting them makes the file identical on every run.
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def serialize(graph: Graph) -> str:
    """Return ``graph`` as compacted JSON-LD (Chinese written as is), nodes and values in a fixed order."""
    data = json.loads(graph.serialize(format="json-ld", context=context()))
    return json.dumps(_canonical(data), ensure_ascii=False, indent=2) + "\n"


def parse(text: str) -> Graph:
    """Return the graph read from JSON-LD text."""
    return Graph().parse(data=text, format="json-ld")
