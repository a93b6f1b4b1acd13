"""Relation rules on short sentences written in the corpus's style, with entities marked by hand.

Markup: ``[text|Label]`` marks an entity (doc.ents); a bracket inside another
marks a nested mention (doc.spans["nested"]). Each case lists the relations
expected as ``TYPE head>tail`` strings; every one must be found.
"""

from __future__ import annotations


import pytest
import spacy
from spacy.tokens import Doc

from zonekg.extractors.pipeline.spans import NESTED, register_extensions
from zonekg.extractors.relations import relation_candidates

_NLP = spacy.blank("zh")
register_extensions()


def marked_doc(markup: str) -> Doc:
    """Return a Doc of the markup's plain text with its top-level marks as ents and inner marks as nested spans."""
    text, spans, stack = [], [], []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "[":
            stack.append(len("".join(text)))
        elif ch == "|" and stack:
            end = markup.index("]", i)
            label = markup[i + 1:end]
            start = stack.pop()
            spans.append((start, len("".join(text)), label, len(stack)))
            i = end
        else:
            text.append(ch)
        i += 1
    doc = _NLP("".join(text))
    doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab, depth in spans if depth == 0]
    doc.spans[NESTED] = [doc.char_span(s, e, label=lab) for s, e, lab, depth in spans if depth > 0]
    return doc


def found(markup: str) -> set[str]:
    doc = marked_doc(markup)
    return {f"{c.type} {c.head.text}>{c.tail.text}" for c in relation_candidates(doc)}


