"""The Markdown of docs/SCHEMA.md, generated from the schema (``zonekg schema docs > docs/SCHEMA.md``)."""

from __future__ import annotations

from zonekg.graph.constraints import schema_statements
from zonekg.graph.labels import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONED_IN
from zonekg.graph.ontology import CLASS_ALIGNMENT, PROPERTY_ALIGNMENT, class_iri, property_iri
from zonekg.graph.presets import PRESETS
from zonekg.graph.vocab import PREFIXES
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return f"<{iri}>"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def schema_markdown() -> str:
    """Return the whole SCHEMA.md text."""
    lines = [
        "# zonekg graph schema",
        "",
        "Generated from `schema/types.py` by `zonekg schema docs > docs/SCHEMA.md`; do not edit by hand",
        "(a test fails when this file is out of date).",
        "",
        "## Entity types",
        "",
        f"Every entity is a Neo4j node with its type's label and the common label `{ENTITY_LABEL}`, and",
        "properties `id`, `name`, `aliases` plus the flattened record properties.",
        "",
        "| type | 中文 | id prefix | what | examples | properties | colour | RDF class |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for t in ENTITY_TYPES.values():
        classes = ", ".join(_curie(str(c)) for c in (class_iri(t.name), *CLASS_ALIGNMENT[t.name]))
        lines.append(f"| {t.name} | {t.label_zh} | `{t.prefix}:` | {_cell(t.description)} | {'、'.join(t.examples)} "
                     f"| {', '.join(t.properties) or '—'} | `{t.color}` | {classes} |")
    lines += [
        "",
        "## Relation types",
        "",
        "Each relation is a Neo4j relationship with `id`, `confidence`, its properties (an amount becomes",
        "`amount_value`, `amount_unit`, `amount_text`) and its evidence as parallel lists `evidence_docs`,",
        "`evidence_spans` (`start-end`) and `evidence_text`.",
        "",
        "| type | 中文 | head → tail | what | properties | RDF property |",
        "|---|---|---|---|---|---|",
    ]
    for r in RELATION_TYPES.values():
        props = ", ".join(_curie(str(p)) for p in (property_iri(r.name), *PROPERTY_ALIGNMENT[r.name]))
        lines.append(f"| {r.name} | {r.label_zh} | {'/'.join(r.heads)} → {'/'.join(r.tails)} | {_cell(r.description)} "
                     f"| {', '.join(r.properties) or '—'} | {props} |")
    lines += [
        "",
        "## Provenance",
        "",
        f"- `(:{DOCUMENT_LABEL} {{id, source, part, title, published, sha256, chars}})`: one per article.",
        f"- `(:{ENTITY_LABEL})-[:{MENTIONED_IN} {{spans, texts}}]->(:{DOCUMENT_LABEL})`: where the entity is named",
        "  (`spans` as `start-end` offsets into the normalised text, `texts` the surface forms).",
        "- In RDF, every fact is also a reified `zk:Fact` with `zk:evidence` nodes (`prov:Entity` with",
        "  `prov:value`) derived from `zk:Document`s; HOLDS_POSITION adds an `org:Post` with the title.",
        "",
        "## Neo4j constraints and indexes",
        "",
        "```cypher",
        *[s + ";" for s in schema_statements()],
        "```",
        "",
        "## Query presets",
        "",
        "| preset | parameters | what |",
        "|---|---|---|",
    ]
    for p in PRESETS.values():
        params = ", ".join(f"`{x.name}`{'' if x.required else '?'}" for x in p.params) or "—"
        lines.append(f"| {p.name} | {params} | {_cell(p.description)} |")
    lines.append("")
    return "\n".join(lines)
