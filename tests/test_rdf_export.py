"""RDF export: one round trip per registered format, SHACL conformance, stable IRIs, @zh literals, counts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, PROV, RDF, SKOS

from zonekg.graph import ontology as onto
from zonekg.graph.exporters import FORMATS, ExportFormatName, format_for_path, get_format
from zonekg.graph.inputs import read_graph
from zonekg.graph.ontology import CLASS_ALIGNMENT, PROPERTY_ALIGNMENT, ontology_graph
from zonekg.graph.rdf import count_terms, records_to_rdf
from zonekg.graph.validate import validate_file, validate_graph
from zonekg.graph.vocab import ZK, entity_iri
from zonekg.schema.errors import ConfigError
from zonekg.schema.records import Entity, Mention, Relation
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

DATA = Path(__file__).parent / "data"
# Every registered format must appear here; a new exporter without a round trip fails the test below.
ROUND_TRIP_MATRIX = {"turtle": ".ttl", "jsonld": ".jsonld", "nt": ".nt"}


@pytest.fixture(scope="module")
def small():
    return records_to_rdf(read_graph(DATA / "graph_small.jsonl").records)


def test_every_registered_format_is_in_the_round_trip_matrix():
    assert set(FORMATS) == set(ROUND_TRIP_MATRIX)
    assert {f.value for f in ExportFormatName} == set(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_round_trip(name, small, tmp_path):
    fmt = FORMATS[name]
    assert fmt.suffix == ROUND_TRIP_MATRIX[name]
    text = fmt.serialize(small.graph)
    assert "云溪经济技术开发区" in text or "\\u4e91" not in text  # Chinese written as is where the format allows
    back = fmt.parse(text)
    assert len(back) == len(small.graph)
    assert isomorphic(back, small.graph)
    path = tmp_path / f"graph{fmt.suffix}"
    path.write_text(text, encoding="utf-8")
    assert format_for_path(path) is fmt
    assert validate_file(path).conforms


def test_serialisation_is_deterministic():
    first = records_to_rdf(read_graph(DATA / "graph_small.jsonl").records).graph
    second = records_to_rdf(list(reversed(read_graph(DATA / "graph_small.jsonl").records))).graph
    assert FORMATS["nt"].serialize(first) == FORMATS["nt"].serialize(second)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_output_does_not_depend_on_the_hash_seed(name):
    script = ("import sys; from zonekg.graph.exporters import FORMATS; from zonekg.graph.inputs import read_graph; "
              "from zonekg.graph.rdf import records_to_rdf; "
              f"sys.stdout.write(FORMATS[{name!r}].serialize(records_to_rdf(read_graph({str(DATA / 'graph_small.jsonl')!r})"
              ".records).graph))")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


@pytest.mark.parametrize("alias,name", [("ttl", "turtle"), ("TURTLE", "turtle"), ("json-ld", "jsonld"),
                                        ("application/n-triples", "nt"), ("ntriples", "nt")])
def test_formats_are_found_by_alias(alias, name):
    assert get_format(alias).name == name


def test_an_unknown_format_lists_the_valid_ones():
    with pytest.raises(ConfigError, match="turtle"):
        get_format("rdfxml-ish")


def test_the_export_conforms_to_the_shapes(small):
    report = validate_graph(small.graph)
    assert report.conforms, report.text


def test_counts_match_the_input(small):
    assert (small.entities, small.facts) == (22, 27)
    assert count_terms(small.graph) == (22, 27)


@pytest.mark.parametrize("entity_id,iri", [
    ("zone:云溪经济技术开发区",
     "https://w3id.org/zonekg/id/zone/%E4%BA%91%E6%BA%AA%E7%BB%8F%E6%B5%8E%E6%8A%80%E6%9C%AF%E5%BC%80%E5%8F%91%E5%8C%BA"),
    ("policy:鄂体改[2001]127号", "https://w3id.org/zonekg/id/policy/%E9%84%82%E4%BD%93%E6%94%B9%5B2001%5D127%E5%8F%B7"),
    ("enterprise:A/B Co. #1", "https://w3id.org/zonekg/id/enterprise/A%2FB%20Co.%20%231"),
])
def test_iris_are_stable_and_percent_encoded(entity_id, iri):
    assert str(entity_iri(entity_id)) == iri


def test_names_are_skos_labels_tagged_zh(small):
    zone = entity_iri("zone:云溪经济技术开发区")
    assert (zone, SKOS.prefLabel, Literal("云溪经济技术开发区", lang="zh")) in small.graph
    assert (zone, SKOS.altLabel, Literal("云溪经开区", lang="zh")) in small.graph
    assert (zone, RDF.type, ns.SDO.Place) in small.graph
    assert (zone, ns.SDO.containedInPlace, entity_iri("place:云溪县")) in small.graph


def test_a_post_is_reified_with_org_and_the_title(small):
    person = entity_iri("person:林建国")
    (post,) = small.graph.objects(person, ORG.holds)
    assert (post, RDF.type, ORG.Post) in small.graph
    assert (post, ORG.postIn, entity_iri("zone:云溪经济技术开发区")) in small.graph
    assert (post, SKOS.prefLabel, Literal("党工委书记", lang="zh")) in small.graph
    assert (person, ORG.memberOf, entity_iri("zone:云溪经济技术开发区")) in small.graph


def test_facts_carry_prov_evidence(small):
    g = small.graph
    fact = next(f for f in g.subjects(RDF.type, onto.FACT) if (f, onto.RELATION_TYPE, Literal("RENAMED_FROM")) in g)
    (evidence,) = g.objects(fact, onto.EVIDENCE_OF)
    assert (evidence, RDF.type, PROV.Entity) in g
    assert (evidence, PROV.value, Literal("2006年3月15日，云溪工业园区更名为云溪经济开发区。", lang="zh")) in g
    assert (evidence, PROV.wasDerivedFrom, URIRef("https://w3id.org/zonekg/doc/yx_news_01")) in g
    assert str(g.value(fact, ZK.date)) == "2006-03-15"


def _tiny(relation_evidence=True, tail_type="Zone"):
    firm = Entity("enterprise:石门机械", "Enterprise", "石门机械", [], {}, [Mention("doc:t", 0, 4, "石门机械")])
    tail = Entity(f"{ENTITY_TYPES[tail_type].prefix}:石门园", tail_type, "石门园", [], {}, [])
    ev = [Mention("doc:t", 0, 10, "石门机械落户石门园。")] if relation_evidence else []
    return records_to_rdf([firm, tail, Relation("rel:t", "LOCATED_IN", firm.id, tail.id, {}, 1.0, ev)])


def test_documents_cited_but_not_given_still_get_a_node():
    result = _tiny()  # its one document, doc:t, has no document record
    assert validate_graph(result.graph).conforms
    assert (URIRef("https://w3id.org/zonekg/doc/t"), RDF.type, onto.DOCUMENT) in result.graph


def test_a_base_without_a_trailing_slash_still_gives_clean_iris():
    result = records_to_rdf(read_graph(DATA / "graph_small.jsonl").records, base="https://example.org/kg")
    assert (URIRef("https://example.org/kg/id/place/%E4%BA%91%E6%BA%AA%E5%8E%BF"), None, None) in result.graph


def test_a_fact_without_evidence_does_not_conform():
    report = validate_graph(_tiny(relation_evidence=False).graph)
    assert not report.conforms and "evidence" in report.text


def test_a_fact_pointing_at_the_wrong_type_does_not_conform():
    result = _tiny()
    g = result.graph
    # Rewrite the tail's type behind the exporter's back: the shapes must catch it.
    tail = entity_iri("zone:石门园")
    g.remove((tail, RDF.type, onto.class_iri("Zone")))
    g.add((tail, RDF.type, onto.class_iri("Place")))
    assert not validate_graph(g).conforms


def test_relations_the_schema_forbids_are_left_out_and_reported():
    graph = read_graph(DATA / "graph_bad.jsonl")
    result = records_to_rdf(graph.records)
    assert result.facts == 1 and len(result.problems) == 3
    assert validate_graph(result.graph).conforms


def test_ontology_covers_the_schema():
    assert set(CLASS_ALIGNMENT) == set(ENTITY_TYPES)
    assert set(PROPERTY_ALIGNMENT) == set(RELATION_TYPES)
    g = ontology_graph()
    for name, t in ENTITY_TYPES.items():
        assert (onto.class_iri(name), SKOS.prefLabel, None) not in g  # classes use rdfs:label
        assert Literal(t.label_zh, lang="zh") in set(g.objects(onto.class_iri(name), None))
    for name in RELATION_TYPES:
        assert any(g.triples((onto.property_iri(name), RDF.type, None)))


@pytest.mark.neo4j
def test_export_from_neo4j_has_the_database_counts(clean_neo4j, neo4j_settings):
    from zonekg.graph.loader import load_records
    from zonekg.graph.readback import read_back

    db = neo4j_settings.database
    load_records(clean_neo4j, read_graph(DATA / "graph_small.jsonl").records, db)
    load_records(clean_neo4j, read_graph(DATA / "graph_more.jsonl").records, db)
    result = records_to_rdf(read_back(clean_neo4j, db))
    entities = clean_neo4j.execute_query("MATCH (n:Entity) RETURN count(n) AS c", database_=db).records[0]["c"]
    facts = clean_neo4j.execute_query("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS c",
                                      database_=db).records[0]["c"]
    assert (result.entities, result.facts) == (entities, facts) == count_terms(result.graph)
    assert validate_graph(result.graph).conforms
