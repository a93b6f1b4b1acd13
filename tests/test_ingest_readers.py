"""Readers: encodings, HTML, DOCX, PDF, directories, and bad inputs reported without stopping the run."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from zonekg.extractors.ingest import load_documents
from zonekg.schema.errors import InputError

SENTENCE = "來鳳經濟開發區位于翔鳳鎮,規劃面積12平方公里。"
SIMPLIFIED = "来凤经济开发区位于翔凤镇,规划面积12平方公里。"
TITLE = "某某经济开发区举行项目集中签约仪式"
BODY = "3月18日,某某经济开发区举行重点项目集中签约仪式,共签约项目12个,总投资56亿元,涵盖新材料、装备制造等产业。"


def _split(items):
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


ENCODED = [
    ("utf-8", SENTENCE.encode("utf-8")),
    ("utf-8 with BOM", codecs.BOM_UTF8 + SENTENCE.encode("utf-8")),
    ("gb18030", SENTENCE.encode("gb18030")),
    ("big5", SENTENCE.encode("big5")),
    ("utf-16", SENTENCE.encode("utf-16")),
    ("utf-16-le without BOM", SENTENCE.encode("utf-16-le")),
    ("utf-16-be without BOM", SENTENCE.encode("utf-16-be")),
]


@pytest.mark.parametrize("encoding,data", ENCODED, ids=[e for e, _ in ENCODED])
def test_text_encodings_are_detected(tmp_path, encoding, data):
    path = tmp_path / "d.txt"
    path.write_bytes(data * 3)
    docs, errors = _split(list(load_documents([path])))
    assert not errors, errors
    assert docs[0].text.startswith(SIMPLIFIED)
    assert docs[0].document.sha256 == hashlib.sha256(data * 3).hexdigest()


def test_gbk_simplified_text(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes((TITLE + "\n" + BODY).encode("gbk"))
    docs, errors = _split(list(load_documents([path])))
    assert not errors and docs[0].document.title == TITLE and BODY in docs[0].text


def test_html_main_content_title_and_date(tmp_path):
    html = f"""<html><head><title>{TITLE}</title>
    <meta property="article:published_time" content="2021-03-18"></head><body>
    <div class="nav"><a href="/">首页</a> &gt; <a href="/news">园区动态</a></div>
    <article><h1>{TITLE}</h1><p>{BODY}</p><p>{BODY.replace('12个', '8个')}</p></article>
    <div class="footer">版权所有 某某市人民政府 备案号:京ICP备000000号</div></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    docs, errors = _split(list(load_documents([path])))
    assert not errors, errors
    doc = docs[0]
    assert doc.document.title == TITLE
    assert doc.document.published == "2021-03-18"
    assert BODY in doc.text and "版权所有" not in doc.text


@pytest.mark.parametrize("charset,codec", [("gb2312", "gb18030"), ("big5", "big5"), ("utf-8", "utf-8")])
def test_html_declared_charset_is_used(tmp_path, charset, codec):
    traditional = codec == "big5"
    body = "來鳳經濟開發區規劃面積12平方公里,重點發展新材料產業。" if traditional else BODY
    title = "來鳳經濟開發區簡介" if traditional else TITLE
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{title}</title></head><body><article><p>{body}</p></article></body></html>")
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode(codec))
    (doc,) = list(load_documents([path]))
    assert doc.metadata["encoding"] == f"html/{codec}"
    assert ("来凤经济开发区规划面积12平方公里" if traditional else BODY) in doc.text


def test_a_web_page_saved_as_txt_is_read_as_html(tmp_path):
    html = (f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><div>首页 &gt; 新闻</div>"
            f"<article><h1>{TITLE}</h1><p>{BODY}</p></article></body></html>")
    path = tmp_path / "saved.txt"
    path.write_text(html, encoding="gb18030")
    (doc,) = list(load_documents([path]))
    assert BODY in doc.text and "<" not in doc.text


