"""Build the RDF graph of zonekg rows: entities with SKOS labels, facts reified with PROV-O evidence, ORG posts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from zonekg.graph import ontology as onto
from zonekg.graph.rows import Rows, build_rows, relation_problem
from zonekg.graph.vocab import (
    DEFAULT_BASE,
    PREFIXES,
    ZK,
    camel,
    document_iri,
    entity_iri,
    evidence_iri,
    fact_iri,
    is_chinese,
    post_iri,
)
from zonekg.schema.records import Record

_DATE_TYPES = ((re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date), (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
               (re.compile(r"^\d{4}$"), XSD.gYear))


@dataclass
class RdfResult:
    """An RDF graph with how many entities and facts it holds and the relations left out."""

    graph: Graph
    entities: int = 0
    facts: int = 0
    problems: list[str] = field(default_factory=list)


def text_literal(text: str) -> Literal:
    """Return a literal tagged ``@zh`` when the text is Chinese, plain otherwise."""
    return Literal(text, lang="zh") if is_chinese(text) else Literal(text)


def value_literal(key: str, value: Any) -> Literal:
    """Return the typed literal for a property value: dates as xsd date types, text tagged by language."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    text = str(value)
    if key == "date" or key.endswith("_date") or key == "published":
        for pattern, datatype in _DATE_TYPES:
            if pattern.match(text):
                return Literal(text, datatype=datatype)
    return text_literal(text)


def _add_properties(g: Graph, subject: URIRef, props: dict[str, Any]) -> None:
    for key in sorted(props):
        values = props[key] if isinstance(props[key], list) else [props[key]]
        for value in values:
            g.add((subject, ZK[camel(key)], value_literal(key, value)))


def new_graph() -> Graph:
    """Return an empty graph with zonekg's prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def rows_to_rdf(rows: Rows, base: str = DEFAULT_BASE) -> RdfResult:
    """Return the RDF of ``rows``; relations whose endpoints are missing or not allowed are left out and reported."""
    base = base if base.endswith(("/", "#")) else base + "/"
    g = new_graph()
    out = RdfResult(g, problems=list(rows.problems))
    # A document cited by a mention or evidence but absent from the input still gets a node,
    # so every prov:wasDerivedFrom points at a zk:Document.
    cited = {doc for row in rows.entities.values() for doc in row.mentions}
    cited |= {doc for row in rows.relations.values() for doc, _, _, _ in row.evidence}
    for doc_id in sorted(cited - set(rows.documents)):
        d = document_iri(doc_id, base)
        g.add((d, RDF.type, onto.DOCUMENT))
        g.add((d, RDF.type, PROV.Entity))
        g.add((d, onto.ID, Literal(doc_id)))
    for doc_id in sorted(rows.documents):
        props = dict(rows.documents[doc_id])
        d = document_iri(doc_id, base)
        g.add((d, RDF.type, onto.DOCUMENT))
        g.add((d, RDF.type, PROV.Entity))
        g.add((d, onto.ID, Literal(doc_id)))
        if props.get("title"):
            g.add((d, DCTERMS.title, text_literal(props.pop("title"))))
        if props.get("source"):
            g.add((d, DCTERMS.source, Literal(props.pop("source"))))
        if props.get("published"):
            g.add((d, DCTERMS.issued, value_literal("published", props.pop("published"))))
        if "part" in props:
            g.add((d, onto.PART, Literal(int(props.pop("part")), datatype=XSD.integer)))
        props.pop("sha256", None)
        props.pop("chars", None)
    types: dict[str, str] = {}
    for entity_id in sorted(rows.entities):
        row = rows.entities[entity_id]
        types[entity_id] = row.type
        e = entity_iri(entity_id, base)
        g.add((e, RDF.type, onto.class_iri(row.type)))
        for cls in onto.CLASS_ALIGNMENT[row.type]:
            g.add((e, RDF.type, cls))
        g.add((e, onto.ID, Literal(entity_id)))
        g.add((e, SKOS.prefLabel, text_literal(row.name)))
        g.add((e, RDFS.label, text_literal(row.name)))
        for alias in sorted(row.aliases - {row.name}):
            g.add((e, SKOS.altLabel, text_literal(alias)))
        _add_properties(g, e, row.props)
        for doc in sorted(row.mentions):
            g.add((e, PROV.wasDerivedFrom, document_iri(doc, base)))
        out.entities += 1
    for rel_id in sorted(rows.relations):
        row = rows.relations[rel_id]
        problem = relation_problem(row, types.get(row.head), types.get(row.tail))
        if problem:
            out.problems.append(problem)
            continue
        head, tail, prop = entity_iri(row.head, base), entity_iri(row.tail, base), onto.property_iri(row.type)
        g.add((head, prop, tail))
        for other in onto.PROPERTY_ALIGNMENT[row.type]:
            g.add((head, other, tail))
        f = fact_iri(rel_id, base)
        g.add((f, RDF.type, onto.FACT))
        g.add((f, RDF.type, RDF.Statement))
        g.add((f, onto.ID, Literal(rel_id)))
        g.add((f, onto.RELATION_TYPE, Literal(row.type)))
        g.add((f, RDF.subject, head))
        g.add((f, RDF.predicate, prop))
        g.add((f, RDF.object, tail))
        g.add((f, onto.CONFIDENCE, Literal(float(row.confidence), datatype=XSD.double)))
        _add_properties(g, f, row.props)
        for doc, start, end, text in sorted(row.evidence):
            ev = evidence_iri(rel_id, doc, start, end, base)
            g.add((f, onto.EVIDENCE_OF, ev))
            g.add((f, PROV.wasDerivedFrom, document_iri(doc, base)))
            g.add((ev, RDF.type, onto.EVIDENCE))
            g.add((ev, RDF.type, PROV.Entity))
            g.add((ev, PROV.value, text_literal(text)))
            g.add((ev, PROV.wasDerivedFrom, document_iri(doc, base)))
            g.add((ev, onto.START, Literal(start, datatype=XSD.integer)))
            g.add((ev, onto.END, Literal(end, datatype=XSD.integer)))
        if row.type == "HOLDS_POSITION":
            # W3C ORG: the person holds a post in the organisation; the post carries the title.
            post = post_iri(rel_id, base)
            g.add((post, RDF.type, ORG.Post))
            g.add((post, ORG.postIn, tail))
            g.add((post, ORG.heldBy, head))
            g.add((head, ORG.holds, post))
            if row.props.get("title"):
                g.add((post, SKOS.prefLabel, text_literal(str(row.props["title"]))))
            g.add((f, PROV.generated, post))
        out.facts += 1
    return out


def records_to_rdf(records: Iterable[Record], base: str = DEFAULT_BASE) -> RdfResult:
    """Return the RDF of FORMAT.md records (duplicates folded as the loader folds them)."""
    return rows_to_rdf(build_rows(records), base)


def count_terms(g: Graph) -> tuple[int, int]:
    """Return ``(entities, facts)`` found in an RDF graph: subjects typed with an entity class, and zk:Fact nodes."""
    classes = {onto.class_iri(t) for t in onto.CLASS_ALIGNMENT}
    entities = {s for s, _, o in g.triples((None, RDF.type, None)) if o in classes}
    facts = set(g.subjects(RDF.type, onto.FACT))
    return len(entities), len(facts)
