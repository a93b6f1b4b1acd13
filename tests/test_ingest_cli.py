"""``zonekg normalize``: human view, JSON Lines, and bad inputs as one-line warnings."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from zonekg.cli.app import app
from zonekg.schema.records import Document

TEXT = ("某某经济开发区举行重点项目集中签约仪式\n发布时间:2022-03-18 09:30\n"
        "3月18日,某某经济开发区举行重点项目集中签约仪式,共签约项目12个,总投资56亿元。\n上一篇:没有了\n")


def _corpus(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_json_lines_are_document_records_with_text(tmp_path):
    result = CliRunner().invoke(app, ["normalize", "--json", str(_corpus(tmp_path))])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    doc = Document.from_json(obj)
    assert doc.id == "doc:a" and doc.published == "2022-03-18"
    assert doc.title == "某某经济开发区举行重点项目集中签约仪式"
    assert doc.chars == len(obj["text"]) and "上一篇" not in obj["text"]
    assert "empty.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_human_view_shows_metadata_and_text(tmp_path):
    result = CliRunner().invoke(app, ["normalize", str(_corpus(tmp_path) / "a.txt")])
    assert result.exit_code == 0
    assert "doc:a" in result.stdout and "2022-03-18" in result.stdout
    assert "共签约项目12个" in result.stdout


def test_exit_status_is_1_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["normalize", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 2 and "empty.txt" in warnings[0] and "missing.txt" in warnings[1]
