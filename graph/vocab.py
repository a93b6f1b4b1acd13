"""RDF namespaces and the stable IRIs of zonekg's entities, documents, facts, posts and evidence."""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

DEFAULT_BASE = "https://w3id.org/zonekg/"
ZK = Namespace(DEFAULT_BASE + "ontology#")

PREFIXES = {"zk": ZK, "org": ORG, "prov": PROV, "skos": SKOS, "schema": SDO, "dcterms": DCTERMS,
            "foaf": FOAF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "rdf": RDF}


def camel(name: str) -> str:
    """Return ``locatedIn`` for ``LOCATED_IN`` and ``amountValue`` for ``amount_value``."""
    head, *rest = name.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


def _segment(text: str) -> str:
    # Everything but unreserved ASCII is percent-encoded, so any id gives a valid, stable IRI.
    return quote(text, safe="")


def entity_iri(entity_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """Return ``<base>id/<prefix>/<name>`` for an entity id ``prefix:name``."""
    prefix, _, name = entity_id.partition(":")
    return URIRef(f"{base}id/{_segment(prefix)}/{_segment(name)}")


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """Return ``<base>doc/<stem>`` for a document id ``doc:<stem>``."""
    return URIRef(f"{base}doc/{_segment(doc_id.removeprefix('doc:'))}")


def fact_iri(relation_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """Return ``<base>fact/<hex>`` for a relation id ``rel:<hex>``."""
    return URIRef(f"{base}fact/{_segment(relation_id.removeprefix('rel:'))}")


def post_iri(relation_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """Return ``<base>post/<hex>``: the org:Post a HOLDS_POSITION fact describes."""
    return URIRef(f"{base}post/{_segment(relation_id.removeprefix('rel:'))}")


def evidence_iri(relation_id: str, doc_id: str, start: int, end: int, base: str = DEFAULT_BASE) -> URIRef:
    """Return the IRI of one evidence span of a fact."""
    return URIRef(f"{fact_iri(relation_id, base)}/evidence/{_segment(doc_id.removeprefix('doc:'))}/{start}-{end}")


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_chinese(text: str) -> bool:
    """Return whether ``text`` holds a CJK ideograph (such literals are tagged ``@zh``)."""
    return bool(_CJK.search(text))