CASES = [
    # LOCATED_IN: 入驻 / 入园企业有 / lists after a park name
    ("[沈北机械|Enterprise]、[滇池啤酒|Enterprise]等企业纷纷入驻[安宁工业园区|Zone]。",
     ["LOCATED_IN 沈北机械>安宁工业园区", "LOCATED_IN 滇池啤酒>安宁工业园区"]),
    ("[石门工业园|Zone]入园企业有[华宇钙业|Enterprise]、[兴达香料|Enterprise]等4户。",
     ["LOCATED_IN 华宇钙业>石门工业园", "LOCATED_IN 兴达香料>石门工业园"]),
    # HAS_INDUSTRY over a coordinated list
    ("[平川高新技术产业开发区|Zone]重点发展[生物医药|Industry]、[新型材料|Industry]等产业。",
     ["HAS_INDUSTRY 平川高新技术产业开发区>生物医药", "HAS_INDUSTRY 平川高新技术产业开发区>新型材料"]),
    ("园区形成了以[红星重工|Enterprise]、[金叶纺织|Enterprise]为依托的[纺织服装|Industry]产业。",
     ["HAS_INDUSTRY 红星重工>纺织服装", "HAS_INDUSTRY 金叶纺织>纺织服装"]),
    # IN_REGION from the nested place that begins the zone's name
    ("[[凤山|Place]经济开发区|Zone]于2010年设立。", ["IN_REGION 凤山经济开发区>凤山"]),
    # INVESTS_IN with amount
    ("[华信控股有限公司|Enterprise]拟投资3亿元建设[中药材深加工项目|Project]。",
     ["INVESTS_IN 华信控股有限公司>中药材深加工项目"]),
    ("[[绿源|Enterprise]果蔬冷链项目|Project]开工。", ["INVESTS_IN 绿源>绿源果蔬冷链项目"]),
    # HOLDS_POSITION chains
    ("[省政协|Organization]常委、副秘书长、[农工党省委|Organization]副主委[李明远|Person]到园区调研。",
     ["HOLDS_POSITION 李明远>省政协", "HOLDS_POSITION 李明远>农工党省委"]),
    ("[县委|Organization]副书记、县长[王海东|Person]出席。", ["HOLDS_POSITION 王海东>县委"]),
    # VISITED
    ("[市委|Organization]书记[张建国|Person]一行到[青山经济开发区|Zone]调研。",
     ["VISITED 张建国>青山经济开发区", "HOLDS_POSITION 张建国>市委"]),
    # RENAMED_FROM / MERGED_FROM
    ("同意[南湖经济技术开发区|Zone]更名为[南湖湾经济技术开发区|Zone]。",
     ["RENAMED_FROM 南湖湾经济技术开发区>南湖经济技术开发区"]),
    ("以[东城工业集中区|Zone]和[西河工业集中区|Zone]为基础建设省级高新区,定名为[东城高新技术产业开发区|Zone]。",
     ["MERGED_FROM 东城高新技术产业开发区>东城工业集中区", "MERGED_FROM 东城高新技术产业开发区>西河工业集中区"]),
    # PART_OF
    ("[北岭经开区|Zone][智能装备产业园|Zone]举办推介会。", ["PART_OF 智能装备产业园>北岭经开区"]),
    ("[新材料产业区|Zone]([桂林工业园|Zone]):规划面积0.8平方公里。", ["PART_OF 新材料产业区>桂林工业园"]),
    # ISSUED_BY / APPLIES_TO / IMPLEMENTS
    ("[[江北省人民政府|Organization]关于同意建设[平川高新技术产业开发区|Zone]的批复|Policy]",
     ["ISSUED_BY 江北省人民政府关于同意建设平川高新技术产业开发区的批复>江北省人民政府",
      "APPLIES_TO 江北省人民政府关于同意建设平川高新技术产业开发区的批复>平川高新技术产业开发区"]),
    ("[市工信局|Organization]联合[市人社局|Organization]出台了《[园区绩效工资暂行办法|Policy]》。",
     ["ISSUED_BY 园区绩效工资暂行办法>市工信局", "ISSUED_BY 园区绩效工资暂行办法>市人社局"]),
    ("根据《[江北省开发区条例|Policy]》,制定《[青山开发区管理办法|Policy]》。",
     ["IMPLEMENTS 青山开发区管理办法>江北省开发区条例"]),
    # a reply implements the request it answers; the document's own title opens the text
    ("[江北省人民政府关于同意设立青山物流园的批复|Policy]\n你市《[关于设立青山物流园的请示|Policy]》收悉。",
     ["IMPLEMENTS 江北省人民政府关于同意设立青山物流园的批复>关于设立青山物流园的请示"]),
    ("为规范协会管理,根据[国务院|Organization]《[社会团体登记管理条例|Policy]》,特制定本章程。",
     ["ISSUED_BY 社会团体登记管理条例>国务院"]),
    # HOLDS_POSITION: 管委会 posts count at the zone, 党工委 posts at both; masked posts; 任 after the name
    ("[[白沙工业园区|Zone]管委会|Organization]办公室副主任[陈立|Person]介绍。", ["HOLDS_POSITION 陈立>白沙工业园区"]),
    ("[[白沙工业园区|Zone]党工委|Organization]书记[陈立|Person]介绍。",
     ["HOLDS_POSITION 陈立>白沙工业园区党工委", "HOLDS_POSITION 陈立>白沙工业园区"]),
    ("[区委|Organization]****[周明|Person]出席。", ["HOLDS_POSITION 周明>区委"]),
    ("[青山经济开发区|Zone]成立。县委决定[李红|Person]任开发区管委会主任。",
     ["HOLDS_POSITION 李红>青山经济开发区"]),
    # generic zone words stand for the zone the document is about
    ("[青山经济开发区|Zone]概况。[华中机械|Enterprise]落户开发区。", ["LOCATED_IN 华中机械>青山经济开发区"]),
    # a heading sentence gives its industry to the enterprises named after it
    ("[青山经济开发区|Zone]发展[电子信息|Industry]。主攻电子信息。新增[宏达电子|Enterprise]、[美华电子|Enterprise]等企业。",
     ["HAS_INDUSTRY 宏达电子>电子信息", "HAS_INDUSTRY 美华电子>电子信息"]),
    # an industry list qualifying the zone named right after it
    ("重点发展[新能源|Industry]、[新材料|Industry]等主导产业的[西山经济技术开发区|Zone]。",
     ["HAS_INDUSTRY 西山经济技术开发区>新能源", "HAS_INDUSTRY 西山经济技术开发区>新材料"]),
    # a subjectless 位于 sentence continues the park introduced before it
    ("[石门工业园|Zone]:\n位于[绿水镇|Place]石门村,园区面积2平方公里。", ["IN_REGION 石门工业园>绿水镇"]),
    # a park named after a village, in a text about one zone, is one of its parks
    ("[青山经济开发区|Zone]加快建设。[罗家工业园|Zone]投产项目12个。", ["PART_OF 罗家工业园>青山经济开发区"]),
    # list completion: unrecognised members of a list of enterprises are enterprises too
    ("[石门工业园|Zone]入园企业有凯迪能源、[兴达香料|Enterprise]、明华钙业等5户。",
     ["LOCATED_IN 凯迪能源>石门工业园", "LOCATED_IN 明华钙业>石门工业园"]),
    ("[石门工业园|Zone]道路、水、电等基本建成……入园企业有凯迪能源、[兴达香料|Enterprise]、明华钙业等5户。",
     ["LOCATED_IN 凯迪能源>石门工业园", "LOCATED_IN 明华钙业>石门工业园"]),
    # 决定X任开发区管委会主任: a post in the zone's committee is a post at the zone; a later 兼任 adds a post
    ("[青山经济开发区|Zone]成立。[州委|Organization]决定[刘红|Person]任[[开发区|Zone]管委会|Organization]主任"
     "(副县级,后兼任[中共青山经济开发区工委|Organization]书记)。",
     ["HOLDS_POSITION 刘红>青山经济开发区", "HOLDS_POSITION 刘红>中共青山经济开发区工委"]),
    # 一批园区重点企业: the zone's firms, even after a sentence about one of its parks
    ("[青山经济开发区|Zone]成立于1994年。[青山经济开发区|Zone]负责人介绍了[东坪工业园区|Zone]情况。"
     "随后参观了[宝鸡高华纺织有限公司|Enterprise]、[华星电子|Enterprise]等一批园区重点企业。",
     ["LOCATED_IN 宝鸡高华纺织有限公司>青山经济开发区", "LOCATED_IN 华星电子>青山经济开发区"]),
    ("[青山经济开发区|Zone]新增宏电电子、美华光电等规模企业25家。",
     ["LOCATED_IN 宏电电子>青山经济开发区", "LOCATED_IN 美华光电>青山经济开发区"]),
    # a park listed among projects is one of the items, not where they are
    ("[青山经开区|Zone]签约。[北岭科技产业园|Zone]、[华信车灯项目|Project]、[锂电池生产线|Project]等3个项目签约落地。",
     ["LOCATED_IN 华信车灯项目>青山经开区", "LOCATED_IN 锂电池生产线>青山经开区"]),
    # 位于X内: the zone inside the other; a title's zone found as mentioned elsewhere
    ("同意设立[赣南综合保税区|Zone],规划面积2平方公里,位于[赣南经济技术开发区|Zone]内。",
     ["PART_OF 赣南综合保税区>赣南经济技术开发区"]),
    # an enterprise investing in a park written as a project
    ("[长虹智能科技有限公司|Enterprise]投资50亿元建设的[智能终端产业园|Zone]项目开工。",
     ["INVESTS_IN 长虹智能科技有限公司>智能终端产业园"]),
    # the sentence's subject zone owns the industries, not a park listed as its object
    ("[溧水经济开发区|Zone]位于城区中部,下辖[天目工业园|Zone]、[白马工业园|Zone]等园区,形成了以[动力电池|Industry]为主导的产业体系。",
     ["HAS_INDUSTRY 溧水经济开发区>动力电池", "PART_OF 天目工业园>溧水经济开发区"]),
    # an official holding an event at the zone was there
    ("[市委|Organization]常委[何建国|Person]在[青山经开区|Zone]招商中心举办企业交流活动。", ["VISITED 何建国>青山经开区"]),
    # a person named again without a mark, as the actor of a visit
    ("[民盟中央|Organization]副主席[徐明|Person]到钦州调研。徐明一行深入考察[钦州保税港区|Zone]、[中马产业园区|Zone]等地。",
     ["VISITED 徐明>钦州保税港区", "VISITED 徐明>中马产业园区"]),
    # a mayor serves the city's government when the text names it
    ("[青州市人民政府|Organization]与企业签约。[市委|Organization]副书记、市长[赵云|Person]出席。",
     ["HOLDS_POSITION 赵云>市委", "HOLDS_POSITION 赵云>青州市人民政府"]),
    # the zone signs the investment agreement with the enterprise
    ("[宜东新区|Zone]与[宁远时代科技有限公司|Enterprise]签订动力电池项目投资协议。",
     ["INVESTS_IN 宁远时代科技有限公司>宜东新区"]),
    # a committee signs for its zone
    ("[[宜东新区|Zone]管委会|Organization]与[川南大学|Organization]签署战略合作协议。", ["COOPERATES_WITH 宜东新区>川南大学"]),
    # an enterprise profile names its line of business
    ("[宁远时代科技有限公司|Enterprise]是一家专注于[动力电池|Industry]研发和生产的企业。",
     ["HAS_INDUSTRY 宁远时代科技有限公司>动力电池"]),
    # a title naming the zone by its short form; the basis document's body is not this document's issuer
    ("根据[江北省人民政府|Organization]《[江北省开发区条例|Policy]》,[[合川高新技术产业开发区|Zone]管委会|Organization]制定了"
     "《[合川高新区人才政策|Policy]》。[合川高新技术产业开发区|Zone]",
     ["ISSUED_BY 合川高新区人才政策>合川高新技术产业开发区管委会", "APPLIES_TO 合川高新区人才政策>合川高新技术产业开发区",
      "IMPLEMENTS 合川高新区人才政策>江北省开发区条例", "ISSUED_BY 江北省开发区条例>江北省人民政府"]),
    # enumerations of name + amount after 投资: each enterprise invested its amount in the main zone
    ("[青山经济开发区|Zone]完成投资5亿元。其中,[宏达建材|Enterprise]1650万元、凤岭茶业400万元、[华宇钢构|Enterprise]100万元、藤林香料560万元。",
     ["INVESTS_IN 宏达建材>青山经济开发区", "INVESTS_IN 凤岭茶业>青山经济开发区", "INVESTS_IN 藤林香料>青山经济开发区"]),
    # a section headed 化工产业区(龙凤产业园): the park in brackets hosts the industry
    ("——[化工|Industry]产业区([龙岭产业园|Zone]):张贵路以北,规划面积0.5平方公里。", ["HAS_INDUSTRY 龙岭产业园>化工"]),
    # 一区三园: the zone marked 一区 owns the parks marked 三园
    ("形成“一区三园”格局,即:[凤城经济开发区|Zone](一区),[桂林工业园|Zone]、[龙岭产业园|Zone]和[龙岭物流园|Zone](三园)。",
     ["PART_OF 桂林工业园>凤城经济开发区", "PART_OF 龙岭物流园>凤城经济开发区"]),
    # a reply addressed to a body: 你市《P》 is that body's request
    ("[国务院办公厅关于同意广东湛州经济技术开发区扩区的复函|Policy]\n[广东省人民政府|Organization]:\n你省《[关于湛州经济技术开发区扩区的请示|Policy]》收悉。",
     ["ISSUED_BY 关于湛州经济技术开发区扩区的请示>广东省人民政府",
      "IMPLEMENTS 国务院办公厅关于同意广东湛州经济技术开发区扩区的复函>关于湛州经济技术开发区扩区的请示"]),
    # the visit's own clause names the places; an earlier 调研组 is not the visit
    ("[罗文|Person]带队组成专题调研组,历时一个月,赴[青山经开区|Zone]开展了专题调研。", ["VISITED 罗文>青山经开区"]),
    # a zone described as what it will become (定位为…工业园区) does not own the industries; the main zone does
    ("[大岭经济开发区|Zone]概况。他们聘请[省城市规划设计院|Organization]专家,定位为生态型[现代化工业园区|Zone],"
     "重点发展[轻工电子|Industry]、[机械制造|Industry]等产业。",
     ["HAS_INDUSTRY 大岭经济开发区>轻工电子", "HAS_INDUSTRY 大岭经济开发区>机械制造"]),
    # B对A的帮扶: the zone helped leads the pair
    ("2015年,[华中理工大学|Organization]继续加大对[青山经济开发区|Zone]的帮扶支持。",
     ["COOPERATES_WITH 青山经济开发区>华中理工大学"]),
    # a signature block (body line, then date line) names who issued the document itself
    ("[江北省人民政府关于同意设立青山物流园的批复|Policy]\n同意设立。\n[江北省人民政府|Organization]\n2016年9月6日",
     ["ISSUED_BY 江北省人民政府关于同意设立青山物流园的批复>江北省人民政府"]),
    # …对两家开发区实施整合…更名为C: the two zones named just before
    ("[东岭经济开发区|Zone]与[西岭经济开发区|Zone]相邻。市政府决定对两家开发区实施整合,并更名为[双岭经济开发区|Zone]。",
     ["MERGED_FROM 双岭经济开发区>东岭经济开发区", "MERGED_FROM 双岭经济开发区>西岭经济开发区"]),
    # COOPERATES_WITH
    ("[青山区人民政府|Organization]与[中科创投集团|Enterprise]、[北辰置业|Enterprise]签署战略合作协议。",
     ["COOPERATES_WITH 青山区人民政府>中科创投集团", "COOPERATES_WITH 青山区人民政府>北辰置业"]),
    # IMPLEMENTS: every document of a basis phrase, up to the verb making the new one (本办法: the 办法 named before)
    ("[临江经开区促进办法|Policy]\n第一条 根据《[江北省人民政府关于推进开发区整合提升的意见|Policy]》（[江政发〔2020〕8号|Policy]）"
     "和《[临江市开发区管理条例|Policy]》,结合本区实际,制定本办法。",
     ["IMPLEMENTS 临江经开区促进办法>江北省人民政府关于推进开发区整合提升的意见",
      "IMPLEMENTS 临江经开区促进办法>临江市开发区管理条例"]),
    ("为贯彻落实《[国务院关于促进开发区改革创新的若干意见|Policy]》精神,[省政府|Organization]出台了《[江北省开发区改革实施方案|Policy]》。",
     ["IMPLEMENTS 江北省开发区改革实施方案>国务院关于促进开发区改革创新的若干意见",
      "ISSUED_BY 江北省开发区改革实施方案>省政府"]),
    ("《[青山市开发区条例实施细则|Policy]》是《[青山市开发区条例|Policy]》的实施细则。",
     ["IMPLEMENTS 青山市开发区条例实施细则>青山市开发区条例"]),
    ("[[江北省开发区条例|Policy]实施办法|Policy]自公布之日起施行。",
     ["IMPLEMENTS 江北省开发区条例实施办法>江北省开发区条例"]),
    # 《P》已经市政府同意,现印发给你们,请贯彻执行: the approving body; the late 贯彻 grounds nothing
    ("《[临江经开区促进办法|Policy]》已经[市政府|Organization]同意,现印发给你们,请认真贯彻执行。",
     ["ISSUED_BY 临江经开区促进办法>市政府"]),
    # a joint request: every body the reply is addressed to wrote it
    ("[江北省人民政府关于同意设立青阿工业园区的批复|Policy]\n[青城市人民政府|Organization]、[阿河州人民政府|Organization]：\n"
     "你们《[关于申请设立青阿工业园区的请示|Policy]》收悉。",
     ["ISSUED_BY 关于申请设立青阿工业园区的请示>青城市人民政府", "ISSUED_BY 关于申请设立青阿工业园区的请示>阿河州人民政府"]),
    # MERGED_FROM: C由A和B整合而成 / A与B合并为C
    ("[宣河经济技术开发区|Zone]位于城区北部,2010年由[宣河高新区|Zone]和[宣州工业园|Zone]整合而成。",
     ["MERGED_FROM 宣河经济技术开发区>宣河高新区", "MERGED_FROM 宣河经济技术开发区>宣州工业园"]),
    ("2019年,[赣南经济技术开发区|Zone]与[赣南高新区|Zone]合并为[赣南综合保税区|Zone]。",
     ["MERGED_FROM 赣南综合保税区>赣南经济技术开发区", "MERGED_FROM 赣南综合保税区>赣南高新区"]),
    # RENAMED_FROM: 升格为 with the new name, 前身系
    ("2013年,[临川工业园区|Zone]升格为[抚河高新技术产业开发区|Zone]。",
     ["RENAMED_FROM 抚河高新技术产业开发区>临川工业园区"]),
    ("[东乡经济开发区|Zone]前身系[东乡工业园区|Zone]。", ["RENAMED_FROM 东乡经济开发区>东乡工业园区"]),
    # COOPERATES_WITH: A对口帮扶B
    ("[广湾开发区|Zone]对口帮扶[梅河高新技术产业开发区|Zone]。", ["COOPERATES_WITH 广湾开发区>梅河高新技术产业开发区"]),
    # INVESTS_IN: a committee (named or generic) signs the investment agreement for its zone
    ("[[合川高新技术产业开发区|Zone]管委会|Organization]与[科创讯飞股份有限公司|Enterprise]签订入园投资协议。",
     ["INVESTS_IN 科创讯飞股份有限公司>合川高新技术产业开发区"]),
    ("[烟河经济技术开发区|Zone]举行签约仪式。[东方电子集团有限公司|Enterprise]与开发区管委会签订投资协议。",
     ["INVESTS_IN 东方电子集团有限公司>烟河经济技术开发区"]),
    ("[[成都市|Place][阿坝|Place]工业园区|Zone]规划面积5平方公里。", ["IN_REGION 成都市阿坝工业园区>成都市"]),
    # a history verb swept into the former name's mention (原名X) is cut off the front
    ("[石岭高新区|Zone]始建于1992年,[原名石岭经济开发区|Zone]。", ["RENAMED_FROM 石岭高新区>石岭经济开发区"]),
    # a prefix chain nesting county in city stays whole
    ("[[昆明市|Place][嵩明县|Place]杨林工业园区|Zone]规划面积5平方公里。",
     ["IN_REGION 昆明市嵩明县杨林工业园区>昆明市", "IN_REGION 昆明市嵩明县杨林工业园区>嵩明县"]),
]


