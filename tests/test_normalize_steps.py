"""Each normalisation step on short sentences in the corpus's style."""

from __future__ import annotations

import pytest

from zonekg.extractors.normalize import Step, normalize_text
from zonekg.extractors.normalize.artifacts import has_roundtrip_signature
from zonekg.extractors.normalize.script import traditional_ratio

ANNOTATED = "來(lái)鳳(fèng)縣(xiàn)經(jīng)濟(jì)開(kāi)發(fā)區(qū)"  # gives the pinyin signature


@pytest.mark.parametrize("raw,expected", [
    ("經(jīng)濟(jì)開(kāi)發(fā)區(qū)", "經濟開發區"),
    ("工業(yè)園(yuán)區(qū)建設(shè)", "工業園區建設"),
    ("綠(lǜ)色", "綠色"),
    ("總(zǒng)投資", "總投資"),
    ("項（xiàng）目", "項目"),
])
def test_toned_pinyin_is_removed(raw, expected):
    assert normalize_text(raw, [Step.PINYIN]).text == expected


@pytest.mark.parametrize("raw", [
    "《被征地農民基本養老保險辦法(試行)》",
    "占地一百公頃(3363畝)",
    "以內容管理系統(cms)為核心",
    "《條例》(2008)第18號",
    "龍鳳產業園(一期)",
    "中粮年产3万吨聚乳酸(PLA)项目",
    "简称(de)公司",  # toneless, but no pinyin signature in this text
])
def test_real_parentheses_are_kept(raw):
    assert normalize_text(ANNOTATED[:0] + raw, [Step.PINYIN]).text == raw


@pytest.mark.parametrize("tail,expected", [
    ("的(de)", "的"),
    ("了(le)", "了"),
    ("們(men)", "們"),
    ("系統(cms)", "系統(cms)"),
    ("(試行)", "(試行)"),
])
def test_toneless_pinyin_goes_only_in_annotated_texts(tail, expected):
    result = normalize_text(ANNOTATED + tail, [Step.PINYIN]).text
    assert result == "來鳳縣經濟開發區" + expected


@pytest.mark.parametrize("tail,expected", [
    ("總?cè)丝?2.4萬人", "總?丝?2.4萬人"),  # the "(" was lost to mojibake
    ("遵照?qǐng)?zhí)行", "遵照??行"),
    ("(Café)", "(Café)"),
])
def test_orphan_annotations_go_in_annotated_texts(tail, expected):
    assert normalize_text(ANNOTATED + tail, [Step.PINYIN]).text == "來鳳縣經濟開發區" + expected


def test_orphan_like_text_stays_in_plain_texts():
    assert normalize_text("總?cè)丝", [Step.PINYIN]).text == "總?cè)丝"


@pytest.mark.parametrize("raw,expected", [
    ("來鳳經濟開發區管委會設在翔鳳鎮", "来凤经济开发区管委会设在翔凤镇"),
    ("發布時間:2023-11-10 來源: 中國新聞網", "发布时间:2023-11-10 来源: 中国新闻网"),
    ("西寧經濟技術開發區南川工業園區", "西宁经济技术开发区南川工业园区"),
])
def test_traditional_text_becomes_simplified(raw, expected):
    assert normalize_text(raw, [Step.SIMPLIFIED]).text == expected


@pytest.mark.parametrize("raw", [
    "永州经开区是湖南省最早一批省级经济技术开发区。",
    "该区著力打造新能源产业,乾坤湾项目总投资10亿元。",  # 著 and 乾 are also Simplified
    "天合光能股份有限公司于2022年与青海省签订协议。",
    "乾县经济开发区位于陕西省咸阳市,於家村工业园区入驻企业12家。",  # t2s would write 干县, 于家村
])
def test_simplified_text_is_left_alone(raw):
    assert traditional_ratio(raw) < 0.03
    assert normalize_text(raw, [Step.SIMPLIFIED]).text == raw


@pytest.mark.parametrize("raw,expected", [
    ("开发区（园区）发展，取得成效：", "开发区(园区)发展,取得成效:"),
    ("安政字〔2015〕43号", "安政字[2015]43号"),
    ("ＡＢＣ公司投资１０亿元", "ABC公司投资10亿元"),
    ("全文。“一区多园”《条例》", "全文。“一区多园”《条例》"),  # Chinese punctuation without ASCII twin stays
])
def test_full_width_folds_to_ascii(raw, expected):
    assert normalize_text(raw, [Step.WIDTH]).text == expected


@pytest.mark.parametrize("raw,expected", [
    ("《意见》(潜政发?2008?18号)", "《意见》(潜政发[2008]18号)"),
    ("鄂体改?2001?127号", "鄂体改[2001]127号"),
    ("冀商办案字?2014?第12号", "冀商办案字[2014]第12号"),
    ("这是为什么?2008年?", "这是为什么?2008年?"),  # a real question mark stays
])
def test_lost_document_number_brackets_are_restored(raw, expected):
    assert normalize_text(raw, [Step.BRACKETS]).text == expected


