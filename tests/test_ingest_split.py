"""Multi-article files split at 第X篇 headings; titles and dates are read from the text."""

from __future__ import annotations

import pytest

from zonekg.extractors.ingest import load_text
from zonekg.extractors.ingest.metadata import find_author, find_origin, find_published, find_title
from zonekg.extractors.ingest.split import chinese_number, split_articles

PARA = "开发区坚持项目带动战略,全年新引进项目15个,完成固定资产投资20亿元。\n"


@pytest.mark.parametrize("token,value", [("一", 1), ("五", 5), ("十", 10), ("十二", 12), ("二十", 20),
                                         ("二十三", 23), ("3", 3), ("一百零五", 105), ("甲", None)])
def test_chinese_numbers(token, value):
    assert chinese_number(token) == value


@pytest.mark.parametrize("text,headings", [
    (f"第一篇:甲开发区经验\n{PARA}第二篇:乙工业园总结\n{PARA}第三篇:丙高新区材料\n{PARA}",
     ["甲开发区经验", "乙工业园总结", "丙高新区材料"]),
    (f"第1篇、招商经验\n{PARA}第2篇、服务经验\n{PARA}", ["招商经验", "服务经验"]),
])
def test_files_with_several_articles_split(text, headings):
    parts = split_articles(text)
    assert [p.heading for p in parts] == headings
    assert "".join(text[p.start:p.end] for p in parts) == text


@pytest.mark.parametrize("text", [
    f"第一篇:只有一篇\n{PARA}",
    f"{PARA}第二部分是园区的配套建设,投资3亿元。\n{PARA}第三部分是人才引进。\n",  # not numbered from 1
    f"第一篇:甲\n{PARA}第三篇:丙\n{PARA}",  # 2 is missing: not a sequence
    f"第一部分 园区概况\n{PARA}第二部分 存在问题\n{PARA}",  # sections of one plan, not articles
])
def test_single_articles_stay_whole(text):
    assert len(split_articles(text)) == 1


def test_a_long_preamble_becomes_its_own_article():
    preamble = PARA * 8
    text = f"{preamble}第一篇:甲\n{PARA}第二篇:乙\n{PARA}"
    parts = split_articles(text)
    assert len(parts) == 3 and parts[0].heading is None and parts[0].end == len(preamble)


@pytest.mark.parametrize("text,date", [
    ("标题\n发布时间:2017-7-27 17:51:09\n正文", "2017-07-27"),
    ("标题\n發布時間:2023-11-10 14:28:00來源: 某某網", "2023-11-10"),
    ("发布日期:2018-09-19", "2018-09-19"),
    ("标题\n发布时间:2021年12月13日发布人:浏览:", "2021-12-13"),
    ("新闻\n标题\n2013\n02/20\n09:04\n\n正文。", "2013-02-20"),
    ("标题\n21.05.2019  14:42\n正文", "2019-05-21"),
    ("标题\n(2015-1-19 14:13:11)  来源:某某县新闻中心", "2015-01-19"),
    ("标题\n2012-09-21 21:37:05 来源:某某日报", "2012-09-21"),
    ("批复\n正文。\n某某省人民政府\n2016年9月6日\n", "2016-09-06"),
    ("标题\n發佈時間:2023-11-10 14:28", "2023-11-10"),
    ("标题\n发布时间：２０２２－０３－１８", "2022-03-18"),  # full-width digits and colon
    ("批复\n正文。\n某某省人民政府\n二〇一六年九月六日\n", "2016-09-06"),
    ("批复\n正文。\n某某市人民政府办公室\n二○二一年十二月二十三日\n", "2021-12-23"),
    ("某某高新区\n某某高新区 2023-05-12 18:00 发表于安徽\n正文。", "2023-05-12"),
    ("标题\n发布时间:2017-2-30", None),  # not a calendar date
    ("2024年10月29日,经审议通过,同意扩区。", None),  # an event date inside a sentence
])
def test_publish_dates(text, date):
    assert find_published(text) == date


