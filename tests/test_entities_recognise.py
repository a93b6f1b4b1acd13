"""Entity recognition on short sentences written in the style of zone reports."""

from __future__ import annotations

import pytest

from zonekg.extractors.pipeline import NESTED, build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _mentions(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


def _nested(doc) -> set[tuple[str, str]]:
    return {(s.text, s.label_) for s in doc.spans[NESTED]} if NESTED in doc.spans else set()


FOUND = [
    ("桃源县漳江经济开发区位于湖南省常德市。", ("桃源县漳江经济开发区", "Zone")),
    ("会议在安阳高新技术产业开发区召开。", ("安阳高新技术产业开发区", "Zone")),
    ("项目落户青石岭工业园,年底投产。", ("青石岭工业园", "Zone")),
    ("岳阳经开区管委会与企业座谈。", ("岳阳经开区管委会", "Organization")),
    ("岳阳市人民政府批复同意设立该园区。", ("岳阳市人民政府", "Organization")),
    ("国家发改委审核公告了开发区目录。", ("国家发改委", "Organization")),
    ("常德市商务局负责招商引资。", ("常德市商务局", "Organization")),
    ("发布时间:2022-08-03 10:00来源: 西部新闻网\n", ("西部新闻网", "Organization")),
    ("(图源:青阳融媒)\n", ("青阳融媒", "Organization")),
    ("湖南金霞粮食产业有限公司落户园区。", ("湖南金霞粮食产业有限公司", "Enterprise")),
    ("吉林宏和新能源股份有限公司投资的储能项目开工。", ("吉林宏和新能源股份有限公司", "Enterprise")),  # 和 in the name
    ("园区支持金龙泵业、德盛电子等龙头企业扩产。", ("金龙泵业", "Enterprise")),
    ("园区支持金龙泵业、德盛电子等龙头企业扩产。", ("德盛电子", "Enterprise")),
    ("市委书记刘建平,市长周国强出席仪式。", ("刘建平", "Person")),
    ("市委书记刘建平,市长周国强出席仪式。", ("周国强", "Person")),
    ("省政府印发《关于促进开发区高质量发展的实施意见》。", ("关于促进开发区高质量发展的实施意见", "Policy")),
    ("根据湘政发〔2019〕12号文件精神,", ("湘政发〔2019〕12号", "Policy")),
    ("开发区重点发展电子信息、先进装备制造产业。", ("电子信息", "Industry")),
    ("开发区重点发展电子信息、先进装备制造产业。", ("先进装备制造", "Industry")),
    ("园区位于常德市鼎城区。", ("鼎城区", "Place")),
    ("总投资5亿元的智能仓储物流中心项目开工。", ("智能仓储物流中心项目", "Project")),
    ("签约了华锐智能装备、8000吨冷链仓储、金田光伏组件等3个项目。", ("8000吨冷链仓储", "Project")),
    ("入园企业有金龙泵业、德盛电子、宏达钢构等3户。", ("宏达钢构", "Enterprise")),
    ("岳阳市人民政府与比亚迪战略合作签约仪式举行。", ("比亚迪", "Enterprise")),
    ("记者 张明远 刘晓", ("张明远", "Person")),
    ("县人大常委会副主任刘永任,县政协副主席出席。", ("刘永任", "Person")),
    ("州委决定周明任开发区管委会主任(副县级)。", ("周明", "Person")),
    ("县委决定李国华担任开发区党工委书记。", ("李国华", "Person")),
    ("市政府任命赵丽为招商局局长。", ("赵丽", "Person")),
    # a verb after a two-character name is not its third character (刘明会见 → 刘明)
    ("开发区党工委书记、管委会主任刘明会见客人。", ("刘明", "Person")),
    # one decision appointing several people
    ("州委决定张明任开发区管委会主任,王强任园区党工委书记。", ("王强", "Person")),
    ("园区现管辖白沙、东坪、金塘等三个工业园。", ("东坪", "Zone")),
    ("开发区下辖北十里、东坪等两个工业园。", ("北十里", "Zone")),  # the first item starts after the verb
    ("园区以汽车零部件、轻纺制鞋、食品饮品为主导产业。", ("轻纺制鞋", "Industry")),
    ("无锡工业园区新引进企业30家。", ("无锡工业园区", "Zone")),
    ("中国(福建)自由贸易试验区厦门片区挂牌。", ("中国(福建)自由贸易试验区", "Zone")),
    ("广东省佛山市顺德区家电产业园发布新政。", ("广东省佛山市顺德区家电产业园", "Zone")),
    ("工业园位于石门县维新镇白云村、青山村。", ("青山村", "Place")),
    ("省发展改革委、省商务厅联合印发实施意见。", ("省发展改革委", "Organization")),
    # bodies: a level word before a bare zone word, a committee's office, words of purpose inside a name,
    # a unit after a national body, and a body's office in a place
    ("省开发区评估组组长王强出席。", ("省开发区评估组", "Organization")),
    ("县委办、县发改局参加会议。", ("县委办", "Organization")),
    ("与中国西部投资促进协会签署协议。", ("中国西部投资促进协会", "Organization")),
    ("与商务部投资促进事务中心签约。", ("商务部投资促进事务中心", "Organization")),
    ("人民日报湖北分社报道。", ("人民日报湖北分社", "Organization")),
    # a county's short name right after its province stands outside the document's region
    ("考察团赴贵州凯里学习。", ("凯里", "Place")),
    # 分局: a zone's or a body's branch office is named by its function alone
    ("核定3个职能机构,即规划建设分局、财政分局和招商服务中心。", ("规划建设分局", "Organization")),
    ("核定3个职能机构,即规划建设分局、财政分局和招商服务中心。", ("财政分局", "Organization")),
    # a committee's working committees are its units, whatever verbs their names hold
    ("抄送:省人大常委会预算工作委员会,省政府办公厅。", ("省人大常委会预算工作委员会", "Organization")),
    ("抄送:省人大常委会选举任免代表工作委员会。", ("省人大常委会选举任免代表工作委员会", "Organization")),
    # a session number between the place and its assembly stays inside the mention
    ("湖南省十三届人大常委会第五次会议通过。", ("湖南省十三届人大常委会", "Organization")),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_mention_is_found(nlp, text, expected):
    assert expected in _mentions(nlp(text))


NOT_FOUND = [
    ("要加强开发区建设,提高园区管理水平。", "Zone"),
    ("全省开发区要推进产业升级。", "Zone"),
    ("湖南省开发区的亩均税收持续增长。", "Zone"),
    ("该公司负责人介绍了项目进展。", "Enterprise"),
    ("重点项目建设进展顺利。", "Project"),
    ("会议强调要优化产业布局。", "Organization"),
    ("主任、副主任分别发言。", "Person"),
    ("会议决定成立领导小组,任务分解到各部门。", "Person"),
    ("工作人员新建了三个车间,加强合作。", "Place"),
    ("全州开发区要加快发展。", "Place"),
    ("岳阳市工业园区亩均税收持续增长。", "Zone"),
    ("园区打造专业特色产业园。", "Zone"),
    ("其中城镇居民收入增长。", "Place"),   # 其中 runs into a town's name (中城镇)
    ("白塔区块重点发展生物医药产业。", "Place"),   # 区 of 区块 closes no district (白塔区)
    ("为规范内部管理,保障协会正常运作。", "Organization"),   # a verb before 协会 names no association
    ("加快高新区和新区建设。", "Place"),   # 新区 alone is a kind of zone, not a district's short name
]


@pytest.mark.parametrize("text,label", NOT_FOUND)
def test_generic_words_are_not_entities(nlp, text, label):
    named = [e for e in nlp(text).ents if e.label_ == label and e.kb_id_ != "generic"]
    assert named == []


NESTED_CASES = [
    ("来凤经济开发区成立于1992年。", ("来凤", "Place")),
    ("永州经开区管委会召开会议。", ("永州经开区", "Zone")),
]


@pytest.mark.parametrize("text,expected", NESTED_CASES)
def test_nested_mentions(nlp, text, expected):
    assert expected in _nested(nlp(text))


def test_generic_bodies_are_marked_for_resolution(nlp):
    doc = nlp("市委、市政府高度重视园区工作。")
    generic = {(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Organization"}
    assert generic == {("市委", "generic"), ("市政府", "generic")}


def test_entities_do_not_overlap_and_slice_the_text(nlp):
    text = "湖南省永州市零陵区工业园的湖南恒创新材料有限公司由市委书记陈文浩视察。"
    doc = nlp(text)
    last_end = 0
    for ent in doc.ents:
        assert ent.start_char >= last_end
        assert text[ent.start_char:ent.end_char] == ent.text
        last_end = ent.end_char


def test_region_is_guessed_from_places(nlp):
    doc = nlp("湖南省永州市道县经济开发区,位于道县县城。")
    assert doc._.region is not None
    assert doc._.region.province == "湖南省"
    assert doc._.region.city == "永州市"


INDUSTRIES = [
    # 等产业 after a list makes every item an industry, lexicon term or not
    ("园区配套发展光伏材料、食品包装等产业。", {"光伏材料", "食品包装"}),
    # 及 joining two industries gives both; 及 before the parts of the first gives one
    ("重点发展电子信息、军民融合及新材料等产业。", {"军民融合", "新材料"}),
    ("覆盖船舶制造及配套零部件制造、电子信息等领域。", {"船舶制造及配套零部件制造"}),
    # 以X为代表/为支柱: the industry as written, longer than the lexicon term inside it
    ("形成了以船舶制造及零部件配套产业为支柱的产业体系。", {"船舶制造及零部件配套"}),
    ("建设以厨房家电为代表的家居产业园。", {"厨房家电"}),
    ("打造以动物疫苗为代表的生物医药园。", {"动物疫苗"}),
    # policy vocabulary whose word alone is too vague (信息, 高新技术)
    ("全县以信息产业为主导。", {"信息产业"}),
    ("构筑以高新技术产业为先导的产业体系。", {"高新技术产业"}),
    # 和 closing a list adds its last item; …工业 in a list names the industry before it
    ("园区以医药、精细化工和金属制品为主导产业。", {"医药", "精细化工", "金属制品"}),
    ("打造新能源工业、新材料工业和文化旅游三大产业集群。", {"新能源", "新材料", "文化旅游"}),
    # the category named after 等 closes a list of its kinds
    ("发展健康养老、文化娱乐等现代服务业,建设休闲旅游区。", {"现代服务业"}),
    # the line of business that a list of firms leads (以A、B为依托的X产业)
    ("园区形成了以华宇重工、金鼎机械为依托的农机装备产业。", {"农机装备"}),
    ("以“华岭”为代表的绿色建材等三大产业。", {"绿色建材"}),
]


@pytest.mark.parametrize("text,expected", INDUSTRIES)
def test_industry_forms(nlp, text, expected):
    assert expected <= {e.text for e in nlp(text).ents if e.label_ == "Industry"}


@pytest.mark.parametrize("text,wrong", [
    ("形成以兴达香料为龙头的产业。", "兴达香料"),       # a brand before a sector word is a firm
    ("全县以信息产业为主导。", "信息"),
    ("建设以厨房家电为代表的家居产业园。", "家电"),
    ("打造新能源工业、新材料工业和文化旅游三大产业集群。", "新材料工业"),
])
def test_industry_not_cut_short_or_taken_from_a_brand(nlp, text, wrong):
    assert wrong not in {e.text for e in nlp(text).ents if e.label_ == "Industry"}


def test_outlets_and_writers_named_in_a_pages_credits_are_found():
    # The credit lines survive chrome removal, so their names reach the pipeline with offsets.
    from zonekg.extractors.extract import extract_text
    from zonekg.extractors.ingest.documents import load_text

    page = ("某某开发区新签约项目12个\n"
            "发布时间:2021-03-02 09:15 | 来源:某某日报 | 编辑:罗小明 | 责编:付丽\n"
            "3月1日,某某经济开发区举行项目集中签约仪式,12个项目总投资56亿元。\n"
            "园区企业生产车间一角。青川晚报记者 施文涛 摄\n"
            "文、图:赵小芸\n编 辑:钱立群\n审 核:韩立东 终 审:苏明\n")
    (doc,) = load_text(page)
    found = {(m.type, m.name) for m in extract_text(doc.text).mentions}
    assert {("Organization", "某某日报"), ("Organization", "青川晚报"), ("Person", "罗小明"), ("Person", "付丽"),
            ("Person", "施文涛"), ("Person", "赵小芸"), ("Person", "钱立群"), ("Person", "韩立东"),
            ("Person", "苏明")} <= found
    assert doc.document.title == "某某开发区新签约项目12个"
