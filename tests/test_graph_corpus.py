"""The real corpus end to end: extract, load twice, query 来凤, export RDF that conforms with Neo4j's counts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zonekg.graph.loader import load_records
from zonekg.graph.query import run_preset
from zonekg.graph.rdf import count_terms, records_to_rdf
from zonekg.graph.readback import read_back
from zonekg.graph.validate import validate_graph

SHARED = Path(os.environ.get("ZONEKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus"

pytestmark = [pytest.mark.slow, pytest.mark.neo4j]


@pytest.fixture(scope="module")
def corpus_graph(neo4j_driver, neo4j_settings):
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} not found; set ZONEKG_SHARED to the folder holding corpus/")
    from zonekg.extractors.extract import run_extraction

    extraction = run_extraction([CORPUS])
    db = neo4j_settings.database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)
    first = load_records(neo4j_driver, extraction.records(), db)
    second = load_records(neo4j_driver, extraction.records(), db)
    return neo4j_driver, db, first, second


def test_a_second_load_creates_nothing(corpus_graph):
    _, _, first, second = corpus_graph
    assert first.nodes_created > 0 and first.relationships_created > 0
    assert (second.nodes_created, second.relationships_created, second.properties_set) == (0, 0, 0)


def test_laifeng_is_found_by_its_short_name_and_has_parks(corpus_graph):
    driver, db, _, _ = corpus_graph
    (profile,) = run_preset(driver, "zone-profile", {"zone": "来凤经济开发区"}, db).records()
    assert "来凤" in profile["name"] and profile["parks"]
    located = run_preset(driver, "enterprises-in-zone", {"zone": "来凤经济开发区"}, db).records()
    allowed = set(profile["parks"]) | {profile["name"]}
    assert located and all(set(r["located_in"]) <= allowed for r in located)


def test_laifeng_timeline_shows_the_2005_rename(corpus_graph):
    driver, db, _, _ = corpus_graph
    rows = run_preset(driver, "zone-timeline", {"zone": "来凤经济开发区"}, db).records()
    assert any(r["date"] == "2005-12-08" and r["event"] == "renamed" for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_rdf_export_conforms_and_counts_equal_neo4j(corpus_graph):
    driver, db, _, _ = corpus_graph
    result = records_to_rdf(read_back(driver, db))
    entities = driver.execute_query("MATCH (n:Entity) RETURN count(n) AS c", database_=db).records[0]["c"]
    facts = driver.execute_query("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS c", database_=db).records[0]["c"]
    assert (result.entities, result.facts) == (entities, facts) == count_terms(result.graph)
    report = validate_graph(result.graph)
    assert report.conforms, report.text[:2000]
