"""JSON-LD: the export for web tools, compacted with zonekg's prefixes as the context."""

from __future__ import annotations

from rdflib import Graph

from zonekg.graph.vocab import PREFIXES


def context() -> dict[str, str]:
    """Return the JSON-LD context: one term per bound prefix."""
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def serialize(graph: Graph) -> str:
    """Return ``graph`` as compacted JSON-LD (Chinese written as is)."""
    return graph.serialize(format="json-ld", context=context(), indent=2, ensure_ascii=False)


def parse(text: str) -> Graph:
    """Return the graph read from JSON-LD text."""
    return Graph().parse(data=text, format="json-ld")
