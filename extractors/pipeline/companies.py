"""Return Enterprise candidates: a company suffix (有限公司, 集团 …) with the name before it."""

from __future__ import annotations

import re

from zonekg.extractors.pipeline.automaton import lexicon_automaton, matches, places_by_name
from zonekg.extractors.pipeline.candidates import FULL, Candidate
from zonekg.extractors.pipeline.enumerations import items_before
from zonekg.extractors.data.lexicons import lexicon
from zonekg.extractors.pipeline.stems import STOP_CHARS, cut_function_words, cut_stop_words, is_common_word, is_descriptive

ENTERPRISE = "Enterprise"

# Stems that make a company suffix a common noun (该公司, 子公司, 国有企业集团 …).
_NOT_NAMES = frozenset({"该", "子", "分", "本", "我", "各", "全资", "控股", "投资", "国有", "民营", "外资", "上市", "省属",
                        "市属", "这家", "一家", "企业", "龙头", "大型", "骨干", "平台", "国企", "央企", "建设", "集团",
                        "开发", "运营", "管理", "有限", "股份", "母", "总", "合资", "独资", "两家", "多家", "几家", "公司"})
_STOP = frozenset("的在是和与及等了将把对向从由于以到个为被并或也还都就、，。；：！？“”\"'《》 \t\n,.;:!?|*")
_INNER = "()（）"


def find_companies(text: str, place_ends: dict[int, int] | None = None) -> list[Candidate]:
    """Return Enterprise candidates found in ``text``; ``place_ends`` maps place end offsets to starts."""
    place_ends = place_ends or {}
    out: list[Candidate] = []
    longest: dict[int, int] = {}
    for start, end, _w, _v in matches(lexicon_automaton("company_suffixes"), text):
        if start < longest.get(end, end):
            longest[end] = start
    for end, suffix_start in sorted(longest.items()):
        if text[suffix_start:end] == "厂":
            factory = _factory_start(text, suffix_start, place_ends)
            if factory is not None:
                out.append(Candidate(factory, end, ENTERPRISE, FULL))
            continue
        if text[suffix_start:end] in ("集团", "控股集团") and end < len(text) and text[end] in "化式内外":
            continue
        left = suffix_start
        depth = 0
        while left > 0 and suffix_start - left < 20:
            ch = text[left - 1]
            if ch in "）)":
                depth += 1
            elif ch in "（(":
                if depth == 0:
                    break
                depth -= 1
            elif ch == "和" and (left - 1 in place_ends or left in place_ends or left - 2 in place_ends
                                 or _word_ending_in_he(text, left)):
                pass  # 湖南和广生物, 辽宁东和新材料, 江西仁和药业, 协和新能源: 和 inside a word of the name
            elif ch in _STOP and ch != "和" and _word_ending_in_he(text, left):
                pass  # 华为技术有限公司: a function character closing a proper word (华为) is part of the name
            elif ch in _STOP or not (ch.isalnum() or ch in _INNER):
                break
            left -= 1
        left = _cut_before_firm(text, left, suffix_start)
        if suffix_start - left >= 3 and text[left] in "现原" and (left == 0 or not "\u4e00" <= text[left - 1] <= "\u9fff"):
            left += 1  # (现科隆公司厂址): 现 and 原 date the firm, they are not part of its name
        if text[suffix_start:end] in ("公司", "集团"):
            # a bare 公司 often follows a clause (我们积极协调公司, 协助燕京啤酒(仙桃)公司): drop verbs and
            # pronouns before the name, looking only at the part before a bracket
            bracket = next((i for i in range(left, suffix_start) if text[i] in "(（"), suffix_start)
            cut = cut_function_words(text, left, bracket) if bracket > left else left
            left = cut if cut < bracket else left  # 重庆机电控股(集团)公司: never cut the whole name away
        while left < suffix_start and text[left] in _INNER:
            left += 1
        stem = text[left:suffix_start]
        if _TIME_WORD.search(stem):
            continue  # 今年公司二月公司: a clause of dates and bare 公司, no firm's name
        if (len(stem) < 2 or stem in _NOT_NAMES or stem.isdigit() or is_descriptive(stem, _BRAND_FREQUENCY)
                or stem in set(lexicon("industries"))):
            continue
        # a design or research institute run as a company is still an institute (…设计院有限公司)
        label = "Organization" if _INSTITUTE.search(stem) else ENTERPRISE
        out.append(Candidate(left, end, label, FULL))
    out.extend(_placed_brands(text, place_ends))
    return out


