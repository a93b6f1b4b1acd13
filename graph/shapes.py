"""SHACL shapes generated from the schema: what a valid zonekg RDF export must hold."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import ORG, PROV, RDF, SH, SKOS, XSD

from zonekg.graph import ontology as onto
from zonekg.graph.vocab import PREFIXES, ZK
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES


def _list(g: Graph, items: list) -> BNode:
    head = BNode()
    Collection(g, head, items)
    return head


def _property(g: Graph, shape: URIRef, path: URIRef, **rules) -> BNode:
    prop = BNode()
    g.add((shape, SH.property, prop))
    g.add((prop, SH.path, path))
    for key, value in rules.items():
        g.add((prop, SH[key], value))
    return prop


def _class_rule(g: Graph, prop: BNode, classes: list[URIRef]) -> None:
    if len(classes) == 1:
        g.add((prop, SH["class"], classes[0]))
        return
    options = []
    for cls in classes:
        option = BNode()
        g.add((option, SH["class"], cls))
        options.append(option)
    g.add((prop, SH["or"], _list(g, options)))


def shapes_graph() -> Graph:
    """Return the shapes: one per entity type (id, one label, allowed targets per relation), facts, evidence, posts."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("sh", SH)
    one = Literal(1)
    for t in ENTITY_TYPES.values():
        shape = ZK[f"{t.name}Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, onto.class_iri(t.name)))
        _property(g, shape, onto.ID, minCount=one, maxCount=one, datatype=XSD.string)
        _property(g, shape, SKOS.prefLabel, minCount=one, maxCount=one, nodeKind=SH.Literal)
        for r in RELATION_TYPES.values():
            if t.name in r.heads:
                prop = _property(g, shape, onto.property_iri(r.name), nodeKind=SH.IRI)
                _class_rule(g, prop, [onto.class_iri(x) for x in r.tails])
    fact = ZK.FactShape
    g.add((fact, RDF.type, SH.NodeShape))
    g.add((fact, SH.targetClass, onto.FACT))
    _property(g, fact, onto.ID, minCount=one, maxCount=one, datatype=XSD.string)
    _property(g, fact, RDF.subject, minCount=one, maxCount=one, nodeKind=SH.IRI)
    _property(g, fact, RDF.object, minCount=one, maxCount=one, nodeKind=SH.IRI)
    pred = _property(g, fact, RDF.predicate, minCount=one, maxCount=one)
    g.add((pred, SH["in"], _list(g, [onto.property_iri(r) for r in RELATION_TYPES])))
    rtype = _property(g, fact, onto.RELATION_TYPE, minCount=one, maxCount=one)
    g.add((rtype, SH["in"], _list(g, [Literal(r) for r in RELATION_TYPES])))
    _property(g, fact, onto.CONFIDENCE, maxCount=one, datatype=XSD.double)
    # Every fact cites at least one sentence of a document.
    _property(g, fact, onto.EVIDENCE_OF, minCount=one, **{"class": onto.EVIDENCE})
    evidence = ZK.EvidenceShape
    g.add((evidence, RDF.type, SH.NodeShape))
    g.add((evidence, SH.targetClass, onto.EVIDENCE))
    _property(g, evidence, PROV.value, minCount=one, maxCount=one, nodeKind=SH.Literal)
    _property(g, evidence, PROV.wasDerivedFrom, minCount=one, maxCount=one, **{"class": onto.DOCUMENT})
    _property(g, evidence, onto.START, minCount=one, maxCount=one, datatype=XSD.integer)
    _property(g, evidence, onto.END, minCount=one, maxCount=one, datatype=XSD.integer)
    document = ZK.DocumentShape
    g.add((document, RDF.type, SH.NodeShape))
    g.add((document, SH.targetClass, onto.DOCUMENT))
    _property(g, document, onto.ID, minCount=one, maxCount=one, datatype=XSD.string)
    post = ZK.PostShape
    g.add((post, RDF.type, SH.NodeShape))
    g.add((post, SH.targetClass, ORG.Post))
    held = _property(g, post, ORG.postIn, minCount=one, maxCount=one)
    _class_rule(g, held, [onto.class_iri(x) for x in RELATION_TYPES["HOLDS_POSITION"].tails])
    holder = _property(g, post, ORG.heldBy, minCount=one, maxCount=one)
    _class_rule(g, holder, [onto.class_iri(x) for x in RELATION_TYPES["HOLDS_POSITION"].heads])
    return g
