"""run_extraction over files: record order, worker-count independence, bad inputs reported, offline."""

from __future__ import annotations

import io
import socket

import pytest

from zonekg.extractors.extract import _pipeline, run_extraction
from zonekg.schema.jsonl import write_records

TEXTS = {
    "a.txt": "岳阳经济技术开发区位于湖南省岳阳市。湖南金霞粮食产业有限公司落户岳阳经开区。市委书记刘建平视察园区。",
    "b.txt": "常德经济技术开发区重点发展电子信息、先进装备制造产业。常德市人民政府与华城电子签署合作协议。",
    "c.txt": "岳阳经开区管委会印发《关于支持园区企业发展的若干措施》。",
}


@pytest.fixture()
def corpus(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _jsonl(result) -> str:
    out = io.StringIO()
    write_records(result.records(), out)
    return out.getvalue()


def test_records_come_documents_then_entities_then_relations_sorted(corpus):
    result = run_extraction([corpus])
    records = list(result.records())
    kinds = [type(r).__name__ for r in records]
    assert kinds == sorted(kinds, key=["Document", "Entity", "Relation"].index)
    for kind in ("Document", "Entity", "Relation"):
        ids = [r.id for r in records if type(r).__name__ == kind]
        assert ids == sorted(ids) and ids
    assert {e.id for e in result.entities} >= {"zone:岳阳经济技术开发区", "enterprise:湖南金霞粮食产业有限公司"}


def test_output_is_identical_for_any_worker_count(corpus):
    assert _jsonl(run_extraction([corpus], workers=1)) == _jsonl(run_extraction([corpus], workers=2))


def test_unreadable_input_is_reported_and_the_run_goes_on(corpus):
    (corpus / "broken.docx").write_bytes(b"this is not a zip archive")
    result = run_extraction([corpus])
    assert len(result.documents) == 3
    assert [e.path for e in result.errors] == [str(corpus / "broken.docx")]


def test_progress_is_reported_per_document(corpus):
    seen = []
    run_extraction([corpus], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_every_relation_points_at_exported_entities_with_evidence(corpus):
    result = run_extraction([corpus])
    ids = {e.id for e in result.entities}
    assert result.relations
    for relation in result.relations:
        assert relation.head in ids and relation.tail in ids
        assert relation.evidence


def test_extraction_is_offline(corpus, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access during extraction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    _pipeline.cache_clear()  # build the pipeline again with the network blocked
    result = run_extraction([corpus])
    assert result.entities


def test_a_document_that_breaks_a_rule_is_reported_and_skipped(corpus, monkeypatch):
    from zonekg.extractors import extract

    original = extract.extract_text

    def fragile(text, doc_id="doc:text", config_path=None):
        if "常德" in text:
            raise ValueError("rule failed")
        return original(text, doc_id, config_path)

    monkeypatch.setattr(extract, "extract_text", fragile)
    result = run_extraction([corpus])
    assert len(result.errors) == 1
    assert "b.txt" in result.errors[0].path and "rule failed" in result.errors[0].problem
    assert "zone:岳阳经济技术开发区" in {e.id for e in result.entities}
