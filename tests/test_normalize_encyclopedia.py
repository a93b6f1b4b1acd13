"""Encyclopedia pages and law-database pages saved as text: their frame goes, the article and its facts stay."""

from __future__ import annotations

import pytest

from zonekg.extractors.ingest import load_text
from zonekg.extractors.normalize import normalize_text
from zonekg.extractors.normalize.encyclopedia import has_encyclopedia_signature

BAIKE = """某某高新技术产业开发区
同义词 某某高新区一般指某某高新技术产业开发区
这是一个多义词,请在下列义项上选择浏览(共2个义项)
展开2个同名词条
播报
编辑
锁定
讨论
上传视频
某某高新技术产业开发区是经省人民政府批准设立的省级高新区,位于某某县城东部。[1]
中文名
某某高新技术产业开发区
目录
1 历史沿革
2 主导产业
2.1 电子信息
历史沿革
播报
编辑
2006年,某某工业集中区成立。2018年更名为某某高新技术产业开发区。[2-3]
主导产业 播报 编辑
园区重点发展电子信息和食品加工产业,入驻企业有某某电子有限公司等。[4]
参考资料
1.某某高新区简介 .某某县人民政府[引用日期2021-03-01]
2.关于园区更名的批复 .某某省发展改革委[引用日期2021-03-01]
词条统计
浏览次数:3456次
编辑次数:12次历史版本
最近更新: 某某用户 (2022-05-06)
突出贡献者:
有用+1
已投票
收藏
查看我的收藏
"""

WIKIPEDIA = """某某经济技术开发区
维基百科,自由的百科全书
跳到导航 跳到搜索
某某经济技术开发区是位于某某市的国家级经济技术开发区。[1]
历史[编辑]
1992年设立,2010年升级为国家级经济技术开发区。[2]
参考文献
^ 某某市人民政府. 开发区概况. 2020.
^ 商务部公告. 2010.
本页面最后修订于2023年5月1日 (星期一) 08:00。
"""


@pytest.mark.parametrize("page,kept", [
    (BAIKE, "某某高新技术产业开发区是经省人民政府批准设立的省级高新区,位于某某县城东部。"),
    (BAIKE, "2006年,某某工业集中区成立。2018年更名为某某高新技术产业开发区。"),
    (BAIKE, "\n历史沿革\n"),
    (BAIKE, "\n主导产业\n园区重点发展电子信息和食品加工产业,入驻企业有某某电子有限公司等。"),
    (BAIKE, "\n中文名:某某高新技术产业开发区\n"),  # the basic-information pair keeps its label
    (WIKIPEDIA, "某某经济技术开发区是位于某某市的国家级经济技术开发区。"),
    (WIKIPEDIA, "\n历史\n1992年设立,2010年升级为国家级经济技术开发区。"),
])
def test_article_lines_stay(page, kept):
    assert kept in normalize_text(page).text


@pytest.mark.parametrize("page,gone", [
    (BAIKE, "播报"), (BAIKE, "编辑"), (BAIKE, "锁定"), (BAIKE, "上传视频"), (BAIKE, "目录"), (BAIKE, "2.1 电子信息"),
    (BAIKE, "[1]"), (BAIKE, "[2-3]"), (BAIKE, "参考资料"), (BAIKE, "引用日期"), (BAIKE, "词条统计"), (BAIKE, "浏览次数"),
    (BAIKE, "有用+1"), (BAIKE, "收藏"), (BAIKE, "突出贡献者"), (BAIKE, "某某县人民政府"), (BAIKE, "同义词"),
    (BAIKE, "多义词"), (BAIKE, "同名词条"),
    (WIKIPEDIA, "维基百科"), (WIKIPEDIA, "跳到"), (WIKIPEDIA, "[编辑]"), (WIKIPEDIA, "[1]"), (WIKIPEDIA, "参考文献"),
    (WIKIPEDIA, "商务部公告"), (WIKIPEDIA, "本页面最后修订"),
])
def test_encyclopedia_frame_goes(page, gone):
    assert gone not in normalize_text(page).text


@pytest.mark.parametrize("text,expected", [
    ("播报\n编辑\n中文名\n某某工业园\n所属地区\n某某省某某市\n", "中文名:某某工业园\n所属地区:某某省某某市"),
    ("播报\n编辑\n中文名\n外文名\n某某工业园\n", "中文名\n外文名:某某工业园"),  # a field without a value
    ("播报\n编辑\n面积\n园区面积很大。很大。\n", "面积\n园区面积很大。很大。"),  # sentences are not values
    ("中文名\n某某工业园\n", "中文名\n某某工业园"),  # not an encyclopedia page
])
def test_basic_information_pairs_are_joined_on_encyclopedia_pages(text, expected):
    assert normalize_text(text).text == expected


def test_the_article_maps_back_to_its_raw_characters():
    result = normalize_text(BAIKE)
    sentence = "2006年,某某工业集中区成立。"
    start = result.text.index(sentence)
    a, b = result.to_raw(start, start + len(sentence))
    assert BAIKE[a:b] == "2006年,某某工业集中区成立。"