@pytest.mark.parametrize(("markup", "expected"), CASES)
def test_rule_finds_relation(markup: str, expected: list[str]) -> None:
    missing = set(expected) - found(markup)
    assert not missing, f"missing {sorted(missing)}; found {sorted(found(markup))}"


NEGATIVE = [
    # a heading's reach ends where the text moves on (同时,…发展电子商务…)
    ("[青山经济开发区|Zone]发展[电子信息|Industry]。主攻电子信息。新增[宏达电子|Enterprise]等企业。"
     "同时,园区发展[电子商务|Industry],[云修网|Enterprise]等企业进驻。", "HAS_INDUSTRY 云修网>电子信息"),
    ("[徐明|Person]一行考察[钦北保税港区|Zone]等地,对我市搭建的平台和[北湾经济区|Zone]建设给予肯定。", "VISITED 徐明>北湾经济区"),
    # a city's list of its parks does not make them parts of the first one listed
    ("调整后,全市共有工业园区5个,包括[青城经济技术开发区|Zone]、[北山工业园区|Zone]、[南河工业园区|Zone]。", "PART_OF"),
    ("根据《[江北省开发区条例|Policy]》,[[合川高新区|Zone]管委会|Organization]制定了《[合川人才政策|Policy]》。",
     "ISSUED_BY 江北省开发区条例"),
    # upgraded to a level, not renamed to the park listed later
    ("[葛岭经济技术开发区|Zone]2012年升级为国家级经济技术开发区,下辖[葛岭产业园|Zone]。", "RENAMED_FROM"),
    # hosts who welcome the visitors did not visit
    ("[张华|Person]一行到[青山经开区|Zone]考察,[青山经开区|Zone]管委会主任[李强|Person]表示欢迎。", "VISITED 李强"),
    ("[溧水经济开发区|Zone]位于城区中部,下辖[天目工业园|Zone]等园区,形成了以[动力电池|Industry]为主导的产业体系。",
     "HAS_INDUSTRY 天目工业园"),
    # a former name is not a park inside
    ("[溧水经济开发区|Zone]前身是1993年设立的[溧水工业园区|Zone],2006年更名为[溧水经济开发区|Zone]。", "PART_OF"),
    ("[青山经开区|Zone]签约。[北岭科技产业园|Zone]、[华信车灯项目|Project]等项目签约落地。", "LOCATED_IN 华信车灯项目>北岭科技产业园"),
    # enterprises listed with their amounts are investors (INVESTS_IN), not tenants found here
    ("[青山经济开发区|Zone]完成投资:[宏达建材|Enterprise]1650万元、[华宇钢构|Enterprise]100万元。", "LOCATED_IN"),
    # 东岭、西岭等五个工业园: the bare members are not the parks' names
    ("[青山经济开发区|Zone]现管辖东岭、西岭、南坪等五个工业园。", "PART_OF 东岭"),
    # a list of works closed by 等 before the firms' list is not part of it; everyday nouns are no firms
    ("[石门工业园|Zone]道路、水、电、通讯、土地平整等基本建成……入园企业有凯迪能源、[兴达香料|Enterprise]等5户。",
     "LOCATED_IN 通讯"),
    ("[石门工业园|Zone]道路、水、电、通讯、土地平整等基本建成……入园企业有凯迪能源、[兴达香料|Enterprise]等5户。",
     "LOCATED_IN 道路"),
    ("[石门工业园|Zone]入园企业有凯迪能源、道路、[兴达香料|Enterprise]等5户。", "LOCATED_IN 道路"),
    # two items each with its own amount: the first is not the investor of the second
    ("总投资8亿元的[华宁药业|Enterprise]、总投资20亿元的[青年创业园|Project]相继开工。", "INVESTS_IN"),
    # a list of places is no list of enterprises
    ("[青山经济开发区|Zone]企业来自[广州|Place]、[深圳|Place]、东莞等地。", "LOCATED_IN"),
    # a post in the zone's administrative committee is not a separate body's post
    ("[[白沙工业园区|Zone]管委会|Organization]主任[陈立|Person]介绍。", "HOLDS_POSITION 陈立>白沙工业园区管委会"),
    # a later 兼任 after another person's name is that person's post
    ("[州委|Organization]决定[刘红|Person]任[[开发区|Zone]管委会|Organization]主任,[王平|Person]兼任"
     "[中共青山经济开发区工委|Organization]书记。", "HOLDS_POSITION 刘红>中共青山经济开发区工委"),
    # a city's industries are not the zone's
    ("[北湾经济区|Zone]建设加快,我市形成了[冶金|Industry]、[石化|Industry]等支柱产业。", "HAS_INDUSTRY"),
    # titles alone with no person, and a person with no title before the name
    ("[李明远|Person]说,园区发展很快。", "HOLDS_POSITION"),
    # an enterprise that only cooperates is not invested in a zone by signing a cooperation
    ("[市政府|Organization]与[华兴集团|Enterprise]签署战略合作协议。", "INVESTS_IN"),
    # two zones side by side in a list are not parts of each other
    ("[东山经开区|Zone]、[西湖高新区|Zone]获评先进园区。", "PART_OF"),
    # 请按照《…》要求: a reply's instruction to the addressee is no lineage of the reply
    ("[江北省人民政府关于同意设立青阿工业园区的批复|Policy]\n同意设立。\n三、请按照《[江北省省级开发区管理办法|Policy]》有关要求,完善园区规划。",
     "IMPLEMENTS"),
    # 升格为国家级经济技术开发区 names no new zone
    ("[宣河经济技术开发区|Zone]2011年升格为国家级经济技术开发区,下辖[宣河智能制造产业园|Zone]。", "RENAMED_FROM"),
    # a sentence organised by the city (市级领导, 市委常委) speaks of the city's industry chains, not the zone's
    ("[青山经济开发区|Zone]概况。围绕[生物医药|Industry]、[电子信息|Industry]等10条产业链,建立市级领导“链长制”,每条产业链由一名市委常委任链长。",
     "HAS_INDUSTRY"),
    # 在Z建立…: the zone is the scene of its own clause; firms honoured in the next clauses are not placed there
    ("在[青山经开区|Zone]建立全市首个院士工作站,[湖南和安生物有限公司|Enterprise]成功创建国家级博士后科研工作站。", "LOCATED_IN"),
    # a firm named as a person's employer (X公司董事长…) is not placed in the zone by that
    ("[市委|Organization]书记[张明|Person]、[华岳汽车研究院股份有限公司|Enterprise]董事长[任华|Person]出席[双河经开区|Zone]签约仪式。",
     "LOCATED_IN 华岳汽车研究院股份有限公司"),
    # 成都|阿坝工业园区: the second prefecture of a paired park is its partner, not its location
    ("[[成都市|Place][阿坝|Place]工业园区|Zone]规划面积5平方公里。", "IN_REGION 成都市阿坝工业园区>阿坝"),
    # 按照《A》和B文件要求: both are bases, neither implements the other
    ("按照《[江北省开发区条例|Policy]》和[青机编发〔2006〕35号|Policy]文件要求,成立开发区筹备领导小组。", "IMPLEMENTS"),
    # 受省政府委托: the body entrusted by another is not the zone's partner
    ("[青山经济开发区|Zone]负责人汇报后,社科院受省政府委托对全省开发区进行考评,听取了[江北州商务局|Organization]局长的介绍。",
     "COOPERATES_WITH"),
]