@pytest.mark.parametrize("raw,expected", [
    ("  第一段。  \n\n\n\n  第二段。", "第一段。\n\n第二段。"),
    ("优化布局  。 我市", "优化布局 。 我市"),
    ("编 辑:王园园", "编 辑:王园园"),
])
def test_whitespace_collapses_but_paragraphs_stay(raw, expected):
    assert normalize_text(raw, [Step.WHITESPACE]).text == expected


ROUNDTRIP = ("我们紧紧围绕开展这一主题,加快企业开展,积极开展招商活动。全年共引进工程个,抓效劳促开展,"
             "加强根底设施建设,实施道路绿化工程,保障人身财产平安。团结带着全区广阔干部群众。"
             "局部工程已开工,储藏工程个,将土地储藏起来。")


@pytest.mark.parametrize("wrong,right", [
    ("围绕开展这一主题", "围绕发展这一主题"),
    ("加快企业开展", "加快企业发展"),
    ("积极开展招商活动", "积极开展招商活动"),  # a real 开展 (activity follows) stays
    ("引进工程个", "引进项目个"),
    ("道路绿化工程", "道路绿化工程"),  # real civil works stay
    ("抓效劳促开展", "抓服务促发展"),
    ("根底设施", "基础设施"),
    ("人身财产平安", "人身财产安全"),
    ("广阔干部群众", "广大干部群众"),
    ("局部工程已开工", "部分项目已开工"),
    ("储藏工程个", "储备项目个"),
    ("将土地储藏起来", "将土地储备起来"),
])
def test_roundtrip_artifacts_are_repaired(wrong, right):
    assert has_roundtrip_signature(ROUNDTRIP)
    result = normalize_text(ROUNDTRIP, [Step.ROUNDTRIP]).text
    start = ROUNDTRIP.index(wrong)
    assert result[start:start + len(wrong)] == right


@pytest.mark.parametrize("clean", [
    "经开区坚持以发展为第一要务,开展招商引资活动,引进项目12个,完善基础设施,做好服务。",
    "该工程由省水利厅组织实施,确保安全度汛,开展专项检查。",
    "永州经开区积极开展“五好”园区创建活动,效果明显。",
])
def test_clean_text_is_untouched_by_roundtrip_repair(clean):
    assert not has_roundtrip_signature(clean)
    assert normalize_text(clean, [Step.ROUNDTRIP]).text == clean


@pytest.mark.parametrize("raw,expected", [
    ("# 某某经济开发区简介", "某某经济开发区简介"),
    ("园区**重点发展**新材料产业。", "园区重点发展新材料产业。"),
    ("详见[批复全文](http://www.example.cn/pf.html)。", "详见批复全文。"),
    ("![园区鸟瞰图](img/a.png)园区鸟瞰", "园区鸟瞰"),
    ("> 引自某某日报", "引自某某日报"),
    ("- 签约项目12个", "签约项目12个"),
    ("总投资2*3亿元", "总投资2*3亿元"),  # a lone asterisk is not emphasis
])
def test_markdown_markup_goes_and_words_stay(raw, expected):
    assert normalize_text(raw, [Step.MARKDOWN]).text == expected


def test_plain_text_keeps_markdown_like_characters():
    raw = "# 号楼位于园区东侧,**为保密项目代号。"
    assert normalize_text(raw).text == raw


def test_throughput_counts_what_it_normalised():
    from zonekg.extractors.normalize.throughput import measure_throughput

    texts = ["來鳳經濟開發區", "永州经开区举行项目集中签约仪式。"]
    result = measure_throughput(texts, rounds=1, repeat=1)
    assert (result.texts, result.chars) == (2, sum(map(len, texts)))
    assert result.cpu_seconds >= 0 and result.wall_seconds > 0


WRAPPED = (
    "某某经济开发区2021年工作总结\n"
    "一、主要成绩\n"
    "今年以来,开发区坚持项目带动战略,全年新签约项目\n"
    "32个,完成固定资产投资56亿元,同比增长12%,规上工\n"
    "业增加值增长9.5%。\n"
    "二、存在问题\n"
    "部分企业生产经营困难,要素保障压力较大,招商引资\n"
    "竞争日趋激烈。\n"
)


@pytest.mark.parametrize("expected", [
    "今年以来,开发区坚持项目带动战略,全年新签约项目32个,完成固定资产投资56亿元,同比增长12%,规上工业增加值增长9.5%。",
    "部分企业生产经营困难,要素保障压力较大,招商引资竞争日趋激烈。",
    "\n二、存在问题\n",  # headings and list items keep their own lines
    "某某经济开发区2021年工作总结\n一、主要成绩\n",
])
def test_pdf_lines_broken_inside_sentences_are_joined(expected):
    assert expected in normalize_text(WRAPPED, [Step.UNWRAP]).text


def test_short_texts_are_not_unwrapped():
    raw = "某某开发区\n签约项目12个\n"
    assert normalize_text(raw, [Step.UNWRAP]).text == raw