@pytest.mark.parametrize("text,title", [
    ("某某经开区经济社会五年发展纪实\n\n发布时间:2017-7-27\n正文。", "某某经开区经济社会五年发展纪实"),
    ("第一篇:大冶经济开发区的建设经验\n借鉴经验", "大冶经济开发区的建设经验"),
    ("原标题:某某经济开发区揭牌\n正文。", "某某经济开发区揭牌"),
    ("2023\n开发区\n工作总结\n开发区工作总结\n正文。", "开发区工作总结"),
    ("冀商办案字[2014]第12号\n对某某省第十二届人民代表大会\n第二次会议第1322号建议的答复\n某某代表:\n",
     "对某某省第十二届人民代表大会第二次会议第1322号建议的答复"),
    ("第二篇:经济开发区“覆盖工程”经验材料\n全面推进“覆盖工程”\n正文。", "经济开发区“覆盖工程”经验材料"),
    ("某某经开区五年发展纪实\n——大手笔实现大跨越\n正文。", "某某经开区五年发展纪实"),
    ("某某经开区召开推进会\n\n发布时间:2017-7-27\n", "某某经开区召开推进会"),
    ("某某市|某某市决定优化工业园区布局\n正文。", "某某市决定优化工业园区布局"),
    ("某某市人民政府文件\n某政发[2021]12号\n关于印发某某经济开发区高质量发展实施方案的通知\n各县(市、区)人民政府:\n",
     "关于印发某某经济开发区高质量发展实施方案的通知"),
    ("某某省人民政府关于同意设立某某高新技术产业开发区的批复\n某某市人民政府:\n",
     "某某省人民政府关于同意设立某某高新技术产业开发区的批复"),
    ("某某县组织代表参观经济技术开发区(图)\n正文。", "某某县组织代表参观经济技术开发区"),
    ("某某高新区签约5个重大项目_某某市人民政府门户网站\n正文。", "某某高新区签约5个重大项目"),
    ("某某园区项目开工 - 某某新闻网\n正文。", "某某园区项目开工"),
    ("2024年10月29日,经兵团行政常务会审议通过,兵团办公厅下发批复,同意某某经济技术开发区扩区。", None),
])
def test_titles(text, title):
    assert find_title(text) == title


@pytest.mark.parametrize("text,origin,author", [
    ("(2015-1-19 14:13:11)  来源:某某县新闻中心 作者:张三  打印本页", "某某县新闻中心", "张三"),
    ("发布时间:2019-02-01 | 来源:某某晚报 | 编辑:李四", "某某晚报", None),
    ("本文来源: 某某市人民政府\n正文。", "某某市人民政府", None),
    ("正文。\n文、图:王五\n", None, "王五"),
])
def test_bylines(text, origin, author):
    assert find_origin(text) == origin
    assert find_author(text) == author


def test_load_text_splits_and_names_the_parts():
    docs = load_text(f"第一篇:甲开发区经验\n{PARA}第二篇:乙工业园总结\n{PARA}", source="collection.txt")
    assert [d.id for d in docs] == ["doc:collection", "doc:collection#1"]
    assert [d.document.title for d in docs] == ["甲开发区经验", "乙工业园总结"]
    assert all(PARA.strip() in d.text for d in docs)
    # Offsets of a later part point into the whole text.
    whole = f"第一篇:甲开发区经验\n{PARA}第二篇:乙工业园总结\n{PARA}"
    start = docs[1].text.index("乙工业园")
    a, b = docs[1].to_source(start, start + 4)
    assert whole[a:b] == "乙工业园"


def test_a_short_collection_title_does_not_name_the_first_article():
    docs = load_text(f"开发区经验材料汇编\n第一篇:甲开发区经验\n{PARA}第二篇:乙工业园总结\n{PARA}")
    assert [d.document.title for d in docs] == ["甲开发区经验", "乙工业园总结"]
    assert docs[0].text.startswith("开发区经验材料汇编")  # the text itself is all kept