@pytest.mark.parametrize(("markup", "rel_type"), NEGATIVE)
def test_rule_does_not_invent(markup: str, rel_type: str) -> None:
    assert not {f for f in found(markup) if f.startswith(rel_type)}


def test_region_prefix_found_by_gazetteer_becomes_a_mention() -> None:
    from zonekg.extractors.relations.component import RelationFinder
    doc = marked_doc("[来凤经济开发区|Zone]设立于2006年。")
    doc._.region = "湖北省恩施土家族苗族自治州来凤县"  # a short place form must fit the document's region
    RelationFinder()(doc)
    places = [s.text for s in doc.spans[NESTED] if s.label_ == "Place"]
    assert places == ["来凤"]
    assert any(c.type == "IN_REGION" and c.tail.text == "来凤" for c in doc._.relations)


def test_candidates_are_allowed_by_schema_and_evidence_slices_text() -> None:
    from zonekg.schema.types import RELATION_TYPES
    for markup, _ in CASES:
        doc = marked_doc(markup)
        for c in relation_candidates(doc):
            assert RELATION_TYPES[c.type].allows(c.head.label_, c.tail.label_)
            start, end = c.evidence
            assert 0 <= start < end <= len(doc.text)
            assert doc.text[start:end].strip() == doc.text[start:end]