def _placed_brands(text: str, place_ends: dict[int, int]) -> list[Candidate]:
    """Return firms named by a place, a two-character brand and a sector word (湖南恒创新材料, 江华海螺水泥).

    The name must stand alone: after punctuation or a verb of choosing, and before
    punctuation, 等 or a verb of which the firm is the subject.
    """
    out: list[Candidate] = []
    for end, start in place_ends.items():
        brand = text[end:end + 2]
        sector = _SECTOR_AT.match(text, end + 2)
        if sector is None or len(brand) < 2 or any(ch in STOP_CHARS or not "\u4e00" <= ch <= "\u9fff" for ch in brand):
            continue
        if (is_common_word(brand) or is_descriptive(text[end:sector.end()], _BRAND_FREQUENCY)
                or not _FIRM_AFTER.match(text, sector.end())):
            continue
        if start > 0 and text[start - 1] not in _NAME_OPENERS and not _BEFORE_FIRM.search(text, max(0, start - 2), start):
            continue
        out.append(Candidate(start, sector.end(), ENTERPRISE, FULL))
    return out


_NAME_OPENERS = "、,，。;；:：(（“\n 　"
# What follows a firm's name: punctuation, 等, or a verb whose subject it is (江华海螺水泥成功创建…)
_FIRM_AFTER = re.compile(r"[、,，。;；)）”等和与及]|$|成功|获得|获评|荣获|建成|投产|落户|入驻|实现|完成|新上|扩建|签约|正式|被评|入选")


def _word_ending_in_he(text: str, he_end: int) -> bool:
    """Return whether the character ending at ``he_end`` (和, 为 …) closes a two-character proper word (协和, 华为)."""
    from zonekg.extractors.data.words import word_tags

    pair = text[max(0, he_end - 2):he_end]
    return len(pair) == 2 and word_tags().get(pair, (0, ""))[1] in ("nz", "nr", "nrt", "ns", "nt")


_TIME_WORD = re.compile(r"今年|去年|明年|当年|[一二三四五六七八九十\d]+月|年底|年初")
_INSTITUTE = re.compile(r"设计院|规划院|勘察院|勘测院")


# Words that stand before a firm's name but never inside it; 发展, 投资, 服务 … do occur inside names.
_BEFORE_FIRM = re.compile(r"集聚|聚集|汇聚|拥有|引进|签约|签订|签署|落户|入驻|进驻|支持|依托|包括|其中|组织|协调|推动|帮助|协助|来自|携手|以及|"
                          r"新增|培育|扶持|走访|考察|参观|调研|看望|召开|举行|成立|组建|注册|设立|分别|主要|目前|已|推荐|评选|认定|申报|"
                          r"获批|荣获|命名|表彰")


def _cut_before_firm(text: str, start: int, end: int) -> int:
    """Return ``start`` moved right past the last word of _BEFORE_FIRM inside ``text[start:end]``."""
    last = start
    for match in _BEFORE_FIRM.finditer(text, start, end):
        last = max(last, match.end())
    return last


def _factory_start(text: str, suffix_start: int, place_ends: dict[int, int]) -> int | None:
    """Return where a place-named factory starts (来凤卷烟厂: place + 2–4 characters + 厂), or None."""
    for size in (2, 3, 4):
        stem_start = suffix_start - size
        if stem_start in place_ends and all("\u4e00" <= ch <= "\u9fff" and ch not in STOP_CHARS
                                            for ch in text[stem_start:suffix_start]):
            return place_ends[stem_start]
    return None


# Sector words that follow a brand in short company names (果秀食品, 宏力重工, 美维铝业).
_SECTORS = ("食品", "药业", "制药", "医药", "铝业", "钙业", "塑业", "纸业", "木业", "矿业", "实业", "置业", "电子", "科技",
            "纺织", "化工", "重工", "电器", "电气", "机械", "建材", "能源", "新能源", "新材料", "材料", "家具", "电力", "香料",
            "钢构", "钢铁", "农林", "农业", "生物", "光电", "光能", "汽车", "啤酒", "酒业", "乳业", "茶业", "服饰", "服装",
            "皮具", "包装", "印务", "物流", "水泥", "陶瓷", "玻璃", "电池", "机电", "动力", "智能",
            "发电", "电站", "环保", "水务", "燃气", "牧业", "饲料", "米业", "油脂", "淀粉", "纸品", "塑胶", "五金", "精工", "精密")  # 集团, 股份 … are company suffixes, handled by find_companies
