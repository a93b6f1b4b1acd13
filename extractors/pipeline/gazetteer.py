"""The ``zonekg_gazetteer`` component: place names and industry terms found by dictionary lookup."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from zonekg.extractors.data.words import word_tags
from zonekg.extractors.pipeline.automaton import lexicon_automaton, matches, place_automaton
from zonekg.extractors.pipeline.candidates import LEXICON, SHORT, FULL, Candidate
from zonekg.extractors.pipeline.spans import doc_text, register_extensions
from zonekg.extractors.pipeline.stems import cut_function_words, is_descriptive

PLACE = "Place"
INDUSTRY = "Industry"

# An industry term counts only in a sentence about lines of business; elsewhere 汽车, 旅游 … are common words.
_INDUSTRY_CONTEXT = re.compile(r"产业|行业|集群|主导|为主|重点发展|发展|龙头|企业|项目|基地|制造|加工|园")
_SENTENCE_END = re.compile(r"[。！？；\n]")


def find_places(text: str) -> list[Candidate]:
    """Return Place candidates: official names (FULL) and short forms (SHORT) of divisions."""
    out: list[Candidate] = []
    found = list(matches(place_automaton(), text))
    # a short form the document also uses as a place for sure (仙桃市, 仙桃开发区) is a place everywhere in it
    vouched = {word for start, end, word, values in found if _named(text, end, values)}
    vouched |= {p.short for start, end, word, values in found for p, short in values if not short and p.short}
    for start, end, _word, values in found:
        is_short = all(short for _place, short in values)
        if is_short and end - start == 2 and text[start] == "全" and text[start + 1] in "省市县区州":
            continue  # 全州, 全县: "the whole prefecture", not 全州县
        named = _named(text, end, values)
        if (is_short and not named and text[start:end] not in vouched and _common_word(text[start:end])
                and all(p.level == "county" for p, _s in values)):
            continue  # 新建, 合作, 会同: county short forms that are everyday words
        if (not is_short and not named and end - start == 2 and start > 0 and _cjk(text[start - 1])
                and text[start - 1] not in "市州省、"):
            continue  # 和县 in 县委和县政府, 理县 in 代理县长: two-character names inside other words
        if (not is_short and text[end - 1] in "镇乡" and start > 0 and _cjk(text[start - 1])
                and _common_word(text[start - 1:start + 1]) and word_tags().get(text[start - 1:start + 1], (0, ""))[0] >= 1000):
            continue  # 其中城镇职工: a frequent word (其中) runs into the town's name
        if is_short and text[start:end] in _zone_words():
            continue  # 新区 (short for 兰州新区): as a word it is a kind of zone, never a place by itself
        if text[end - 1] == "区" and text.startswith("块", end):
            continue  # 白塔区块: the 区 opens 区块 (a zone's block), it closes no district's name
        if is_short and end < len(text) and text[end] in "省市县区州镇乡旗" and not _followed_by_body(text, end):
            continue  # 永州 in 永州市: the full form is matched at its own end
        out.append(Candidate(start, end, PLACE, SHORT if is_short else FULL))
    return out


# Beginnings of zone and body names: a place name right before one of these is surely a place.
_NAME_HEADS = ("经济", "高新", "开发区", "工业", "产业园", "经开", "综合保税", "保税", "市委", "县委", "区委",
               "州委", "人民政府", "政府", "管委会", "电子", "物流")


# Villages right after a town (翔凤镇桂花树村、黄茅坪村): the gazetteer stops at towns, the text names the rest.
_VILLAGES = re.compile(r"[\u4e00-\u9fff]{2,4}?村(?:、[\u4e00-\u9fff]{2,4}?村)*")


def find_villages(text: str, places: list[Candidate]) -> list[Candidate]:
    """Return villages named right after a town or township (…镇X村、Y村)."""
    out: list[Candidate] = []
    for c in places:
        if c.kind != FULL or text[c.end - 1] not in "镇乡":
            continue
        match = _VILLAGES.match(text, c.end)
        if match is None:
            continue
        pos = match.start()
        for item in match.group().split("、"):
            out.append(Candidate(pos, pos + len(item), PLACE, FULL))
            pos += len(item) + 1
    return out


def _zone_words() -> frozenset[str]:
    """Return the zone suffix words (新区, 开发区 …)."""
    from zonekg.extractors.data.lexicons import lexicon

    return frozenset(lexicon("zone_suffixes"))


def _named(text: str, end: int, values: tuple) -> bool:
    """Return whether a zone or body name follows the place ending at ``end`` (仙桃开发区, 道县高新区)."""
    if not text.startswith(_NAME_HEADS, end):
        return False
    if text[end:end + 2] in ("市委", "县委", "区委", "州委"):
        return any(p.name.endswith(text[end]) for p, _s in values)  # 会同 + 市委编办 is no 会同县 body
    return True


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _common_word(word: str) -> bool:
    """Return whether a short place form is an everyday dictionary word (not a place or a name)."""
    freq, tag = word_tags().get(word, (0, "ns"))
    # very frequent words are everyday words even when the dictionary also knows the place (新建)
    return (tag not in ("ns", "nr", "nrt", "nz", "j") and freq >= 50) or freq >= 800


def _followed_by_body(text: str, end: int) -> bool:
    """Return whether a level character after a short form begins a body (市委, 县政府) rather than a full name."""
    return text[end:end + 2] in ("市委", "县委", "区委", "州委", "省委")


def find_industries(text: str) -> list[Candidate]:
    """Return Industry candidates from the industry lexicon, in sentences about lines of business."""
    out: list[Candidate] = []
    for start, end, _word, _values in matches(lexicon_automaton("industries"), text):
        left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
        right_match = _SENTENCE_END.search(text, end)
        right = right_match.start() if right_match else len(text)
        if not _INDUSTRY_CONTEXT.search(text, left, right):
            continue
        # the term must stand as a line of business: before 产业/行业/业/等, or next to another list item
        after = text[end:end + 2]
        before = text[start - 1:start] if start else ""
        if (after.startswith(("产业", "行业", "业", "等", "、", "和", "及", "为", "集群", "企业", "项目", "基地", "园"))
                or before in ("、", "和", "及", "与", "等")
                or text.endswith(_LEADS, max(0, start - 4), start)):
            out.append(Candidate(start, end, INDUSTRY, LEXICON))
    return out


# Words that introduce a line of business right before its name (发展电子信息, 以食品加工为主).
_LEADS = ("发展", "培育", "壮大", "打造", "聚焦", "引进", "以", "主导产业", "主攻", "布局", "做强", "延伸", "主要从事", "从事")


# Head words that end an industry name (…制造, …加工, …材料); an item without a lexicon term needs one.
_HEADS = ("制造", "加工", "材料", "装备", "产品", "服务", "经济", "电子", "能源", "工业", "农业", "物流", "医药", "食品",
          "化工", "纺织", "建材", "机械", "电器", "器材", "融合", "金融", "商贸", "流通", "贸易", "制鞋", "箱包", "电机",
          "配套", "零部件", "信息", "科技", "技术", "健康", "文化", "旅游", "养老", "娱乐", "饮品", "香料", "疫苗", "制品")
# Verbs that are part of industry names (汽车制造, 农产品加工): the part-of-speech cut must keep them.
_INDUSTRY_WORDS = frozenset(_HEADS) | frozenset({"制造", "加工", "生产", "开发", "研发", "服务", "融合", "配套", "物流"})
_CLOSER = re.compile(r"等|的|为主|为代表|为重点")
_NOT_INDUSTRY = re.compile(r"项目|落地|建设|推进|企业|园区|工程|[网站厂园区所]$")
_LIST_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,14}(?:、[\u4e00-\u9fffA-Za-z]{2,14})+")
_ITEM_TAIL = re.compile(r"(?:等|及其|及)?(?:[一二三四五六七八九十\d]+大)?(?:主导)?(?:产业集群|产业链|产业园|产业|行业|工业|领域|板块|集群)?"
                        r"(?:等)?$")


_INDUSTRY_HEAD = re.compile(r"等(?:[一二三四五六七八九十\d]+大)?(?:主导|新兴|特色|支柱|优势)?(?:产业|行业)")


def find_industry_lists(text: str, terms: list[Candidate]) -> list[Candidate]:
    """Return the items of 、-lists that hold an industry term, as written (皮具箱包、轻纺制鞋、军民融合).

    Lists name industries in compound forms that no lexicon holds; an item is
    kept when it is made of common words (no brand) and is at most ten characters.
    """
    starts = sorted(c.start for c in terms)
    out: list[Candidate] = []
    for run in _LIST_RUN.finditer(text):
        if not any(run.start() <= s < run.end() for s in starts[_first_at(starts, run.start()):][:50]):
            continue
        pos = run.start()
        items = run.group().split("、")
        # A、B等产业: the head noun after 等 makes every item an industry, lexicon term or not
        headed = _INDUSTRY_HEAD.match(text, run.end()) is not None or _INDUSTRY_HEAD.search(items[-1]) is not None
        for number, item in enumerate(items):
            start, end = pos, pos + len(item)
            pos = end + 1
            if number == 0:
                joint = _JOINT.search(text, start, end)  # cut the clause off the first side of 汽车整车及…
                start = cut_function_words(text, start, joint.start() if joint else end, _INDUSTRY_WORDS)
            if number == len(items) - 1:
                closer = _CLOSER.search(text, start, end)  # 微型电机等为代表的…: the list ends at 等
                end = closer.start() if closer else end
            tail = _ITEM_TAIL.search(text, start, end)
            if tail is not None and tail.start() > start:
                end = tail.start()
            out.extend(_item_industries(text, start, end, terms, headed))
    return out


def find_framed_industries(text: str, terms: list[Candidate]) -> list[Candidate]:
    """Return the industry X of 以X为支柱/为代表/为主导 (以智能家电为代表的, 以汽车制造及零部件配套产业为支柱)."""
    out: list[Candidate] = []
    for match in _FRAMED.finditer(text):
        start, stem_end = match.span(1)
        if "、" in match.group(1):
            continue  # a list, read by find_industry_lists
        if any(start <= c.start and c.end <= stem_end for c in terms) or text[start:stem_end].endswith(_HEADS):
            # a brand before a sector word (以兴达香料为龙头) is a firm: rare words are brands here
            out.extend(_item_industries(text, start, stem_end, terms, False, _BRAND_RARE))
    return out


def find_led_industries(text: str) -> list[Candidate]:
    """Return the industry a list of firms leads (以山力板带、宏力重工为依托的机电制造产业 → 机电制造)."""
    out: list[Candidate] = []
    for match in _LED.finditer(text):
        phrase = match.group(1)
        if is_descriptive(phrase) and not _NOT_INDUSTRY.search(phrase):
            out.append(Candidate(match.start(1), match.end(1), INDUSTRY, LEXICON))
    return out


_LED = re.compile(r"为(?:依托|龙头|主体|首选|代表|骨干|支撑)的([\u4e00-\u9fff]{2,10}?)(?:等(?:[一二三四五六七八九十\d]+大)?)?"
                  r"(?:产业集群|产业|行业)")
_BRAND_RARE = 300  # a word rarer than this may be a brand (腾升, 兴达)
_FRAMED = re.compile(r"以([\u4e00-\u9fff、]{2,14}?)(?:产业集群|产业|行业)?为(?:代表|支柱|主导|主体|先导|核心|龙头|引领)")


def _item_industries(text: str, start: int, end: int, terms: list[Candidate], headed: bool,
                     rare: int = 0) -> list[Candidate]:
    """Return the industries one list item names: itself, or both sides of an 及 joining two industries.

    汽车整车及重要零部件制造 is one line of business (the parts belong to the cars);
    军民融合及新材料 joins two, since the second side is an industry by itself.
    """
    joint = _JOINT.search(text, start + 2, max(start + 2, end - 2))
    if joint is None:
        return [Candidate(start, end, INDUSTRY, LEXICON)] if _item_is_industry(text, start, end, terms, headed, rare) else []
    left, right = (start, joint.start()), (joint.end(), end)
    if joint.group() != "及" or any(c.start == right[0] for c in terms):
        # A和B closes a list with two items; A及B where B is an industry by itself names two as well
        tail = _ITEM_TAIL.search(text, *left)
        left = (start, tail.start() if tail is not None and tail.start() > start else left[1])
        return [Candidate(s, e, INDUSTRY, LEXICON) for s, e in (left, right)
                if _item_is_industry(text, s, e, terms, headed, rare)]
    termed = any(left[0] <= c.start and c.end <= left[1] for c in terms)  # a term vouches for its side's words
    if (end - start <= 14 and is_descriptive(text[left[0]:left[1]], 0 if termed else rare) and _dependent_side(text[right[0]:right[1]])
            and (any(start <= c.start and c.end <= end for c in terms) or headed or text[start:end].endswith(_HEADS))
            and not _NOT_INDUSTRY.search(text, start, end)):
        return [Candidate(start, end, INDUSTRY, LEXICON)]
    return []


_JOINT = re.compile(r"及|和|与")


def _dependent_side(phrase: str) -> bool:
    """Return whether the side after 及 is common words naming parts or supply of the first (重要零部件制造, 零部件配套)."""
    from zonekg.extractors.data.words import segment_right, word_tags

    tags = word_tags()
    return all(word in tags and tags[word][1] in _SIDE_TAGS for word in segment_right(phrase))


_SIDE_TAGS = frozenset({"n", "vn", "v", "a", "b", "mq", "l"})


def _item_is_industry(text: str, start: int, end: int, terms: list[Candidate], headed: bool, rare: int = 0) -> bool:
    """Return whether ``text[start:end]`` is a list item naming an industry (common words, a term or head)."""
    phrase = text[start:end]
    if not (any(start <= c.start and c.end <= end for c in terms) or phrase.endswith(_HEADS) or headed):
        return False
    return 2 <= len(phrase) <= 10 and is_descriptive(phrase, rare) and not _NOT_INDUSTRY.search(phrase)


def _first_at(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_left(starts, offset)


@Language.component("zonekg_gazetteer")
def gazetteer_component(doc: Doc) -> Doc:
    """Add place and industry candidates to ``doc._.candidates``."""
    places = find_places(doc_text(doc))
    doc._.candidates.extend(places)
    doc._.candidates.extend(find_villages(doc_text(doc), places))
    industries = find_industries(doc_text(doc))
    doc._.candidates.extend(industries)
    doc._.candidates.extend(find_industry_lists(doc_text(doc), industries))
    doc._.candidates.extend(find_framed_industries(doc_text(doc), industries))
    doc._.candidates.extend(find_led_industries(doc_text(doc)))
    return doc


register_extensions()
