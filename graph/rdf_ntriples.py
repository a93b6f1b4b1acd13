"""N-Triples: one triple a line, sorted, for diffs and streaming."""

from __future__ import annotations

from rdflib import Graph


def serialize(graph: Graph) -> str:
    """Return ``graph`` as N-Triples, lines sorted so the file is deterministic."""
    lines = sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())
    return "\n".join(lines) + "\n"


def parse(text: str) -> Graph:
    """Return the graph read from N-Triples text."""
    return Graph().parse(data=text, format="nt")
