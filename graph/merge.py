"""Decide what a load must write: the changed properties of each row against what Neo4j already holds.

Merging is a union: aliases, mentions and evidence only grow, so loading the
same input again writes nothing and loading more documents adds to what is there.
Lists are kept sorted, so the stored graph does not depend on load order.
"""

from __future__ import annotations

from typing import Any

from zonekg.graph.rows import EntityRow, RelationRow


def span_text(start: int, end: int) -> str:
    """Return the stored form of a span, ``"start-end"``."""
    return f"{start}-{end}"


def parse_span(text: str) -> tuple[int, int]:
    """Return ``(start, end)`` from ``"start-end"``."""
    start, _, end = text.partition("-")
    return int(start), int(end)


def changed(current: dict[str, Any], desired: dict[str, Any]) -> dict[str, Any]:
    """Return the entries of ``desired`` whose value differs from ``current``."""
    return {k: v for k, v in desired.items() if current.get(k) != v}


def document_update(desired: dict[str, Any], existing: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return the properties to set on a Document node, or None when nothing changes."""
    if existing is None:
        return dict(desired)
    return changed(existing, desired) or None


def entity_update(row: EntityRow, existing: dict[str, Any] | None, labels: list[str] | None = None) -> dict[str, Any] | None:
    """Return the properties to set on an entity node, or None when the node is already as desired."""
    current = existing or {}
    aliases = set(current.get("aliases") or []) | row.aliases
    if current.get("name") and current["name"] != row.name:
        aliases.add(current["name"])  # a renamed canonical form stays findable
    desired = {"name": row.name, "aliases": sorted(aliases - {row.name}), **row.props}
    if existing is None:
        return desired
    delta = changed(current, desired)
    if delta or row.type not in (labels or []):
        return delta
    return None


def mention_update(spans: set[tuple[int, int, str]], existing_spans: list[str] | None,
                   existing_texts: list[str] | None) -> dict[str, list[Any]] | None:
    """Return ``{spans, texts}`` for a MENTIONED_IN relationship, or None when nothing is new."""
    known = {(*parse_span(s), t) for s, t in zip(existing_spans or [], existing_texts or [], strict=False)}
    merged = sorted(known | spans)
    if existing_spans is not None and set(merged) == known and len(known) == len(existing_spans):
        return None
    return {"spans": [span_text(s, e) for s, e, _ in merged], "texts": [t for _, _, t in merged]}


def evidence_lists(evidence: set[tuple[str, int, int, str]]) -> dict[str, list[str]]:
    """Return the parallel ``evidence_docs/_spans/_text`` lists, sorted by document and offset."""
    ordered = sorted(evidence)
    return {"evidence_docs": [d for d, _, _, _ in ordered],
            "evidence_spans": [span_text(s, e) for _, s, e, _ in ordered],
            "evidence_text": [t for _, _, _, t in ordered]}


def existing_evidence(props: dict[str, Any]) -> set[tuple[str, int, int, str]]:
    """Return the evidence spans stored on a relationship."""
    docs = props.get("evidence_docs") or []
    spans = props.get("evidence_spans") or []
    texts = props.get("evidence_text") or []
    return {(d, *parse_span(s), t) for d, s, t in zip(docs, spans, texts, strict=False)}


def relation_update(row: RelationRow, existing: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return the properties to set on a relationship, or None when it already holds them all."""
    current = existing or {}
    confidence = max(float(current.get("confidence", 0.0)), row.confidence)
    desired = {**row.props, "confidence": confidence,
               **evidence_lists(existing_evidence(current) | row.evidence)}
    if existing is None:
        return desired
    return changed(current, desired) or None
