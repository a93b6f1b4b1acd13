"""The stored form of text offsets: a span is ``"start-end"`` in the graph, ``(start, end)`` in Python.

Merging itself (set-union of aliases, mentions and evidence, the highest
confidence, only changed values written) happens in the database, in the
statements of ``zonekg.graph.cypher``.
"""

from __future__ import annotations


def span_text(start: int, end: int) -> str:
    """Return the stored form of a span, ``"start-end"``."""
    return f"{start}-{end}"


def parse_span(text: str) -> tuple[int, int]:
    """Return ``(start, end)`` from ``"start-end"``."""
    start, _, end = text.partition("-")
    return int(start), int(end)
