"""Span boundaries on constructions that look like names but are not (adjective chains, verbs, plural zones)."""

from __future__ import annotations

import pytest

from zonekg.extractors.extract import extract_text
from zonekg.extractors.pipeline import build_pipeline
from zonekg.extractors.resolve import merge_documents


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


NOT_NAMED = [
    # an adjective word (…型, …性) before a zone suffix describes the park's kind
    ("园区定位为生态型、科技型现代化工工业园区。", "Zone"),
    ("规划建设一个综合性物流产业园。", "Zone"),
    # a province followed by a generic suffix means the province's zones (inside a title too)
    ("来凤县按照《湖北省经济技术开发区条例》设立管委会。", "Zone"),
    ("依据《江西省高新区管理办法》执行。", "Zone"),
    # 办公 after a zone is the verb: the leaders worked on site, no 现场办 exists
    ("市委书记一行到郴州经开区现场办公。", "Organization"),
    ("谈到晶澳光能株洲园区的建设过程。", "Zone"),   # a firm's site in a place
    ("醴陵市园区建设加快推进。", "Zone"),            # a city's parks in general
    # 项目 after a slogan, a kind or a verb of the clause names no project
    ("园区深入实施人才+项目工程。", "Project"),
    ("今年引进世界500强项目2个。", "Project"),
    ("鑫达公司建设新项目,扩大产能。", "Project"),
    ("建立三大产业项目库项目清单。", "Project"),
    # the 任 of an appointment (决定X任…) is a verb: no zone or body name runs over it
    # a level in quotes names a kind of zone (“国家级经济技术开发区”, “省管开发区”)
    ("网站链接“国家级经济技术开发区”栏目。", "Zone"),
    ("同意设立,确定为“省管开发区”。", "Zone"),
    ("园区分为东西两个区块,加强各区块建设。", "Zone"),
    ("推进高新区核心园区建设。", "Zone"),      # a common word before 园区 after a zone word names no park
    # dates and a bare 公司 twice make no firm
    ("今年公司三月公司一期项目完工。", "Enterprise"),
    # a figure opening a listed project is no investor's name
    ("长泰机器人产业园、20000辆专用车迁建、通用机械等3个项目签约。", "Enterprise"),
    ("市委决定王建新任工业园区管委会主任。", "Zone"),
    ("县委决定周海涛任高新区党工委书记。", "Zone"),
]


APPOINTED = [
    ("市委决定王建新任工业园区管委会主任。", {("王建新", "Person"), ("工业园区管委会", "Organization")}),
    ("县委决定由刘强任开发区管委会副主任。", {("刘强", "Person"), ("开发区管委会", "Organization")}),
    ("县委决定周海涛任高新区党工委书记。", {("周海涛", "Person"), ("高新区党工委", "Organization")}),
]


@pytest.mark.parametrize("text,expected", APPOINTED)
def test_appointment_splits_person_and_body(nlp, text, expected):
    found = {(e.text, e.label_) for e in nlp(text).ents}
    assert expected <= found
    assert not any("任" in name and label != "Person" for name, label in found)


@pytest.mark.parametrize("text,label", NOT_NAMED)
def test_construction_is_not_a_name(nlp, text, label):
    named = [e.text for e in nlp(text).ents if e.label_ == label and e.kb_id_ != "generic"]
    assert named == []


STILL_NAMED = [
    ("市长一行到郴州经开区现场办公。", ("郴州经开区", "Zone")),
    ("县政府办公室印发通知。", ("县政府办公室", "Organization")),
    ("株洲市经济技术开发区举行签约仪式。", ("株洲市经济技术开发区", "Zone")),
    ("会议在吉安现代物流产业园召开。", ("吉安现代物流产业园", "Zone")),
    ("积极申报鑫达光伏电站项目,争取补助。", ("鑫达光伏电站项目", "Project")),
    ("二十九团草湖镇产业园区规划面积1.2平方公里。", ("二十九团草湖镇产业园区", "Zone")),
    ("该区原名株洲经济开发区。", ("株洲经济开发区", "Zone")),
    ("适用于开发区下辖的东湘潭智能装备产业园内的企业。", ("东湘潭智能装备产业园", "Zone")),
    ("高新区下辖茶陵园区和炎陵园区。", ("茶陵园区", "Zone")),
    ("樟树高新区前身为1992年设立的樟树市城南工业小区。", ("樟树市城南工业小区", "Zone")),
    # a park named by its line of business: the industry's own words (制造, 服务) are no verbs to cut at
    ("开发区下辖青阳智能制造产业园和青阳现代服务业产业园两个园区。", ("青阳智能制造产业园", "Zone")),
    ("开发区下辖青阳智能制造产业园和青阳现代服务业产业园两个园区。", ("青阳现代服务业产业园", "Zone")),
    # a park named right after its zone by a proper stem and 园区
    ("市长一行调研了青山高新区白石园区。", ("白石园区", "Zone")),
    # 区块: a named block of a zone
    ("白塔区块重点发展生物医药产业。", ("白塔区块", "Zone")),
    # a park named by its line of business right after its zone's name is a name, not a kind
    ("市长在岳阳经开区智能装备产业园调研。", ("智能装备产业园", "Zone")),
    ("市长在岳阳经开区智能装备产业园调研。", ("岳阳经开区", "Zone")),
    # a body's stem stops at a park's name and takes it (the park's own headquarters)
    ("成立“县白沙工业园重点项目工程建设指挥部”,负责征地。", ("白沙工业园重点项目工程建设指挥部", "Organization")),
]


