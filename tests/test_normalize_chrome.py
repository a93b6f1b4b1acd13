"""Web chrome, ads and download notices go; the article's own lines stay."""

from __future__ import annotations

import pytest

from zonekg.extractors.normalize import Step, normalize_text

ARTICLE = (
    "某某高新区召开重点项目推进会\n"
    "发布时间:2020-05-06 10:12:00\n"
    "5月6日,某某高新区召开重点项目推进会,通报一季度全区项目建设进展情况,部署下阶段重点工作。\n"
    "会议指出,今年以来全区新开工项目26个,完成固定资产投资41亿元,同比增长12%。\n"
)

CHROME = "chrome"
KEEP = "keep"


def _clean(text: str) -> str:
    return normalize_text(text, [Step.CHROME, Step.WHITESPACE, Step.EDGES]).text


def _cleaned_with(position: str, line: str) -> str:
    """Return the article cleaned with ``line`` above it (head) or below it (tail)."""
    return _clean(f"{line}\n{ARTICLE}" if position == "head" else f"{ARTICLE}{line}\n")


@pytest.mark.parametrize("position,line", [
    ("head", "您当前的位置:首页 > 新闻中心 > 园区动态"),
    ("head", "首页 | 机构概况 | 政务公开 | 招商引资"),
    ("head", "园区概况 招商引资 政务公开 投资环境 联系方式"),
    ("head", "【字体:大 中 小】"),
    ("head", "【大 中 小】"),
    ("head", "收录于合集 #园区动态 12个"),
    ("head", "点击蓝字 关注我们"),
    ("tail", "点在看"),
    ("head", "无障碍 | 长者模式 | English"),
    ("head", "某某市人民政府门户网站"),
    ("head", "欢迎访问某某市投资促进网!"),
    ("head", "ENGLISH VERSION"),
    ("head", "温馨提示:本文档由用户上传,版权归属用户,下载前请仔细阅读,如有疑问请联系网站客服。"),
    ("tail", "上一篇:市领导调研园区建设"),
    ("tail", "下一篇:没有了"),
    ("tail", "版权所有:某某市人民政府办公室 备案号:京ICP备12345678号"),
    ("tail", "免责声明:本网转载信息仅代表作者观点,不代表本站立场。"),
    ("tail", "扫一扫在手机打开当前页"),
    ("tail", "免责声明:本文为某某网用户自行上传并发布,仅代表该用户观点,本网仅提供信息存储空间服务,如有侵权请联系删除。"),
    ("tail", "上海哪家医院治疗牛皮癣好"),
    ("tail", "转载请注明:http://www.example.com/news/65.html"),
    ("tail", "【打印本页】【关闭窗口】"),
    ("tail", "第3页 共8页"),
])
def test_chrome_line_is_removed(position, line):
    cleaned = _cleaned_with(position, line)
    assert line not in cleaned
    assert "会议指出,今年以来全区新开工项目26个" in cleaned


@pytest.mark.parametrize("line", [
    "某某高新区召开重点项目推进会",  # the title
    "5月6日,某某高新区召开重点项目推进会,通报一季度全区项目建设进展情况,部署下阶段重点工作。",
])
def test_article_lines_stay(line):
    assert line in _clean(ARTICLE)


@pytest.mark.parametrize("line", [
    "市人民医院整体搬迁项目落户园区,总投资8亿元,建成后将新增床位1200张,进一步完善园区配套服务功能。",
    "园区下载安装了企业服务平台,为入驻企业提供一站式政务服务,全年累计办理事项3200余件。",
    "某某县人民政府",
    "2016年9月6日",
    "公司注册资本1亿元。",
    "本次推介会由省商务厅主办。",
    "园区医院、学校等配套已建成,人民医院新院区和中医医院康复中心项目加快推进,医院床位增至2000张,治疗能力明显提升。",
    "企业可在线注册、登录政务平台下载申报文档,投诉举报渠道畅通,搜索办事指南更便捷,平台累计服务企业1200家。",
    "一、园区基本情况",
])
def test_content_lines_mentioning_site_words_stay(line):
    text = ARTICLE + line + "\n"
    assert line in _clean(text)