@pytest.mark.parametrize("text", [
    "记者从开发区获悉,园区编辑出版了招商手册。\n责任编辑:张某\n",
    "开发区目录\n一、园区概况\n园区位于县城南部,规划面积8平方公里。",
    "园区[2021]5号文件明确了1[2]个重点项目。",
    "该书第3章收藏了园区历年资料。",
])
def test_news_and_notices_without_the_signature_are_not_encyclopedia_pages(text):
    assert not has_encyclopedia_signature(text)


@pytest.mark.parametrize("text,kept", [
    ("园区[2021]5号文件印发。\n编辑:张某", "园区[2021]5号文件印发。"),
    ("目录\n一、园区概况\n园区位于县城南部。", "目录\n一、园区概况"),
    ("注释\n园区规划面积8平方公里,分两期建设。", "注释\n园区规划面积8平方公里"),
])
def test_ordinary_texts_keep_what_resembles_the_frame(text, kept):
    assert kept in normalize_text(text).text


def test_a_paper_loses_its_reference_list():
    paper = ("开发区产业集聚研究\n摘要:本文以某某经济开发区为例,分析产业集聚的动力机制。\n"
             "园区形成了以装备制造为主导的产业体系,集聚效应明显。\n"
             "参考文献\n[1] 张某. 开发区发展研究[J]. 某某经济, 2010(3).\n[2] 李某. 产业集聚论[M]. 北京: 某某出版社, 2012.\n")
    text = normalize_text(paper).text
    assert "集聚效应明显。" in text and "参考文献" not in text and "张某" not in text and "出版社" not in text


LAW_HEADER = """法规效力:地方性法规\t时效性:现行有效\t发布部门:某某省人大(含常委会)
发文字号:某某省人民代表大会常务委员会公告第15号
某某省开发区条例
(2018年11月29日某某省第十三届人民代表大会常务委员会第七次会议通过)
目  录
第一章 总则
第二章 管理体制
第三章 附则
第一章 总  则
第一条 为了促进开发区高质量发展,根据有关法律、行政法规,结合本省实际,制定本条例。
第二条 本条例适用于本省行政区域内经国务院和省人民政府批准设立的开发区。
"""

BRACKETED_HEADER = """【法规标题】某某市工业园区管理办法
【发布部门】某某市人民政府
【发文字号】某某市人民政府令第21号
【发布日期】2020.06.18
【实施日期】2020.08.01
【时效性】现行有效
【效力级别】地方政府规章
第一条 为了规范工业园区管理,制定本办法。
第二条 本办法所称工业园区,是指经市人民政府批准设立的园区。
第三条 本办法自2020年8月1日起施行。
"""


@pytest.mark.parametrize("page,gone", [
    (LAW_HEADER, "法规效力"), (LAW_HEADER, "时效性"), (LAW_HEADER, "现行有效"), (LAW_HEADER, "地方性法规"),
    (LAW_HEADER, "目 录"), (LAW_HEADER, "第二章 管理体制"), (LAW_HEADER, "第三章 附则"),
    (BRACKETED_HEADER, "时效性"), (BRACKETED_HEADER, "地方政府规章"), (BRACKETED_HEADER, "效力级别"),
])
def test_law_database_status_fields_and_contents_go(page, gone):
    assert gone not in normalize_text(page).text


@pytest.mark.parametrize("page,kept", [
    (LAW_HEADER, "发布部门:某某省人大(含常委会)"),
    (LAW_HEADER, "发文字号:某某省人民代表大会常务委员会公告第15号"),
    (LAW_HEADER, "某某省开发区条例\n(2018年11月29日"),
    (LAW_HEADER, "第一章 总 则\n第一条 为了促进开发区高质量发展"),
    (BRACKETED_HEADER, "[发布部门]某某市人民政府"),
    (BRACKETED_HEADER, "[发布日期]2020.06.18"),
])
def test_issuer_number_and_dates_stay_in_the_text(page, kept):
    assert kept in normalize_text(page).text


@pytest.mark.parametrize("page,title,published,issuer", [
    (LAW_HEADER, "某某省开发区条例", "2018-11-29", "某某省人大(含常委会)"),
    (BRACKETED_HEADER, "某某市工业园区管理办法", "2020-06-18", "某某市人民政府"),
])
def test_law_database_header_gives_title_date_and_issuer(page, title, published, issuer):
    (doc,) = load_text(page, "law.txt")
    assert (doc.document.title, doc.document.published, doc.metadata.get("issuer")) == (title, published, issuer)


def test_status_words_in_a_news_sentence_stay():
    text = "新闻发布会上,记者了解到,该条例具有法律效力,时效性强。\n园区负责人介绍了有关情况。"
    assert normalize_text(text).text == text


SPACED_HEADER = """某某省开发区条例
制定机关 某某省人民代表大会常务委员会
法律性质 地方性法规
公布日期 2018年11月29日
施行日期 2019年01月01日
时效性 有效
第一条 为了促进开发区高质量发展,制定本条例。
第二条 本条例适用于本省行政区域内的开发区。
第三条 本条例自2019年1月1日起施行。
"""


def test_fields_separated_by_spaces_are_read_too():
    (doc,) = load_text(SPACED_HEADER, "law.txt")
    assert (doc.document.title, doc.document.published, doc.metadata.get("issuer")) == (
        "某某省开发区条例", "2018-11-29", "某某省人民代表大会常务委员会")
    assert "法律性质" not in doc.text and "时效性" not in doc.text and "制定机关 某某省人民代表大会常务委员会" in doc.text