_SECTOR_RE = re.compile("(?:" + "|".join(sorted(_SECTORS, key=len, reverse=True)) + ")+$")  # 电子科技: one or more
SECTOR_END = _SECTOR_RE  # text ending in a sector word ends a firm's name (天合光能)
_SECTOR_AT = re.compile("(?:" + "|".join(sorted(_SECTORS, key=len, reverse=True)) + ")+")
# A list of firms closed by 等企业 / 为龙头 (长丰猎豹、恒远发电等龙头企业; 以山力板带、宏力重工为依托).
_LIST_END = re.compile(r"等(?:龙头|重点|骨干|规上|规模|知名|大型|一批|优强|优质|高新技术|科技型|专精特新)?(?:企业|公司|品牌|龙头企业)"
                       r"|为(?:依托|龙头|骨干)"
                       r"|等\s*[\d一二三四五六七八九十]+\s*[户家](?:企业|公司)?")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）]{2,14}")


def find_brands(text: str) -> list[Candidate]:
    """Return Enterprise candidates named by brand in firm lists and as brand + sector word."""
    out: list[Candidate] = []
    for match in _LIST_END.finditer(text):
        end = match.start()
        items = _list_items(text, end)
        for start, stop in items:
            out.append(Candidate(start, stop, ENTERPRISE, FULL))
    # brand + sector items of any list of three or more (做响果秀食品、恒惠食品、山香华宝)
    for match in re.finditer(r"(?:[\u4e00-\u9fff]{4,8}[、,]){1,}[\u4e00-\u9fff]{4,8}", text):
        pieces = []
        pos = match.start()
        for item in re.split("[、,]", match.group()):
            pieces.append((pos, pos + len(item)))
            pos += len(item) + 1
        branded = [(s, e) for s, e in pieces if _is_brand_sector(text[s:e])]
        if len(branded) >= 2:
            for s, e in branded:
                # brands are mostly two characters: a longer run before them is a verb or a modifier (做响果秀食品)
                sector = _SECTOR_RE.search(text[s:e]).group()
                out.append(Candidate(max(s, e - len(sector) - 2), e, ENTERPRISE, FULL))
    return out


# A brand + sector word followed by an amount, as in investment lists (凤雅藤茶400万元、翔奥电力7000万元).
_WITH_AMOUNT = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,6})(?=[\d.]+(?:万|亿)元)")
# 总投资10亿元的康都药业: a firm named after the amount it invests
_INVESTED_FIRM = re.compile(r"投资[\d.]+(?:万|亿)元的([\u4e00-\u9fff]{4,6})(?=[、,，。;；]|$)")
# A brand + sector word opening a clause as its subject (其中,希尔制药建成…; 。康都药业投产…).
_OPENING_BRAND = re.compile(r"(?:(?<=[,，。;；:：])|(?<=其中,)|^)([\u4e00-\u9fff]{4,6}?)(?=建成|投产|落户|入驻|成功|获得|获评|荣获|"
                            r"实现|完成|新上|扩建|建设|签约|正式|已|是|为|被|的)", re.MULTILINE)
# A brand + sector word right after a verb of support (支持慧狮塑业从香港融资, 引进宏达钢构).
_SUPPORTED_BRAND = re.compile(r"(?:支持|帮助|协助|引进|扶持|服务|推动|鼓励)([\u4e00-\u9fff]{2}(?:"
                             + "|".join(sorted(_SECTORS, key=len, reverse=True)) + "))")
# 与X签署 / 与X战略合作: the partner of a signing (永州市人民政府与华为战略合作签约).
_PARTNER = re.compile(r"与([\u4e00-\u9fffA-Za-z]{2,8}?)(?=签署|签订|签约|战略合作|开展合作|合作签约)")


_SIDES = ("方面", "双方", "各方", "一起", "共同", "一道", "企业", "公司", "单位", "部门")