def test_output_is_deterministic() -> None:
    markup = CASES[0][0] + CASES[2][0] + CASES[7][0]
    def keys() -> list[tuple]:
        return [(c.type, c.head.start_char, c.head.end_char, c.tail.start_char, c.tail.end_char, c.evidence)
                for c in relation_candidates(marked_doc(markup))]
    first = keys()
    assert first and first == keys() and first == sorted(first)


def test_rename_takes_the_date_written_before_the_verb() -> None:
    doc = marked_doc("[溧水经济开发区|Zone]前身是1993年设立的[溧水工业园区|Zone],2006年更名为[溧水经济开发区|Zone]。")
    dates = {c.properties.get("date") for c in relation_candidates(doc) if c.type == "RENAMED_FROM"}
    assert "2006" in dates and "1993" not in dates


def test_investment_amount_is_normalised() -> None:
    doc = marked_doc("[华信控股有限公司|Enterprise]拟投资2.5亿元建设[中药材深加工项目|Project]。")
    amounts = [c.properties["amount"] for c in relation_candidates(doc) if c.type == "INVESTS_IN"]
    assert [(a.value, a.unit, a.text) for a in amounts] == [(250_000_000, "CNY", "2.5亿元")]


@pytest.mark.parametrize(("a", "b"), [("湖北来凤经济开发区", "来凤经济开发区"), ("永州经开区", "永州经济技术开发区"),
                                      ("合肥高新区", "合肥高新技术产业开发区"), ("广东湛江经济技术开发区", "湛江经开区")])
def test_zone_key_joins_forms_of_one_zone(a: str, b: str) -> None:
    from zonekg.extractors.relations.context import zone_key
    assert zone_key(a) == zone_key(b)


def test_this_county_is_the_documents_county() -> None:
    from zonekg.extractors.pipeline.spans import Region
    doc = marked_doc("[甘泉县|Place]代表团考察。考察团表示要立足该县实际,加快推进[六岭工业园区|Zone]建设。")
    doc._.region = Region("甘肃省", "天水市", "甘泉县")
    assert ("IN_REGION", "六岭工业园区", "甘泉县") in {(c.type, c.head.text, c.tail.text) for c in relation_candidates(doc)}