@pytest.mark.parametrize("position,line", [
    ("head", "发布时间:2021-03-02 09:15 | 来源:某某日报 | 编辑:罗小明 | 责编:付丽"),
    ("head", "(2017-6-19 10:20:05) 来源:某某县融媒体中心 作者:鲁长青 打印本页"),
    ("head", "园区企业生产车间一角。某某晚报记者 施文涛 摄"),
    ("tail", "责任编辑:李某某"),
    ("tail", "编辑: 葛雯 标签:"),
    ("tail", "(记者 邱海 通讯员 詹明远)"),
    ("tail", "审 核:韩立东 终 审:苏明"),
])
def test_credits_naming_an_outlet_or_a_writer_stay(position, line):
    # Names in credits are the article's own (who reported it, which outlet carried it).
    cleaned = _cleaned_with(position, line)
    assert line in cleaned
    assert "会议指出,今年以来全区新开工项目26个" in cleaned


def test_a_photo_credit_is_not_the_title():
    from zonekg.extractors.ingest.metadata import find_title

    assert find_title("园区企业生产车间一角。某某晚报记者 施文涛 摄\n" + ARTICLE) == "某某高新区召开重点项目推进会"


def test_a_related_links_list_after_the_article_is_removed():
    links = ("相关新闻:\n- 省政府批准设立某某经济开发区(2023-07-16 08:11:47)\n"
             "- 某某两个开发区上榜先进制造业百强园区(2023-07-18 10:00:00)\n")
    cleaned = _clean(ARTICLE + links)
    assert "上榜" not in cleaned and "相关新闻" not in cleaned


def test_an_inline_plug_inside_a_paragraph_is_removed():
    text = ARTICLE + "招商体制的(更多精彩文章来自“某某文库”)变化,改变了过去的局面。\n"
    cleaned = _clean(text)
    assert "招商体制的变化,改变了过去的局面。" in cleaned


def test_cover_page_fragments_of_the_title_go_but_the_title_stays():
    text = "开发区\n工作总结\n开发区工作总结\n" + ARTICLE.split("\n", 1)[1]
    cleaned = _clean(text)
    assert cleaned.startswith("开发区工作总结\n")


def test_a_bare_headline_list_after_the_article_is_removed():
    links = "市长调研园区重点项目建设情况\n某某高新区入选国家级名单\n二季度经济运行情况新闻发布会召开\n"
    cleaned = _clean(ARTICLE + links)
    assert "入选国家级名单" not in cleaned and "会议指出" in cleaned


def test_a_signature_after_the_article_stays():
    signature = "某某市人民政府办公室\n2016年9月6日\n"
    cleaned = _clean(ARTICLE + signature)
    assert cleaned.endswith("某某市人民政府办公室\n2016年9月6日")


def test_a_numbered_notice_block_is_removed():
    notice = ("温馨提示:\n1. 部分文件预览时可能显示异常,下载后无此问题,请放心下载。\n"
              "2. 本文档由用户上传,如有争议请联系网站客服。\n")
    cleaned = _clean(notice + ARTICLE)
    assert "温馨提示" not in cleaned and "下载" not in cleaned and "上传" not in cleaned
    assert cleaned.startswith("某某高新区召开重点项目推进会")


def test_a_link_list_inside_the_page_goes_with_its_header():
    middle = "相关阅读\n某某高新区一季度经济运行稳中向好\n市领导调研高新区重点项目\n"
    lines = ARTICLE.splitlines(keepends=True)
    cleaned = _clean("".join(lines[:3]) + middle + "".join(lines[3:]))
    assert "相关阅读" not in cleaned and "稳中向好" not in cleaned
    assert "会议指出,今年以来全区新开工项目26个" in cleaned


@pytest.mark.parametrize("heading", ["相关政策解读的主要内容", "推荐企业名单如下:"])
def test_a_heading_that_starts_like_a_list_header_stays(heading):
    assert heading in _clean(ARTICLE + heading + "\n" + ARTICLE.splitlines()[2] + "\n")
