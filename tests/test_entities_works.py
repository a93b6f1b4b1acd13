"""Public works as projects: roads, bridges and 工程 where the text builds or finishes them."""

from __future__ import annotations

import pytest

from zonekg.extractors.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _projects(nlp, text: str) -> set[str]:
    return {e.text for e in nlp(text).ents if e.label_ == "Project"}


WORKS = [
    ("今年投入90万元建设光明一路A段,园区道路网络进一步完善。", "光明一路A段"),
    ("开发区修筑了桃源河路和石门路,拉开了新城骨架。", "桃源河路"),
    ("开发区修筑了桃源河路和石门路,拉开了新城骨架。", "石门路"),
    ("园区筹资2000万元建设沙河大桥,打通了向北发展的通道。", "沙河大桥"),
    ("18号道路延伸段完成路基碾压,年底通车。", "18号道路延伸段"),
    ("东湖港综合整治一期疏浚工程已经完成。", "东湖港综合整治一期疏浚工程"),
    ("项目中,茶叶二期工程完成基地建设2000亩。", "茶叶二期工程"),
    ("三横三纵工程相继完工,园区面貌明显改善。", "三横三纵工程"),
]


@pytest.mark.parametrize("text,expected", WORKS)
def test_works_are_projects(nlp, text, expected):
    assert expected in _projects(nlp, text)


NOT_WORKS = [
    "公司地址位于建设路18号。",                      # an address, nothing is built
    "园区加快道路建设,铁路建成通车。",                # common nouns: 道路, 铁路
    "一批供电、供水工程也相继开工建设。",              # works of a kind, no name
    "深入实施“覆盖工程”,提高党建水平。",              # a quoted campaign
    "开展绿化美化亮化工程,使园区成为新亮点。",          # a slogan, neither phase nor works predicate
    "投入资金硬化进场道路300米。",                    # the kind of road, not its name
]


@pytest.mark.parametrize("text", NOT_WORKS)
def test_common_works_are_not_projects(nlp, text):
    assert _projects(nlp, text) == set()


PROJECTS = [
    # a city's name (宝鸡, 银川) makes the stem proper, though the dictionary tags it a common noun
    ("随后参观了宝鸡卷烟厂技改扩能项目、宝鸡红星机床产业园项目等一批园区重点企业。", "宝鸡卷烟厂技改扩能项目"),
    ("随后参观了宝鸡卷烟厂技改扩能项目、宝鸡红星机床产业园项目等一批园区重点企业。", "宝鸡红星机床产业园项目"),
    ("银川机床产业园项目开工。", "银川机床产业园项目"),
    # a phase of a park is a project whose name reaches over the park's name
    ("南平华芯智能制造产业园一期项目月底交付。", "南平华芯智能制造产业园一期项目"),
    # a group of projects, and a fixed phrase (红木家具) as the head of the name
    ("园区率先开展锂电全产业链制造项目群建设。", "锂电全产业链制造项目群"),
    ("其中新建2个,金兰红木家具项目已建成投产。", "金兰红木家具项目"),
    # a firm's phase named by the firm alone, and a firm opening a project's name
    ("凯迪大门场地平整开工,兴达香料二期场平完工。", "兴达香料二期"),
    ("兴达香料二期项目开工。", "兴达香料二期项目"),
    # the verb of the clause ends a project named after its amount
    ("总投资8亿元的华宁药业、总投资20亿元的青年创业园相继开工。", "青年创业园"),
    # 及 joining two products of one project; the yearly output (and a firm's short name before it) opens it
    ("华宇公司投资30亿元建设年产10万吨锂电池正极材料及前驱体项目。", "年产10万吨锂电池正极材料及前驱体项目"),
    ("开工。\n华粮年产5万吨玉米淀粉及衍生物项目,总投资6亿元。", "华粮年产5万吨玉米淀粉及衍生物项目"),
    # a park or base built as one investment is a project named by what it holds; the verb is not in it
    ("华东电气公司拟投资10亿元建设智能电网装备产业园项目。", "智能电网装备产业园项目"),
    ("华海船舶公司投资25亿元兴建深海装备智能制造基地项目。", "深海装备智能制造基地项目"),
    ("建设路改造项目开工。", "建设路改造项目"),
    # a generation number (第8.5代) is inside the name
    ("并考察了京东方第8.5代液晶面板项目。", "京东方第8.5代液晶面板项目"),
]


@pytest.mark.parametrize("text", [
    "新型建材二期开工。",          # a kind of business and a phase: no firm is named
    "公司一期投产。",
    "加快推进重点企业及项目建设。",   # 及 right before 项目 joins two kinds, not two products
    "园区道路及管网项目开工。",       # common works on both sides of 及
    "加快建设产业园项目。",           # a bare park word names no project
])
def test_kinds_and_phases_without_a_name_are_no_project(nlp, text):
    assert _projects(nlp, text) == set()


@pytest.mark.parametrize("text,expected", PROJECTS)
def test_named_projects(nlp, text, expected):
    assert expected in _projects(nlp, text)


@pytest.mark.parametrize("text,kinds,named", [
    # lines of business with work words (开发建设, 产业园) in a list of projects are kinds, not names
    ("今年,园区在电子信息开发建设、文旅体育产业园、华星光电产业园等3个项目进行了集中签约。",
     {"电子信息开发建设", "文旅体育产业园", "园区在电子信息开发建设"}, "华星光电产业园"),
])
def test_kinds_of_work_in_project_lists(nlp, text, kinds, named):
    found = _projects(nlp, text)
    assert named in found
    assert not found & kinds