def test_docx_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("发布日期:2018-09-19")
    document.add_paragraph(BODY)
    table = document.add_table(rows=2, cols=2)
    for r, (name, amount) in enumerate([("项目名称", "总投资"), ("新材料产业园", "10亿元")]):
        table.cell(r, 0).text, table.cell(r, 1).text = name, amount
    document.add_paragraph("以上项目均已开工建设。")
    path = tmp_path / "report.docx"
    document.save(path)
    docs, errors = _split(list(load_documents([path])))
    assert not errors, errors
    assert docs[0].document.title == TITLE and docs[0].document.published == "2018-09-19"
    assert BODY in docs[0].text
    # Table rows stay where they were, between the paragraphs around them.
    assert docs[0].text.index("新材料产业园\t10亿元") < docs[0].text.index("以上项目均已开工建设")


def _minimal_pdf(text: str) -> bytes:
    """Return a one-page PDF whose text layer holds ``text`` (ASCII, Helvetica)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_minimal_pdf("Tianjin Economic-Technological Development Area report 2020"))
    docs, errors = _split(list(load_documents([path])))
    assert not errors, errors
    assert "Tianjin Economic-Technological Development Area" in docs[0].text


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    """A folder of bad inputs (made once: one of them is 50 MB) and one good file."""
    tmp_path = tmp_path_factory.mktemp("bad")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "script.html").write_text(
        "<html><head><script>var a = 1; function f() { return a; }</script></head>"
        "<body><script>document.write('x');</script></body></html>", encoding="utf-8")
    (tmp_path / "notes.tsv").write_text("id\turl\n", encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        line = (BODY + "\n").encode("utf-8")
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    (tmp_path / "good.txt").write_text(TITLE + "\n" + BODY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name,problem", [
    ("empty.txt", "empty"),
    ("binary.txt", "binary"),
    ("script.html", "no readable main content"),
    ("notes.tsv", "not a document format"),
    ("broken.docx", "not a readable .docx"),
    ("huge.txt", "MB limit"),
])
def test_bad_input_is_one_line_naming_the_file_and_the_run_continues(bad_inputs, name, problem):
    items = list(load_documents([bad_inputs]))
    docs, errors = _split(items)
    assert [d.document.title for d in docs] == [TITLE]  # the good file still comes through
    matching = [e for e in errors if e.path.endswith(name)]
    assert len(matching) == 1, errors
    message = str(matching[0])
    assert "\n" not in message and name in message and problem in message


def test_truncated_gbk_still_reads(tmp_path):
    data = (TITLE + "\n" + BODY).encode("gbk")
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-1])  # the last character is cut in half
    docs, errors = _split(list(load_documents([path])))
    assert not errors, errors
    assert docs[0].document.title == TITLE


def test_missing_path_is_reported(tmp_path):
    items = list(load_documents([tmp_path / "nope.txt"]))
    assert len(items) == 1 and isinstance(items[0], InputError) and "nope.txt" in str(items[0])


def test_directory_walk_is_sorted_and_recursive(tmp_path):
    for rel in ("b/2.txt", "a/1.txt", "a/z/3.md", "0.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{TITLE}{rel}\n{BODY}", encoding="utf-8")
    ids = [d.id for d in load_documents([tmp_path]) if not isinstance(d, InputError)]
    assert ids == ["doc:0", "doc:1", "doc:3", "doc:2"]


def test_markdown_file_loses_its_markup(tmp_path):
    path = tmp_path / "news.md"
    path.write_text(f"# {TITLE}\n\n**{BODY}**\n\n[原文链接](http://www.example.cn/a.html)\n", encoding="utf-8")
    (doc,) = list(load_documents([path]))
    assert doc.document.title == TITLE
    assert BODY in doc.text and "**" not in doc.text and "http" not in doc.text
    start = doc.text.index(BODY)
    a, b = doc.to_raw(start, start + len(BODY))
    assert doc.raw[a:b] == BODY