@pytest.mark.parametrize("text,expected", STILL_NAMED)
def test_neighbouring_names_survive(nlp, text, expected):
    assert expected in {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text,expected", [
    ("市政府印发《赣州经济技术开发区管理办法》,自公布之日起施行。", ("Zone", "赣州经济技术开发区")),
    ("印发《九江市商务局关于园区招商的通知》。", ("Organization", "九江市商务局")),
])
def test_names_inside_a_policy_title_are_entities(text, expected):
    entities, _ = merge_documents([extract_text(text, "doc:t")])
    assert expected in {(e.type, e.name) for e in entities}


FIRMS = [
    ("怀化市人民政府与华为战略合作签约仪式举行。", "华为"),
    ("目前,鑫源化工党支部已基本达标。", "鑫源化工"),
    ("鑫源化工、鑫泰电站党支部领导班子健全。", "鑫泰电站"),
    ("入园企业有明达绿色能源、和丰香料、金石钙业等5户。", "明达绿色能源"),
    ("入园企业有明达绿色能源、和丰香料、金石钙业等5户。", "金石钙业"),
    ("四号路(现华泰公司厂址)以西。", "华泰公司"),
    # 和 closing a place inside the name (仁和), a verb of gathering before the firm
    ("园区内已集聚四川仁和制药有限公司等企业。", "四川仁和制药有限公司"),
    # the kind noun and its verb (园区企业有) open a closed list of firms, they are not in the first name
    ("园区企业有华星通讯、宏达建材等企业。", "华星通讯"),
    ("园区内有中石化、中石油等大型企业。", "中石化"),
    # a place, a brand and a sector word standing alone name a firm
    ("组织申报湖北恒达新材料等5家企业申报技术中心。", "湖北恒达新材料"),
    ("江永华岭水泥成功创建省级绿色工厂。", "江永华岭水泥"),
    # 和 closing a proper word inside the name is no conjunction
    ("与市科协、颐和新能源集团有限公司等签约。", "颐和新能源集团有限公司"),
    # an …业 of a brand is a firm, even after an amount of investment
    ("总投资8亿元的华宁药业、总投资20亿元的青年创业园相继开工。", "华宁药业"),
    # a function character closing a proper word (华为) is part of the firm's name
    ("园区管委会与华为技术有限公司签署战略合作协议。", "华为技术有限公司"),
    # after 、 a firm listed with its amount is named whole (three-character brands too)
    ("翔云农产品加工800万元、新美佳家具1850万元、海丰农林5700万元。", "新美佳家具"),
    # brands in quotes leading a line of business are firms
    ("形成“华岭”、“鼎盛”为主体的新型建材产业。", "华岭"),
    ("形成“华岭”、“鼎盛”为主体的新型建材产业。", "鼎盛"),
]


@pytest.mark.parametrize("text,expected", FIRMS)
def test_firm_constructions(nlp, text, expected):
    assert expected in {e.text for e in nlp(text).ents if e.label_ == "Enterprise"}


@pytest.mark.parametrize("text", [
    "重点企业有食品加工、电子信息、装备制造等。",   # a list of industries, not firms
    "县总工会、市委党支部召开会议。",             # bodies' branches
])
def test_no_firm_in_lists_of_kinds(nlp, text):
    assert [e.text for e in nlp(text).ents if e.label_ == "Enterprise"] == []


@pytest.mark.parametrize("text", [
    "湖南新型建材、永州现代物流等产业加快发展。",   # a place before a kind of business names no firm
    "培育壮大祁阳纺织、江华马达等一批特色产业园。",
])
def test_place_and_sector_without_brand_is_no_firm(nlp, text):
    assert [e.text for e in nlp(text).ents if e.label_ == "Enterprise"] == []


@pytest.mark.parametrize("text", [
    "坚持以“三高四新”为代表的发展战略。",        # a slogan in quotes leads no line of business
    "以“两型”为主的发展模式。",
])
def test_quoted_slogans_are_no_firms(nlp, text):
    assert [e.text for e in nlp(text).ents if e.label_ == "Enterprise"] == []


POLICIES = [
    ("市政府率先出台了郴州市优化营商环境支持企业发展八条措施,大力推进改革。", ["郴州市优化营商环境支持企业发展八条措施"]),
    ("印发《郴州市园区三年行动工作方案关于做好园区消防安全工作的通知》,积极推动。",
     ["郴州市园区三年行动工作方案", "关于做好园区消防安全工作的通知"]),
    ("印发《郴州市园区三年行动工作方案关于做好园区消防安全工作的通知,积极推动。",
     ["郴州市园区三年行动工作方案", "关于做好园区消防安全工作的通知"]),
    ("印发《关于促进园区发展的若干意见》,要求各地落实。", ["关于促进园区发展的若干意见"]),
    # an unquoted province's rules: the preposition before is not the title's; levels in general make no title
    ("依据湖北省开发区管理条例执行。", ["湖北省开发区管理条例"]),
    ("按照国家和省开发区条例相关规定,调整名称。", []),
    # an unquoted 关于 title followed by its number in brackets
    ("省人民政府办公厅关于促进园区创新发展的若干意见（湘政办发〔2020〕8号）",
     ["省人民政府办公厅关于促进园区创新发展的若干意见", "湘政办发〔2020〕8号"]),
    # measures named in quotes, the kind word inside them; after a verb of issuing the title runs whole
    ("市里准备出台优化园区管理体制“八条措施”,推动改革。", ["优化园区管理体制“八条措施”"]),
]


@pytest.mark.parametrize("text,expected", POLICIES)
def test_policy_titles(nlp, text, expected):
    assert sorted(e.text for e in nlp(text).ents if e.label_ == "Policy") == sorted(expected)
