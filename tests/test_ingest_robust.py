"""Documents as users bring them: wrong extensions, legacy files, markup-only pages, odd file names.

Every bad input is one line naming the file; the run goes on with the rest.
"""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from zonekg.cli.app import app
from zonekg.extractors.ingest import load_documents
from zonekg.schema.errors import InputError

TITLE = "某某经济开发区举行重点项目集中签约仪式"
BODY = "3月18日,某某经济开发区举行重点项目集中签约仪式,共签约项目12个,总投资56亿元。"


def _docx_bytes(tmp_path) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(BODY)
    path = tmp_path / "made.docx"
    document.save(path)
    return path.read_bytes()


def _split(items):
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_word_file_saved_as_txt_is_read_as_word(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(_docx_bytes(tmp_path))
    docs, errors = _split(list(load_documents([path])))
    assert not errors, errors
    assert docs[0].document.title == TITLE and BODY in docs[0].text


@pytest.fixture
def bad_inputs(tmp_path):
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n1 0 obj broken beyond repair")
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "templates.txt").write_text("{{Infobox 园区}}\n[[分类:某某县]]\n[[Category:开发区]]\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name,problem", [
    ("scan.txt", "not a readable PDF"),
    ("old.docx", "legacy binary Word"),
    ("old.doc", "not a document format"),
    ("templates.txt", "no article text"),
])
def test_bad_input_is_one_line_naming_the_file_and_the_run_continues(bad_inputs, name, problem):
    docs, errors = _split(list(load_documents([bad_inputs])))
    assert [d.document.title for d in docs] == [TITLE]
    matching = [e for e in errors if e.path.endswith(name)]
    assert len(matching) == 1, errors
    message = str(matching[0])
    assert "\n" not in message and name in message and problem in message


def test_cli_reports_each_bad_file_on_one_line_and_prints_the_good_one(bad_inputs):
    result = CliRunner().invoke(app, ["normalize", "--json", str(bad_inputs)])
    assert result.exit_code == 0
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 4 and all(line.startswith("warning: ") for line in warnings)
    (line,) = result.stdout.strip().splitlines()
    assert json.loads(line)["title"] == TITLE


def test_a_file_name_that_is_not_utf8_is_reported_without_breaking_the_terminal(tmp_path):
    odd = os.fsdecode(b"\xb9\xa4\xd2\xb5\xd4\xb0.txt")  # 工业园 in GBK, undecodable as a UTF-8 name
    try:
        (tmp_path / odd).write_bytes(b"")
    except (OSError, UnicodeEncodeError):
        pytest.fail("the file system refused a byte file name; this test needs a POSIX file system")
    (tmp_path / "good.txt").write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["normalize", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (warning,) = result.stderr.strip().splitlines()
    assert "empty" in warning and "\\udcb9" in warning
    assert TITLE in result.stdout


def test_long_single_line_texts_without_breaks_are_read(tmp_path):
    # A page saved without line breaks: one 30,000-character line.
    path = tmp_path / "oneline.txt"
    path.write_text(BODY * 700, encoding="utf-8")
    docs, errors = _split(list(load_documents([path])))
    assert not errors and len(docs) == 1 and docs[0].text.count("共签约项目12个") == 700


PAGE_SOURCE = (
    "<div class=\"article\"><h1>" + TITLE + "</h1>\n<p>" + BODY + "</p>\n"
    "<p>签约项目涵盖新材料、装备制造等产业。</p>\n<div class=\"editor\">责任编辑:张某</div>\n"
    "<p>园区负责人表示,将全力做好服务保障。</p>\n<p>下一步,园区将加快项目落地。</p></div>\n"
)


def test_page_source_without_its_html_head_is_read_as_html(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(PAGE_SOURCE, encoding="utf-8")
    docs, errors = _split(list(load_documents([path])))
    assert not errors, errors
    assert docs[0].document.title == TITLE and BODY in docs[0].text and "<p>" not in docs[0].text


@pytest.mark.parametrize("text", [
    "园区规划面积<5平方公里>的地块有3块。\n" + BODY,
    "== 概况 ==\n'''某某工业园'''位于县城。<ref>县志</ref><br />\n== 产业 ==\n装备制造。",
])
def test_text_with_a_few_angle_brackets_stays_text(tmp_path, text):
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    docs, errors = _split(list(load_documents([path])))
    assert not errors and docs[0].metadata["encoding"] == "utf-8"
