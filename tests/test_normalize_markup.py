"""Markup detected by content: wiki and Markdown saved as .txt lose their markup, plain text keeps its # and *."""

from __future__ import annotations

import pytest

from zonekg.extractors.ingest import load_documents, load_text
from zonekg.extractors.normalize import Step, normalize_text
from zonekg.extractors.normalize.markup import Markup, detect_markup

WIKI_TEXT = (
    "'''某某经济开发区'''位于[[某某市]]南部,是[[国家级经济技术开发区]]。\n"
    "== 历史沿革 ==\n1993年经省政府批准设立。\n"
    "== 主导产业 ==\n园区重点发展装备制造产业。\n"
)
WIKI_INFOBOX_ONLY = "{{Infobox 园区\n| 名称 = 某某工业园\n| 所在地 = 某某县\n| 面积 = 8平方公里\n}}\n某某工业园位于县城北部。\n"
MARKDOWN_TEXT = (
    "# 某某高新区简介\n\n某某高新区位于市区西部,**规划面积**30平方公里。\n\n"
    "## 主导产业\n\n- 电子信息\n- 生物医药\n- 新材料\n\n详见[管委会网站](http://www.example.gov.cn)。\n"
)
MARKDOWN_TABLE = "## 签约项目\n\n| 项目 | 投资额 |\n| --- | ---: |\n| 新能源电池项目 | 20亿元 |\n| 智能装备项目 | 8亿元 |\n"


@pytest.mark.parametrize("text,expected", [
    (WIKI_TEXT, Markup.WIKI),
    (WIKI_INFOBOX_ONLY, Markup.WIKI),
    ("园区介绍\n[[某某县]]工业园位于[[某某河]]北岸,[[分类:某某县]]", Markup.WIKI),
    (MARKDOWN_TEXT, Markup.MARKDOWN),
    (MARKDOWN_TABLE, Markup.MARKDOWN),
    ("# 一号地块\n# 二号地块\n园区分两期建设。", Markup.MARKDOWN),
    ("某某开发区召开工作会议。会议要求,全年完成投资50亿元。", Markup.PLAIN),
    ("# 号楼位于园区东侧,**为保密项目代号。", Markup.PLAIN),
    ("园区2*3亿元项目开工。\n- 一期工程已完工\n园区A座、B座已投用。", Markup.PLAIN),
    ("《条例》规定:开发区==管委会==负责日常管理。", Markup.PLAIN),
    ("“十四五”期间,园区[2021]5号文件印发实施。", Markup.PLAIN),
    ("> 引自某某日报\n园区产值增长12%。", Markup.PLAIN),
])
def test_markup_is_detected_by_content(text, expected):
    assert detect_markup(text) is expected


@pytest.mark.parametrize("name,text,present,absent", [
    ("wiki.txt", WIKI_TEXT, ["某某经济开发区位于某某市南部,是国家级经济技术开发区。", "历史沿革"], ["[[", "'''", "=="]),
    ("infobox.txt", WIKI_INFOBOX_ONLY, ["名称:某某工业园", "所在地:某某县"], ["{{", "|"]),
    ("notes.txt", MARKDOWN_TEXT, ["某某高新区位于市区西部,规划面积30平方公里。", "电子信息", "详见管委会网站。"],
     ["#", "**", "](", "- "]),
    ("table.txt", MARKDOWN_TABLE, ["项目\t投资额", "新能源电池项目\t20亿元"], ["|", "---"]),
])
def test_txt_files_with_markup_lose_it_through_load_documents(tmp_path, name, text, present, absent):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = list(load_documents([path]))
    assert doc.metadata["markup"] == ("markdown" if name in ("notes.txt", "table.txt") else "wiki")
    for piece in present:
        assert piece in doc.text
    for piece in absent:
        assert piece not in doc.text
    start = doc.text.index(present[0])
    a, b = doc.to_raw(start, start + len(present[0]))
    # The span starts and ends on the raw characters, with the markup between them.
    assert doc.raw[a] == present[0][0] and doc.raw[b - 1] == present[0][-1]


def test_plain_txt_keeps_its_occasional_marks(tmp_path):
    text = "某某开发区新增项目\n# 号楼于3月开工,总投资2*3亿元。\n"
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = list(load_documents([path]))
    assert "# 号楼于3月开工,总投资2*3亿元。" in doc.text


@pytest.mark.parametrize("raw,expected", [
    ("| 企业 | 产值 |\n|---|---|\n| 某某电子 | 5亿元 |\n", "企业\t产值\n某某电子\t5亿元\n"),
    ("企业 | 产值\n:--- | ---:\n某某电子 | 5亿元", "企业\t产值\n某某电子\t5亿元"),
    ("| 企业 | 产值 |\n|---|---|\n| 某某电子 | 5亿元 |\n\n园区概况|简介", "企业\t产值\n某某电子\t5亿元\n\n园区概况|简介"),
])
def test_markdown_table_rows_become_tab_separated_lines(raw, expected):
    assert normalize_text(raw, [Step.MARKDOWN]).text == expected


def test_a_wiki_article_without_a_title_line_is_named_by_its_bolded_subject():
    (doc,) = load_text(WIKI_TEXT, "article.txt")
    assert doc.document.title == "某某经济开发区"