def find_partners_and_amounts(text: str) -> list[Candidate]:
    """Return firms named as a signing partner or before an invested amount in a list."""
    out: list[Candidate] = []
    for match in _INVESTED_FIRM.finditer(text):
        if is_brand_name(match.group(1)):
            out.append(Candidate(match.start(1), match.end(1), ENTERPRISE, FULL))
    for match in _SUPPORTED_BRAND.finditer(text):
        if is_brand_name(match.group(1)):
            out.append(Candidate(match.start(1), match.end(1), ENTERPRISE, FULL))
    for match in _OPENING_BRAND.finditer(text):
        if is_brand_name(match.group(1)) and not _known_word(match.group(1)[:2]):
            out.append(Candidate(match.start(1), match.end(1), ENTERPRISE, FULL))
    for match in _WITH_AMOUNT.finditer(text):
        item = match.group(1)
        if _is_brand_sector(item):
            sector = _SECTOR_RE.search(item).group()
            # after 、 the item is a whole name (新佰佳家具); elsewhere a verb may run into it (做响果秀食品)
            brand = 3 if match.start(1) > 0 and text[match.start(1) - 1] == "、" else 2
            out.append(Candidate(max(match.start(1), match.end(1) - len(sector) - brand), match.end(1), ENTERPRISE, FULL))
    for match in _PARTNER.finditer(text):
        name = match.group(1)
        if name in places_by_name() or name[-1] in "省市县区州链局厅委办" or "等" in name or name.endswith(_SIDES):
            continue
        if not is_descriptive(name) and not is_common_word(name) and (
                not any(ch in STOP_CHARS for ch in name) or _tagged_name(name)):
            out.append(Candidate(match.start(1), match.end(1), ENTERPRISE, FULL))
    for match in _BRANCH.finditer(text):
        # the firm runs from the clause or list boundary before it (looked up only where a branch is named)
        opening = _BRANCH_OF_FIRM.search(text, max(0, match.start() - 8), match.start())
        if opening is not None and _is_brand_sector(opening.group(1)):
            out.append(Candidate(opening.start(1), opening.end(1), ENTERPRISE, FULL))
    for match in _FIRMS_LISTED_AFTER.finditer(text):
        out.extend(_led_list_items(text, match.start(1), match.end(1)))
    for match in _QUOTED_BRANDS.finditer(text):
        for brand in re.finditer(r"“([\u4e00-\u9fff]{2,4})”", match.group(1)):
            if not re.match(r"[一二三四五六七八九十百千万两双多]", brand.group(1)) and not is_common_word(brand.group(1)):
                out.append(Candidate(match.start(1) + brand.start(1), match.start(1) + brand.end(1), ENTERPRISE, FULL))
    return out


# “金凤”、“腾辉”为主体的新型建材产业: brands in quotes that lead a line of business are firms
_QUOTED_BRANDS = re.compile(r"((?:“[\u4e00-\u9fff]{2,4}”[、和及与]?)+)(?:为主体|为首选|为代表|为龙头|为依托|为骨干|为主)的"
                            r"[\u4e00-\u9fff]{2,12}?(?:产业|行业)")


# 新亚强化工党支部, 华工机械工会: a party branch or union of a firm names the firm
_BRANCH = re.compile(r"党支部|党总支|工会")
_BRANCH_OF_FIRM = re.compile(r"(?:^|[,，。;；、:：\n])([\u4e00-\u9fff]{4,7})$")
# 入园企业有A、B、C: a list that a firm word opens (the closing 等企业 form is read by find_brands)
_FIRMS_LISTED_AFTER = re.compile(r"企业(?:有|包括|主要有|如)[:：]?((?:[\u4e00-\u9fffA-Za-z0-9]{2,12}、)+"
                                 r"[\u4e00-\u9fffA-Za-z0-9]{2,12})")


def _led_list_items(text: str, start: int, end: int) -> list[Candidate]:
    """Return the items of a list opened by 企业有 (凯迪绿色能源、腾升香料、明涛钙业) that are not common words."""
    out: list[Candidate] = []
    pos = start
    for item in text[start:end].split("、"):
        s, e = pos, pos + len(item)
        pos = e + 1
        if "等" in item:
            e = s + item.index("等")  # 楚城钙业等5户: the list's closing words are not part of the last name
        name = text[s:e]
        if e - s >= 3 and not _known_word(name) and not is_descriptive(name, _BRAND_FREQUENCY) \
                and name not in set(lexicon("industries")):
            out.append(Candidate(s, e, ENTERPRISE, FULL))
    return out


