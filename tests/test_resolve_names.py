"""Resolution: grouping keys, region-aware expansion, canonical names and stable ids across documents."""

from __future__ import annotations

import pytest

from zonekg.extractors.extract import extract_text
from zonekg.extractors.keys import department_forms, org_key, zone_key
from zonekg.extractors.resolve import merge_documents


@pytest.mark.parametrize("a,b", [
    ("永州经开区", "永州经济技术开发区"),
    ("宁远高新区", "宁远高新技术产业开发区"),
    ("湖北来凤经济开发区", "来凤经济开发区"),
    ("桂花树工业园区", "桂花树工业园"),
    ("「永州经开区」", "永州经开区"),
])
def test_zone_forms_share_a_key(a, b):
    assert zone_key(a, ("湖北",)) == zone_key(b, ("湖北",))


@pytest.mark.parametrize("a,b", [
    ("永州市人民政府", "永州市政府"),
    ("来凤经济开发区管理委员会", "来凤经济开发区管委会"),
    ("湖南省发展和改革委员会", "湖南省发改委"),
    ("衡阳市工业和信息化局", "衡阳市工信局"),
    ("江西省人力资源和社会保障厅", "江西省人社厅"),
    ("县住房和城乡建设局", "县住建局"),
    ("市卫生健康委员会", "市卫健委"),
    ("省国有资产监督管理委员会", "省国资委"),
])
def test_body_forms_share_a_key(a, b):
    assert org_key(a) == org_key(b)


@pytest.mark.parametrize("name,other", [
    ("郴州市工业和信息化局", "郴州市工信局"),
    ("郴州市工信局", "郴州市工业和信息化局"),
    ("县人社局", "县人力资源和社会保障局"),
    ("市发改委", "市发展和改革委员会"),
    ("县财政局", None),
])
def test_department_has_its_other_spelling(name, other):
    assert department_forms(name) == ((other,) if other else ())


def test_department_alias_reaches_the_entity():
    entities, _ = _entities("赣州市工信局组织召开园区企业座谈会。")
    body = entities[("Organization", "赣州市工信局")]
    assert "赣州市工业和信息化局" in body.aliases


def _entities(*texts: str):
    facts = [extract_text(text, f"doc:t{n}") for n, text in enumerate(texts)]
    entities, relations = merge_documents(facts)
    return {(e.type, e.name): e for e in entities}, relations


def test_short_zone_name_resolves_to_the_full_one():
    entities, _ = _entities("岳阳经济技术开发区成立于1992年。岳阳经开区现有企业200家。")
    zone = entities[("Zone", "岳阳经济技术开发区")]
    assert "岳阳经开区" in zone.aliases
    assert zone.id == "zone:岳阳经济技术开发区"
    assert len(zone.mentions) == 2


def test_bare_bodies_expand_by_region():
    entities, _ = _entities("湖南省岳阳市岳阳经济技术开发区召开会议,市委、市政府主要领导出席。")
    assert ("Organization", "岳阳市委") in entities
    assert ("Organization", "岳阳市政府") in entities
    assert "市委" in entities[("Organization", "岳阳市委")].aliases


def test_bare_zone_word_resolves_to_the_document_zone():
    entities, _ = _entities("岳阳经济技术开发区位于岳阳市。经开区党工委书记出席。")
    zone = entities[("Zone", "岳阳经济技术开发区")]
    assert "经开区" in zone.aliases
    assert ("Organization", "岳阳经济技术开发区党工委") in entities


def test_short_place_resolves_to_the_official_name():
    entities, _ = _entities("湖北省来凤经济开发区位于恩施州。")
    assert "来凤" in entities[("Place", "来凤县")].aliases


def test_mentions_in_two_documents_give_one_entity():
    entities, _ = _entities("岳阳经开区引进项目。", "岳阳经济技术开发区发展电子信息产业。")
    zone = entities[("Zone", "岳阳经济技术开发区")]
    assert sorted({m.doc for m in zone.mentions}) == ["doc:t0", "doc:t1"]


def test_merge_is_independent_of_document_order():
    a = extract_text("岳阳经开区引进湖南金霞粮食产业有限公司。", "doc:a")
    b = extract_text("市委书记刘建平视察岳阳经济技术开发区。", "doc:b")
    first = merge_documents([a, b])
    second = merge_documents([b, a])
    assert [e.to_json() for e in first[0]] == [e.to_json() for e in second[0]]
    assert [r.to_json() for r in first[1]] == [r.to_json() for r in second[1]]


def test_relation_evidence_slices_the_text():
    text = "湖南金霞粮食产业有限公司落户岳阳经济技术开发区。"
    _, relations = _entities(text)
    assert relations, "a LOCATED_IN relation is expected"
    for relation in relations:
        for evidence in relation.evidence:
            assert text[evidence.start:evidence.end] == evidence.text


