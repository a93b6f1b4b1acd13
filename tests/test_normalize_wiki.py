"""MediaWiki markup: headings, links, templates, infoboxes, references, tables, files and categories."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zonekg.extractors.normalize import WIKI_STEPS, Step, normalize_text
from zonekg.extractors.normalize.script import to_simplified
from zonekg.extractors.normalize.width import FOLD


def wiki(raw: str) -> str:
    return normalize_text(raw, [Step.WIKI]).text


@pytest.mark.parametrize("raw,expected", [
    ("== 历史沿革 ==", "历史沿革"),
    ("=== 主导产业 ===", "主导产业"),
    ("'''桃源高新区'''位于县城东部。", "桃源高新区位于县城东部。"),
    ("园区属''省级''开发区。", "园区属省级开发区。"),
    ("地处[[湘江]]东岸。", "地处湘江东岸。"),
    ("由[[湖南省人民政府|省政府]]批准设立。", "由省政府批准设立。"),
    ("隶属[[某某县|]]管辖。", "隶属某某县管辖。"),
    ("详见[http://www.example.gov.cn/a.html 管委会网站]。", "详见管委会网站。"),
    ("参见[http://www.example.gov.cn/b.html]。", "参见。"),
    ("园区成立于1992年。<ref>某某县志,2001年</ref>", "园区成立于1992年。"),
    ('园区面积12平方公里。<ref name="gov" />', "园区面积12平方公里。"),
    ('入驻企业86家。<ref name="n1">{{cite web|url=http://a.cn|title=简介}}</ref>', "入驻企业86家。"),
    ("[[File:Park gate.jpg|thumb|园区[[大门]]]]园区大门朝南。", "园区大门朝南。"),
    ("[[文件:园区鸟瞰.png|缩略图|鸟瞰]]园区鸟瞰。", "园区鸟瞰。"),
    ("园区概况。\n[[Category:湖南省开发区]]\n[[分类:某某县]]", "园区概况。\n\n"),
    ("主任{{lang|en|Director}}一名。", "主任一名。"),
    ("园区<ref>未写完\n园区面积8平方公里。<ref>县志</ref>", "园区未写完\n园区面积8平方公里。"),
    ("园区<!-- 待核实 -->面积约12平方公里。", "园区面积约12平方公里。"),
    ("* 新材料产业\n* 电子信息产业", "新材料产业\n电子信息产业"),
    ("# 第一批入园企业", "第一批入园企业"),
    ("总投资&nbsp;5亿元", "总投资 5亿元"),
    ("由{{link-en|某某产业园|Mouxx Industrial Park}}负责运营。", "由某某产业园负责运营。"),
    ("合作方为{{tsl|en|Some Park|某某科技园}}。", "合作方为某某科技园。"),
    ("-{zh-hans:开发区;zh-hant:開發區}-管委会", "开发区管委会"),
    ("-{A|zh-cn:软件;zh-tw:軟體}-产业园", "软件产业园"),
    ("-{某某}-公司", "某某公司"),
    ("-{H|zh-cn:鼠标;zh-tw:滑鼠}-园区概况", "园区概况"),
    ("== 历史 ==\n1992年设立。\n== 参考文献 ==\n{{reflist}}\n== 外部链接 ==\n* [http://a.cn 官网]\n",
     "历史\n1992年设立。\n"),
    ("== 参见 ==\n* [[某某高新区]]\n== 产业 ==\n装备制造。", "产业\n装备制造。"),
])
def test_markup_goes_and_words_stay(raw, expected):
    assert wiki(raw) == expected


INFOBOX = (
    "{{Infobox 开发区\n"
    "| 名称 = 桃源高新技术产业开发区\n"
    "| 图像 = Taoyuan park.jpg\n"
    "| 所在地 = [[湖南省]][[桃源县]]\n"
    "| 成立时间 = 2006年{{refn|据县志}}\n"
    "| 管理机构 = 桃源高新区管委会<ref>县政府网</ref>\n"
    "| 面积 = \n"
    "}}\n"
    "'''桃源高新区'''是省级高新区。"
)


@pytest.mark.parametrize("line", [
    "名称:桃源高新技术产业开发区",
    "所在地:湖南省桃源县",
    "成立时间:2006年",
    "管理机构:桃源高新区管委会",
    "桃源高新区是省级高新区。",
])
def test_infobox_parameters_become_key_value_lines(line):
    assert line in wiki(INFOBOX).splitlines()


@pytest.mark.parametrize("gone", ["图像", "Taoyuan park.jpg", "面积", "{{", "}}", "|", "refn", "县政府网"])
def test_infobox_images_empty_values_and_markup_go(gone):
    assert gone not in wiki(INFOBOX)


def test_single_line_infobox_gives_one_line_per_parameter():
    raw = "{{Infobox 园区|名称=某某工业园\n|所在地=某某市|批准时间=2010年}}"
    assert wiki(raw).splitlines() == ["名称:某某工业园", "所在地:某某市", "批准时间:2010年"]


TABLE = (
    '{| class="wikitable"\n'
    "|+ 主要经济指标\n"
    "|-\n"
    "! 年份 !! 工业产值 !! 税收\n"
    "|-\n"
    "| 2020 || 120亿元 || 6亿元\n"
    "|-\n"
    '| style="text-align:center" | 2021\n'
    "| 150亿元\n"
    "| 8亿元\n"
    "|}\n"
    "园区稳步发展。"
)


def test_table_rows_become_tab_separated_lines():
    assert wiki(TABLE).splitlines() == ["主要经济指标", "年份\t工业产值\t税收", "2020\t120亿元\t6亿元",
                                         "2021\t150亿元\t8亿元", "园区稳步发展。"]


@pytest.mark.parametrize("word", ["桃源高新技术产业开发区", "湖南省", "桃源县", "2006年", "桃源高新区管委会"])
def test_infobox_values_map_back_to_their_raw_characters(word):
    result = normalize_text(INFOBOX, WIKI_STEPS)
    start = result.text.index(word)
    a, b = result.to_raw(start, start + len(word))
    assert INFOBOX[a:b] == word


@pytest.mark.parametrize("word", ["120亿元", "150亿元", "主要经济指标"])
def test_table_cells_map_back_to_their_raw_characters(word):
    result = normalize_text(TABLE, WIKI_STEPS)
    start = result.text.index(word)
    a, b = result.to_raw(start, start + len(word))
    assert TABLE[a:b] == word


def test_written_characters_map_back_to_the_markup_they_replace():
    raw = "{{Infobox 园区\n| 名称 = 某某工业园\n| 面积 = 8平方公里\n}}"
    result = normalize_text(raw, [Step.WIKI])
    colon = result.text.index(":")
    a, b = result.to_raw(colon, colon + 1)
    assert raw[a:b].strip() == "="


PIECES = ["[[", "]]", "{{", "}}", "|", "||", "!!", "'''", "''", "== ", " ==", "<ref>", "</ref>", "<ref name=a/>",
          "{|", "|}", "|-", "|+", "=", "\n", "永州", "开发区", "經濟", "File:", "分类:", "<br />", "&nbsp;",
          "[http://a.cn 网站]", "* ", "# ", ":", " ", "<!--", "-->", "Infobox", "名称"]


@settings(max_examples=200, deadline=None)
@given(raw=st.lists(st.sampled_from(PIECES), max_size=50).map("".join))
def test_wiki_pipeline_maps_every_character_back_in_order(raw):
    result = normalize_text(raw, WIKI_STEPS)
    previous_end = 0
    for i, ch in enumerate(result.text):
        a, b = result.to_raw(i, i + 1)
        assert 0 <= a < b <= len(raw) and a >= previous_end, (i, a, b)
        previous_end = b
        piece = raw[a:b]
        assert ch in piece or ch in to_simplified(piece).translate(FOLD) or ch in ":\t\n " or piece.startswith("&")
