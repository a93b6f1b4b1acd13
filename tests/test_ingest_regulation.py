"""Long regulations (条例) stay one document, with their title and adoption, promulgation or effective date."""

from __future__ import annotations

import pytest

from zonekg.extractors.ingest import load_documents, load_text
from zonekg.extractors.ingest.metadata import find_enacted, is_regulation
from zonekg.schema.errors import InputError

_DIGITS = "零一二三四五六七八九"
ARTICLES = (
    "开发区管理机构应当依法履行经济管理职责,做好规划建设、招商引资和项目服务工作。",
    "县级以上人民政府发展改革、商务、自然资源等部门应当按照各自职责,支持开发区建设发展。",
    "开发区应当推行承诺制、标准地、全程代办等改革措施,优化营商环境。",
    "入驻开发区的企业应当遵守安全生产、生态环境保护等法律法规。",
)
CHAPTERS = ("总则", "管理体制", "规划建设", "产业发展", "服务保障", "法律责任", "附则")


def han(n: int) -> str:
    """Return a number below 1000 in Chinese numerals, as articles are numbered (第一百零二条)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + _DIGITS[rest]) if rest < 10 else ("一" + han(rest) if rest < 20 else han(rest))
    return _DIGITS[n // 100] + "百" + tail


def regulation(head: str, chars: int = 25_000, tail: str = "本条例自2019年1月1日起施行。") -> str:
    """Return a regulation of about ``chars`` characters: ``head`` lines, chapters of numbered articles, ``tail``."""
    lines = [head, ""]
    number = 1
    while sum(map(len, lines)) < chars:
        if number % 15 == 1:
            lines.append(f"第{han(number // 15 + 1)}章 {CHAPTERS[(number // 15) % len(CHAPTERS)]}")
        lines.append(f"第{han(number)}条 {ARTICLES[number % len(ARTICLES)]}")
        number += 1
    lines.append(f"第{han(number)}条 {tail}")
    return "\n".join(lines) + "\n"


ADOPTED = "某某省开发区条例\n(2018年11月29日某某省第十三届人民代表大会常务委员会第七次会议通过)"


def test_a_25000_character_regulation_is_one_document(tmp_path):
    text = regulation(ADOPTED)
    assert len(text) >= 25_000
    path = tmp_path / "条例.txt"
    path.write_text(text, encoding="utf-8")
    docs = list(load_documents([path]))
    assert len(docs) == 1 and not isinstance(docs[0], InputError)
    doc = docs[0]
    assert doc.document.title == "某某省开发区条例"
    assert doc.document.published == "2018-11-29"
    assert doc.text.count("条 ") == text.count("条 ")  # every article is kept
    assert "第一百二十条 " in doc.text and "第二章 管理体制" in doc.text


@pytest.mark.parametrize("head,tail,published", [
    (ADOPTED, "本条例自2019年1月1日起施行。", "2018-11-29"),
    ("某某市工业园区管理条例\n(2016年6月30日某某市第十五届人民代表大会常务委员会第三十次会议通过 "
     "2016年9月22日某某省第十二届人民代表大会常务委员会第二十五次会议批准)", "本条例自2017年1月1日起施行。", "2016-06-30"),
    ("某某市开发区管理办法\n2020年5月8日某某市人民政府令第31号公布", "本办法自2020年7月1日起施行。", "2020-05-08"),
    ("某某自治县工业园区条例", "本条例自2021年3月1日起施行。", "2021-03-01"),
    ("某某省开发区条例\n发布日期:2018-12-03", "本条例自2019年1月1日起施行。", "2018-12-03"),
])
def test_regulation_published_is_the_publish_line_else_adoption_else_effect(head, tail, published):
    (doc,) = load_text(regulation(head, chars=3000, tail=tail), "reg.txt")
    assert doc.document.published == published


@pytest.mark.parametrize("text,title,expected", [
    ("某某省开发区条例\n第一条 为了……", "某某省开发区条例", True),
    ("某某市工业园区管理办法(试行)", "某某市工业园区管理办法(试行)", True),
    ("会议指出\n第一条 要加强\n第二条 要推进\n第三条 要落实", "会议指出", True),
    ("《某某省开发区条例》3月1日起施行\n记者从省人大获悉……", "《某某省开发区条例》3月1日起施行", False),
    ("某某开发区召开项目推进会", "某某开发区召开项目推进会", False),
])
def test_regulations_are_recognised_by_title_or_articles(text, title, expected):
    assert is_regulation(text, title) is expected


def test_a_news_item_about_a_regulation_does_not_take_its_effective_date():
    news = ("《某某省开发区条例》3月1日起施行\n"
            "记者从省人大常委会获悉,《某某省开发区条例》将于2019年3月1日起施行。条例共七章五十条。\n")
    (doc,) = load_text(news, "news.txt")
    assert doc.document.published is None


@pytest.mark.parametrize("text,expected", [
    ("(2018年11月29日某某省第十三届人民代表大会常务委员会第七次会议通过)", "2018-11-29"),
    ("2020年5月8日某某市人民政府令第31号公布", "2020-05-08"),
    ("第五十条 本条例自2019年1月1日起施行。", "2019-01-01"),
    ("第五十条 本办法自２０２０年８月１日起实施。", "2020-08-01"),
    ("第五十条 本条例由省人民政府负责解释。", None),
])
def test_enacted_dates(text, expected):
    assert find_enacted(text) == expected