def _tagged_name(word: str) -> bool:
    """Return whether the dictionary tags ``word`` as a proper name (华为: nr, though 为 is a function character)."""
    from zonekg.extractors.data.words import word_tags

    return word_tags().get(word, (0, ""))[1] in ("nr", "nz", "nt", "nrt")


def is_brand_name(item: str) -> bool:
    """Return whether ``item`` is exactly a two-character brand and a sector word (康都药业, 华洋电子科技)."""
    if len(item) == 4 and _FIRM_ONLY.search(item) and item[0] not in STOP_CHARS and not is_common_word(item[:2]):
        return True  # 康都药业: an …业 of a brand is a firm, whatever characters the brand is made of
    match = _SECTOR_RE.search(item)
    return bool(match) and match.start() == 2 and _is_brand_sector(item)


# Sector words that only firms bear (药业, 钙业); 食品, 电子 … also name industries.
_FIRM_ONLY = re.compile(r"(?:药业|铝业|钙业|塑业|纸业|木业|矿业|实业|置业|酒业|乳业|茶业|米业|牧业|重工|钢构|精工)$")


def _is_brand_sector(item: str) -> bool:
    """Return whether ``item`` reads as a two-to-four character brand followed by a sector word."""
    match = _SECTOR_RE.search(item)
    if not match or match.start() < 2:
        return False
    brand = item[: match.start()][-2:]
    return not any(ch in STOP_CHARS for ch in brand) and not is_descriptive(brand + match.group())


# Words that open a list of firms without being part of the first name (以…为依托, 有…等5户, 支持…等企业).
_LEAD = re.compile(r"(?:以|有|如|像|由|把|将|对|和|及|与|包括|支持|引进|培育|扶持|依托|全力支持|重点|其中|比如|例如|入园企业有)+")
_FIRMS_OPENER = re.compile(r"(?:企业|公司|品牌|厂家|园区内|园区|区内|园内|其中)(?:主要)?(?:有|包括|如)")
_BRAND_FREQUENCY = 300  # a word rarer than this in the dictionary may well be a brand (合兴, 恒远)


def _list_items(text: str, end: int) -> list[tuple[int, int]]:
    """Return the 、-separated items that end at ``end`` (the last item first found), leftmost cut at verbs."""
    items = items_before(text, end, lambda ch: ch.isalnum() or ch in "()（）", max_items=10, max_len=14, min_len=2)
    if not items:
        return []
    first_start, first_stop = items[-1]
    cut = cut_stop_words(text, first_start, first_stop)
    while cut < first_stop:
        lead = _LEAD.match(text, cut, first_stop)
        if lead and lead.end() > cut:
            cut = lead.end()
        elif text[cut] in STOP_CHARS:
            cut += 1  # 形成了以山力板带: 了 and 以 open the list
        else:
            break
    for opener in _FIRMS_OPENER.finditer(text, cut, first_stop):
        cut = max(cut, opener.end())  # 园区企业有华星通讯: the kind noun and its verb open the list
    if first_stop - cut > 4:
        cut = cut_function_words(text, cut, first_stop)  # 目前已给污水处理厂: a clause ran into the first name
    sector = _SECTOR_RE.search(text[cut:first_stop])
    if sector and first_stop - cut > len(sector.group()) + 2:
        cut = first_stop - len(sector.group()) - 2  # 做响果秀食品: a two-character brand before the sector word
    items[-1] = (cut, first_stop)
    industries = set(lexicon("industries"))
    return [(s, e) for s, e in items if e - s >= 2 and not _known_word(text[s:e])
            and not is_descriptive(text[s:e], _BRAND_FREQUENCY) and text[s:e] not in industries]


def _known_word(item: str) -> bool:
    """Return whether a list item is itself a dictionary word other than a name (道路, 通讯)."""
    from zonekg.extractors.data.words import word_tags

    freq, tag = word_tags().get(item, (0, "nz"))
    return freq >= _BRAND_FREQUENCY and tag not in ("nr", "nrt", "nz", "ns", "nt")