def test_listed_departments_take_the_first_items_place():
    entities, _ = _entities("湖南省岳阳市平江县召开会议,县发改局、商务局、科技局负责人参加。")
    names = {name for (type_name, name) in entities if type_name == "Organization"}
    assert {"平江县发改局", "平江县商务局", "平江县科技局"} <= names


def test_document_number_after_a_title_is_its_alias():
    entities, _ = _entities("省政府印发《关于促进园区发展的若干意见》(湘政发[2019]12号),要求各地落实。")
    policy = entities[("Policy", "关于促进园区发展的若干意见")]
    assert "湘政发[2019]12号" in policy.aliases
    assert policy.properties.get("doc_number") == "湘政发[2019]12号"


def test_company_forms_and_brand_merge_into_the_full_name():
    entities, _ = _entities("湖南熙可食品有限公司落户园区。湖南熙可食品公司扩建厂房。")
    firm = entities[("Enterprise", "湖南熙可食品有限公司")]
    assert "湖南熙可食品公司" in firm.aliases


@pytest.mark.parametrize("text,body,holder", [
    # a post in the zone's own committee is a post at the zone; a party committee is a body of its own
    ("青川县委决定张明任开发区管委会主任。会议在青川经济开发区召开。", "青川经济开发区管委会", "zone:青川经济开发区"),
    ("会议在石岭高新技术产业开发区召开。县委决定李强任开发区党工委书记。", "石岭高新技术产业开发区党工委",
     "org:石岭高新技术产业开发区党工委"),
])
def test_bare_development_zone_body_is_the_documents_zone_body(text, body, holder):
    entities, relations = _entities(text)
    names = {name for (type_name, name) in entities if type_name == "Organization"}
    assert body in names
    assert not any(name.startswith("区") for name in names)
    assert any(r.type == "HOLDS_POSITION" and r.tail == holder for r in relations)


def test_bare_development_zone_unit_is_not_given_to_the_zone():
    entities, _ = _entities("会议在石岭经济开发区召开。省开发区评估组组长出席。")
    assert ("Organization", "石岭经济开发区评估组") not in entities


def test_session_number_is_not_part_of_the_bodys_name():
    entities, _ = _entities("湖南省十三届人大常委会第五次会议通过条例。湖南省人大常委会副主任出席。")
    body = entities[("Organization", "湖南省人大常委会")]
    assert ("Organization", "湖南省十三届人大常委会") not in entities
    assert len(body.mentions) == 2


def test_autonomous_region_body_takes_the_regions_name():
    entities, _ = _entities("宁夏回族自治区银川市召开会议,自治区政协副主席出席。")
    body = entities[("Organization", "宁夏回族自治区政协")]
    assert "自治区政协" in body.aliases
    assert not any(name == "区政协" or name.endswith("区区政协") for (_t, name) in entities)


def test_brand_alone_joins_the_firm_it_names():
    entities, _ = _entities("华岭建材落户青山工业园。形成“华岭”、“鼎盛”为主体的新型建材产业。")
    firm = entities[("Enterprise", "华岭建材")]
    assert "华岭" in firm.aliases
    assert ("Enterprise", "华岭") not in entities


def test_short_development_zone_name_is_the_places_one_zone():
    entities, _ = _entities("青州开发区集中签约12个项目。3月20日,青州经济技术开发区举行签约仪式。")
    zone = entities[("Zone", "青州经济技术开发区")]
    assert "青州开发区" in zone.aliases
    assert ("Zone", "青州开发区") not in entities


def test_merged_zone_keeps_its_own_name():
    entities, _ = _entities("青州开发区由青州经济技术开发区与青州高新技术产业开发区合并组建。")
    names = {name for (type_name, name) in entities if type_name == "Zone"}
    assert {"青州开发区", "青州经济技术开发区", "青州高新技术产业开发区"} <= names


def test_bare_committee_after_an_appointment_is_the_zones():
    entities, relations = _entities("青山经济开发区召开大会。州委决定张明任新区管委会主任,王强任经开区管委会副主任。")
    names = {name for (type_name, name) in entities if type_name == "Organization"}
    assert not any(name.startswith(("区", "新区")) or name.endswith("区区管委会") for name in names)
    assert "青山区管委会" not in names
    held = {(r.head, r.tail) for r in relations if r.type == "HOLDS_POSITION"}
    assert {("person:张明", "zone:青山经济开发区"), ("person:王强", "zone:青山经济开发区")} <= held


def test_bare_committee_without_a_zone_is_dropped():
    entities, _ = _entities("青川县召开大会。县委决定刘明任区管委会主任。")
    assert not any(name.endswith("管委会") for (type_name, name) in entities if type_name == "Organization")
