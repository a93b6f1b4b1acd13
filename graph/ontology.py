"""The RDF ontology of zonekg, generated from the schema and aligned with ORG, PROV-O, SKOS and schema.org."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS

from zonekg.graph.vocab import PREFIXES, ZK, camel
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

# Which shared classes each entity type also is; tests check the keys equal the schema's types.
CLASS_ALIGNMENT: dict[str, tuple[URIRef, ...]] = {
    "Zone": (SDO.Place, ORG.Organization),
    "Enterprise": (ORG.FormalOrganization, SDO.Organization),
    "Person": (FOAF.Person, SDO.Person),
    "Organization": (ORG.Organization, SDO.Organization),
    "Policy": (SDO.Legislation, PROV.Entity),
    "Place": (SDO.Place, SDO.AdministrativeArea),
    "Industry": (SKOS.Concept,),
    "Project": (SDO.Project,),
}

# Which shared property each relation type also states (written next to the zk: triple).
PROPERTY_ALIGNMENT: dict[str, tuple[URIRef, ...]] = {
    "LOCATED_IN": (SDO.location,),
    "PART_OF": (SDO.containedInPlace,),
    "IN_REGION": (SDO.containedInPlace,),
    "RENAMED_FROM": (PROV.wasRevisionOf,),
    "MERGED_FROM": (PROV.wasDerivedFrom,),
    "HAS_INDUSTRY": (),
    "INVESTS_IN": (),
    "ISSUED_BY": (DCTERMS.publisher,),
    "IMPLEMENTS": (PROV.wasDerivedFrom,),
    "APPLIES_TO": (SDO.spatialCoverage,),
    "HOLDS_POSITION": (ORG.memberOf,),
    "VISITED": (),
    "COOPERATES_WITH": (ORG.linkedTo,),
}

# Classes and properties of the graph's own structure.
ENTITY = ZK.Entity
DOCUMENT = ZK.Document
FACT = ZK.Fact
EVIDENCE = ZK.Evidence
ID = ZK.id
EVIDENCE_OF = ZK.evidence
RELATION_TYPE = ZK.relationType
CONFIDENCE = ZK.confidence
START, END, PART = ZK.start, ZK.end, ZK.part


def class_iri(type_name: str) -> URIRef:
    """Return the zk: class of an entity type."""
    return ZK[ENTITY_TYPES[type_name].name]


def property_iri(type_name: str) -> URIRef:
    """Return the zk: property of a relation type (``LOCATED_IN`` → ``zk:locatedIn``)."""
    return ZK[camel(RELATION_TYPES[type_name].name)]


def ontology_graph() -> Graph:
    """Return the ontology: a class per entity type, an object property per relation type, structure terms."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.add((ZK[""], RDF.type, OWL.Ontology))
    g.add((ZK[""], RDFS.label, Literal("zonekg: development zones, enterprises, officials and policies", lang="en")))
    for term, label, comment in ((ENTITY, "Entity", "anything the graph names"),
                                 (DOCUMENT, "Document", "a source article; every fact derives from one"),
                                 (FACT, "Fact", "a stated relation between two entities, with its evidence"),
                                 (EVIDENCE, "Evidence", "the sentence of a document that states a fact")):
        g.add((term, RDF.type, OWL.Class))
        g.add((term, RDFS.label, Literal(label, lang="en")))
        g.add((term, RDFS.comment, Literal(comment, lang="en")))
    g.add((DOCUMENT, RDFS.subClassOf, PROV.Entity))
    g.add((FACT, RDFS.subClassOf, RDF.Statement))
    g.add((EVIDENCE, RDFS.subClassOf, PROV.Entity))
    for t in ENTITY_TYPES.values():
        cls = class_iri(t.name)
        g.add((cls, RDF.type, OWL.Class))
        g.add((cls, RDFS.subClassOf, ENTITY))
        for other in CLASS_ALIGNMENT[t.name]:
            g.add((cls, RDFS.subClassOf, other))
        g.add((cls, RDFS.label, Literal(t.name, lang="en")))
        g.add((cls, RDFS.label, Literal(t.label_zh, lang="zh")))
        g.add((cls, RDFS.comment, Literal(t.description, lang="en")))
    for r in RELATION_TYPES.values():
        prop = property_iri(r.name)
        g.add((prop, RDF.type, OWL.ObjectProperty))
        g.add((prop, RDFS.label, Literal(r.name, lang="en")))
        g.add((prop, RDFS.label, Literal(r.label_zh, lang="zh")))
        g.add((prop, RDFS.comment, Literal(r.description, lang="en")))
        for head in r.heads:
            g.add((prop, SDO.domainIncludes, class_iri(head)))
        for tail in r.tails:
            g.add((prop, SDO.rangeIncludes, class_iri(tail)))
        for other in PROPERTY_ALIGNMENT[r.name]:
            g.add((prop, RDFS.subPropertyOf, other))
    for term in (ID, RELATION_TYPE, CONFIDENCE, START, END, PART):
        g.add((term, RDF.type, OWL.DatatypeProperty))
    g.add((EVIDENCE_OF, RDF.type, OWL.ObjectProperty))
    g.add((EVIDENCE_OF, RDFS.subPropertyOf, PROV.wasDerivedFrom))
    return g
