"""Loading into a real Neo4j: provenance, idempotence, merging later documents, bad input, failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.graph.inputs import read_graph
from zonekg.graph.loader import load_records
from zonekg.graph.readback import read_back
from zonekg.graph.rows import build_rows
from zonekg.schema.errors import DatabaseError, InputError
from zonekg.schema.records import Document, Entity, Relation

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.neo4j


def _records(name: str):
    return read_graph(DATA / name).records


def _snapshot(driver, database):
    """Return every node and relationship with all properties, in a fixed order."""
    nodes = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id",
                                 database_=database).records
    rels = driver.execute_query("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p "
                                "ORDER BY a, t, b", database_=database).records
    return [(sorted(r["l"]), r["p"]) for r in nodes], [(r["a"], r["t"], r["b"], r["p"]) for r in rels]


def _loaded_then_emptied(driver, records, database):
    """Load ``records``, empty the database again and return the snapshot the load gave."""
    load_records(driver, records, database)
    graph = _snapshot(driver, database)
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    return graph


def test_load_writes_labels_properties_and_provenance(clean_neo4j, run_cypher, neo4j_settings):
    report = load_records(clean_neo4j, _records("graph_small.jsonl"), neo4j_settings.database)
    assert (report.documents, report.entities, report.relations) == (2, 22, 27)
    assert report.nodes_created == 24 and report.problems == []
    (zone,) = run_cypher("MATCH (z:Zone:Entity {id: $id}) RETURN properties(z) AS p", id="zone:云溪经济技术开发区")
    assert zone["p"] == {"id": "zone:云溪经济技术开发区", "name": "云溪经济技术开发区", "aliases": ["云溪经开区"],
                         "level": "national"}
    mentions = run_cypher("MATCH (:Zone {id: $id})-[m:MENTIONED_IN]->(d:Document) RETURN d.id AS d, m.spans AS s, "
                          "m.texts AS t ORDER BY d", id="zone:云溪经济技术开发区")
    assert mentions == [{"d": "doc:yx_news_01", "s": ["0-5"], "t": ["云溪经开区"]},
                        {"d": "doc:yx_policy_02", "s": ["8-17"], "t": ["云溪经济技术开发区"]}]
    (invest,) = run_cypher("MATCH (:Enterprise {name: '远航控股集团'})-[r:INVESTS_IN]->(p:Project) "
                           "RETURN p.name AS p, properties(r) AS r")
    assert invest["p"] == "智能终端产业园项目"
    assert invest["r"]["amount_value"] == 1500000000 and invest["r"]["amount_text"] == "15亿元"
    assert invest["r"]["evidence_docs"] == ["doc:yx_news_01"]
    assert invest["r"]["evidence_text"] == ["远航控股集团投资15亿元在河湾产业园建设智能终端产业园项目。"]
    (doc,) = run_cypher("MATCH (d:Document {id: 'doc:yx_policy_02'}) RETURN d.title AS t, d.published AS p")
    assert doc == {"t": "关于推进云溪经济技术开发区高质量发展的实施意见", "p": "2019-03-02"}


def test_loading_the_same_input_twice_creates_and_changes_nothing(clean_neo4j, neo4j_settings):
    db = neo4j_settings.database
    load_records(clean_neo4j, _records("graph_small.jsonl"), db)
    before = _snapshot(clean_neo4j, db)
    again = load_records(clean_neo4j, _records("graph_small.jsonl"), db)
    assert (again.nodes_created, again.relationships_created, again.properties_set, again.labels_added) == (0, 0, 0, 0)
    assert _snapshot(clean_neo4j, db) == before


def test_a_killed_load_rerun_from_the_start_gives_the_same_graph(clean_neo4j, neo4j_settings):
    db = neo4j_settings.database
    records = _records("graph_small.jsonl")
    whole = _loaded_then_emptied(clean_neo4j, records, db)
    # As if the first run died part-way: its documents, some entities and a few relations made it.
    prefix = [r for r in records if isinstance(r, Document)]
    prefix += [r for r in records if isinstance(r, Entity)][:9]
    prefix += [r for r in records if isinstance(r, Relation) and r.type == "PART_OF"]
    load_records(clean_neo4j, prefix, db, batch_size=3)
    load_records(clean_neo4j, records, db, batch_size=4)
    assert _snapshot(clean_neo4j, db) == whole


def test_more_documents_merge_aliases_mentions_and_evidence(clean_neo4j, run_cypher, neo4j_settings):
    db = neo4j_settings.database
    load_records(clean_neo4j, _records("graph_small.jsonl"), db)
    report = load_records(clean_neo4j, _records("graph_more.jsonl"), db)
    assert report.nodes_created == 2  # the new report and 星河光电; the rest already exist
    (zone,) = run_cypher("MATCH (z:Zone {id: 'zone:云溪经济技术开发区'}) RETURN z.aliases AS a")
    assert zone["a"] == ["云溪经开区", "云溪经济开发区"]
    (rel,) = run_cypher("MATCH (:Enterprise {name: '华锐电子科技有限公司'})-[r:LOCATED_IN]->(:Zone) "
                        "RETURN r.evidence_docs AS d, r.evidence_spans AS s")
    assert rel == {"d": ["doc:yx_news_01", "doc:yx_report_03"], "s": ["126-145", "30-48"]}
    docs = run_cypher("MATCH (:Zone {name: '河湾产业园'})-[:MENTIONED_IN]->(d) RETURN d.id AS d ORDER BY d")
    assert [d["d"] for d in docs] == ["doc:yx_news_01", "doc:yx_report_03"]


def test_read_back_returns_what_was_loaded(clean_neo4j, neo4j_settings):
    records = _records("graph_small.jsonl")
    load_records(clean_neo4j, records, neo4j_settings.database)
    back = build_rows(read_back(clean_neo4j, neo4j_settings.database))
    given = build_rows(records)
    assert back.documents == given.documents
    assert back.entities == given.entities
    assert back.relations == given.relations


def test_bad_records_are_reported_and_the_rest_is_loaded(clean_neo4j, run_cypher, neo4j_settings):
    graph = read_graph(DATA / "graph_bad.jsonl")
    assert [p.split(":")[1] for p in graph.problems] == ["3", "8", "9"]
    report = load_records(clean_neo4j, graph.records, neo4j_settings.database)
    assert len(report.problems) == 3
    assert any("zone:不存在园区 is not in the input or the graph" in p for p in report.problems)
    assert any("PART_OF may not link Enterprise -> Zone" in p for p in report.problems)
    assert any("'name' clashes" in p for p in report.problems)
    rels = run_cypher("MATCH (:Enterprise)-[r]->(:Zone) RETURN type(r) AS t")
    assert rels == [{"t": "LOCATED_IN"}]
    (firm,) = run_cypher("MATCH (e:Enterprise) RETURN e.name AS n")
    assert firm["n"] == "白沙电器"


def test_an_unreadable_file_is_skipped_unless_it_is_the_only_one(tmp_path):
    graph = read_graph([tmp_path / "missing.jsonl", DATA / "graph_more.jsonl"])
    assert len(graph.records) == 8 and "missing.jsonl: cannot open" in graph.problems[0]
    with pytest.raises(InputError, match="missing.jsonl"):
        read_graph(tmp_path / "missing.jsonl")


def test_a_failing_batch_raises_database_error_naming_the_batch(clean_neo4j, neo4j_settings):
    db = neo4j_settings.database
    load_records(clean_neo4j, [], db)  # the constraints exist
    # A stray node outside the Entity label holds a zone's id, so the zone's MERGE breaks a constraint.
    clean_neo4j.execute_query("CREATE (:Zone {id: 'zone:云溪高新技术产业开发区'})", database_=db)
    with pytest.raises(DatabaseError) as err:
        load_records(clean_neo4j, _records("graph_small.jsonl"), db)
    message = str(err.value)
    assert "load failed at batch" in message and "(Zone, first id zone:云溪工业园区)" in message
    assert "ConstraintValidationFailed" in message and "re-run" in message


def test_an_unknown_database_is_a_database_error(neo4j_driver):
    with pytest.raises(DatabaseError, match="no-such-db"):
        load_records(neo4j_driver, _records("graph_small.jsonl"), database="no-such-db")


def test_the_schema_is_in_the_database(clean_neo4j, run_cypher, neo4j_settings):
    load_records(clean_neo4j, [], neo4j_settings.database)
    constraints = {r["name"] for r in run_cypher("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"entity_id", "document_id", "zone_id", "located_in_id"} <= constraints
    (fulltext,) = run_cypher("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options, state "
                             "WHERE name = 'entity_names' RETURN labelsOrTypes, properties, options, state")
    assert fulltext["labelsOrTypes"] == ["Entity"] and fulltext["properties"] == ["name", "aliases"]
    assert fulltext["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    assert fulltext["state"] == "ONLINE"


def test_a_second_load_unions_in_the_database(clean_neo4j, run_cypher, neo4j_settings):
    """Offsets sort numerically, the highest confidence stays, a changed name stays findable as an alias."""
    from zonekg.schema.records import Mention

    db = neo4j_settings.database
    zone, park = "zone:白河经济开发区", "zone:东园"
    first = [Entity(zone, "Zone", "白河经济开发区", ["白河开发区"], {}, [Mention("doc:b", 100, 106, "白河经开区")]),
             Entity(park, "Zone", "东园", [], {}, [Mention("doc:b", 90, 92, "东园")]),
             Relation("rel:1", "PART_OF", park, zone, {}, 0.9, [Mention("doc:b", 90, 110, "东园隶属白河经开区。")])]
    second = [Entity(zone, "Zone", "白河经济技术开发区", ["白河经开区"], {}, [Mention("doc:b", 5, 11, "白河经开区")]),
              Entity(park, "Zone", "东园", [], {}, [Mention("doc:b", 90, 92, "东园")]),
              Relation("rel:1", "PART_OF", park, zone, {}, 0.6, [Mention("doc:a", 0, 8, "东园是白河经开区的园区。")])]
    load_records(clean_neo4j, first, db)
    load_records(clean_neo4j, second, db)
    (z,) = run_cypher("MATCH (z:Zone {id: $id})-[m:MENTIONED_IN]->() RETURN z.name AS n, z.aliases AS a, "
                      "m.spans AS s", id=zone)
    assert z == {"n": "白河经济技术开发区", "a": ["白河开发区", "白河经开区", "白河经济开发区"], "s": ["5-11", "100-106"]}
    (r,) = run_cypher("MATCH ()-[r:PART_OF {id: 'rel:1'}]->() RETURN r.confidence AS c, r.evidence_docs AS d, "
                      "r.evidence_spans AS s")
    assert r == {"c": 0.9, "d": ["doc:a", "doc:b"], "s": ["0-8", "90-110"]}
    again = load_records(clean_neo4j, second, db)
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)


class _Recording:
    """A driver that passes every query on to the real one and keeps the statements it sent."""

    def __init__(self, driver, before=None):
        self.driver, self.before, self.sent = driver, before, []

    def execute_query(self, query, *args, **kwargs):
        self.sent.append(query)
        if self.before:
            self.before(self.driver, query, kwargs)
        return self.driver.execute_query(query, *args, **kwargs)


def _is_create(query: str) -> bool:
    return query.startswith("UNWIND $rows AS row\nOPTIONAL MATCH (known:")


def test_a_first_load_creates_in_one_pass_and_a_repeat_merges(clean_neo4j, neo4j_settings):
    db = neo4j_settings.database
    first = _Recording(clean_neo4j)
    load_records(first, _records("graph_small.jsonl"), db)
    assert any(_is_create(q) for q in first.sent)
    assert not any("MERGE (n:Entity" in q or "MERGE (h)-[r:" in q for q in first.sent)
    repeat = _Recording(clean_neo4j)
    load_records(repeat, _records("graph_small.jsonl"), db)
    assert any("MERGE (n:Entity" in q for q in repeat.sent) and any("MERGE (h)-[r:" in q for q in repeat.sent)


def test_a_batch_another_writer_created_first_is_merged_instead(clean_neo4j, neo4j_settings):
    import neo4j

    db = neo4j_settings.database
    records = _records("graph_small.jsonl")
    whole = _loaded_then_emptied(clean_neo4j, records, db)
    raced = []

    def other_writer_wins(driver, query, kwargs):
        # The first entity batch: another load commits the same entities between this
        # statement's look-up and its CREATE, so the server refuses it on the unique id.
        if _is_create(query) and not raced:
            raced.append(query)
            others = [r for r in records if isinstance(r, Document | Entity)]
            load_records(driver, others, db)
            raise neo4j.exceptions.ConstraintError()

    report = load_records(_Recording(clean_neo4j, other_writer_wins), records, db)
    assert raced and report.problems == []
    assert _snapshot(clean_neo4j, db) == whole


def test_one_writer_and_several_give_the_same_graph(clean_neo4j, neo4j_settings):
    db = neo4j_settings.database
    records = _records("graph_small.jsonl") + _records("graph_more.jsonl")
    one = load_records(clean_neo4j, records, db, batch_size=2, writers=1)
    graph = _snapshot(clean_neo4j, db)
    clean_neo4j.execute_query("MATCH (n) DETACH DELETE n", database_=db)
    three = load_records(clean_neo4j, records, db, batch_size=2, writers=3)
    assert _snapshot(clean_neo4j, db) == graph
    assert (three.nodes_created, three.relationships_created, three.problems) == \
        (one.nodes_created, one.relationships_created, one.problems)
