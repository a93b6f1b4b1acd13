"""Return Project candidates: a stem ending in 项目 (and a few construction nouns) after a boundary."""

from __future__ import annotations

import re

from zonekg.extractors.pipeline.candidates import EVIDENT, FULL, Candidate
from zonekg.extractors.pipeline.enumerations import items_before
from zonekg.extractors.data.lexicons import lexicon
from zonekg.extractors.pipeline.companies import is_brand_name
from zonekg.extractors.pipeline.stems import cut_function_words, cut_stop_words, is_common_word, is_descriptive

PROJECT = "Project"

_SUFFIX = re.compile(r"项目")
_STOP = frozenset("的是和与及等了将把对向从由于以到个为被并或也还都就在共、，。；：！？“”\"'《》()（） \t\n,.;:!?|*")
# Words of a project's own name that the part-of-speech cut would otherwise take for verbs.
_PROJECT_WORDS = frozenset({"建设", "生产", "加工", "制造", "研发", "开发", "扩建", "技改", "迁建", "改造", "储藏", "冷藏",
                            "组装", "综合", "治理", "回收", "再生", "升级", "扩能", "智能", "新型", "配套", "仓储", "物流",
                            "年产", "及", "第", "代", "发电", "污水处理", "一期", "二期", "三期", "四期", "精深加工", "深加工", "装配", "检测", "孵化", "创新", "创业", "产业园"})
# Stems that make 项目 a common noun.
_GENERIC = re.compile(r"^(?:重点|重大|签约|招商|在建|新建|续建|开工|竣工|投产|建设|产业|工业|合作|引进|示范|试点|民生|储备|谋划|"
                      r"基础设施|大|该|此|这些|各类|亿元以上|千万元以上|亿元|万元|集中|入园|入驻|落地|投资|其他|好|优质|大好|"
                      r"产业化|重点产业|工业类|服务业|新开工|计划|拟建|一批|若干|部分|全部|单个|单体)+$")


def find_projects(text: str, stops: frozenset[int] = frozenset()) -> list[Candidate]:
    """Return Project candidates found in ``text``; a name never starts before an offset in ``stops``.

    ``stops`` holds the ends of zone names, so that 双桥经开区招商项目 gives no project
    reaching into the zone's name.
    """
    out: list[Candidate] = []
    for match in _SUFFIX.finditer(text):
        end = match.end() + (1 if text.startswith("群", match.end()) else 0)  # 光伏制造项目群: a group of projects
        left = match.start()
        # …产业园一期项目: a phase of the park is the project, so its name reaches over the park's
        phase = _PHASE.search(text, max(0, match.start() - 5), match.start())
        open_at = phase.start() if phase is not None else match.start()
        while (left > 0 and match.start() - left < 24 and (text[left - 1] not in _STOP or _DECIMAL_POINT.match(text, left - 2)
                                                            or (left < match.start() and _joins_products(text, left)))
               and (left >= open_at or left not in stops)):
            left -= 1
        walked = left
        # after 的 (…公司投资的X项目) the name runs from a clean boundary; elsewhere verbs are cut off
        bounded = left > 0 and text[left - 1] == "的" and text[left - 3:left - 1] in ("投资", "建设", "实施", "签约", "引进")
        left = cut_stop_words(text, left, match.start())
        firm_first = _opens_with_firm(text, left, match.start())
        if not bounded and not firm_first:
            left = cut_function_words(text, left, match.start(), _PROJECT_WORDS | _head_phrase(text, left, open_at))
        output = text.find("年产", walked, match.start())
        if 0 <= output < left:
            left = output  # 建设年产20万吨X项目: the yearly output opens the name, figures and all
            firm = cut_stop_words(text, walked, output)
            if 2 <= output - firm <= 4 and _firm_prefix(text[firm:output]):
                left = firm  # 中粮年产3万吨…项目: the investor's short name before the output is the name's
        lead = _LEADING_VERB.match(text, left, match.start())
        if lead is not None and not bounded and match.start() - lead.end() >= 3:
            left = lead.end()  # 申报光伏发电站项目: the verb of the clause is not the project's name
        stem = text[left:match.start()]
        # 投资10亿元建设智能电网装备产业园项目: a park or base built as one investment is named by what it holds
        built_park = (_PARK_END.search(stem) is not None and len(stem) - len(_PARK_END.search(stem).group()) >= 3
                      and _BUILT.search(text, max(0, left - 12), left + 2) is not None)
        if _plausible_stem(stem) and (bounded or firm_first or built_park or not _descriptive_stem(stem)):
            out.append(Candidate(left, end, PROJECT, FULL))
    out.extend(_firm_phases(text))
    for match in _LIST_END.finditer(text):
        for start, stop in _list_items(text, match.start()):
            out.append(Candidate(start, stop, PROJECT, EVIDENT))
    out.extend(_investor_prefixes(text, [c for c in out if c.kind == EVIDENT]))
    for match in _INVESTED.finditer(text):
        name = match.group(1)
        predicate = _PREDICATE.search(name)
        if predicate is not None and predicate.start() >= 2:
            name = name[:predicate.start()]  # 总投资20亿元的青年创业园相继开工: the clause's verb ends the name
        if is_brand_name(name):
            continue  # 总投资10亿元的康都药业: the firm is named, its project is not
        name_end = match.start(1) + len(name)
        with_suffix = text.startswith("项目", name_end)
        if (len(name) >= 3 or with_suffix) and not _GENERIC.match(name) and not is_common_word(name):
            end = name_end + (2 if with_suffix else 0)
            out.append(Candidate(match.start(1), end, PROJECT, EVIDENT))
    return out


_PREDICATE = re.compile(r"相继|陆续|正在|已经|已|开工|建成|投产|落地|签约|竣工|完工|顺利|全面|正式")
# 总投资30亿元的北斗数据中心: whatever an amount of investment is stated for is a project.
_INVESTED = re.compile(r"(?:总投资|投资|投资额)(?:约|达|超)?[\d.]*(?:多)?(?:万|亿)(?:元|美元)的([\u4e00-\u9fffA-Za-z0-9]{2,20}?)"
                       r"(?=项目|[、,，。;；等]|$)")


def _firm_name(item: str) -> bool:
    """Return whether ``item`` is a rare two-character brand and a sector word (腾升香料, not 新型建材)."""
    from zonekg.extractors.pipeline.companies import SECTOR_END

    sector = SECTOR_END.search(item)
    return (sector is not None and sector.start() == 2 and not is_descriptive(item[:2], _RARE)
            and not is_descriptive(item, _RARE) and not is_common_word(item[:2]))


def _opens_with_firm(text: str, start: int, end: int) -> bool:
    """Return whether a stem that opens a clause starts with a firm's name (兴达香料二期项目: 兴达 is no verb)."""
    return (end - start >= 5 and (start == 0 or text[start - 1] in _OPENS_NAME)
            and any(_firm_name(text[start:start + size]) for size in (4, 5, 6) if start + size <= end))


_DECIMAL_POINT = re.compile(r"\d\.\d")  # 第8.5代液晶面板项目: a decimal point is inside the name
_PARK_END = re.compile(r"(?:产业园|工业园|园区|基地)$")
_BUILT = re.compile(r"投资|建设|兴建|新建|投建")
_RARE = 300  # a word rarer than this may be a brand (腾升, 兴达)
_FIRM_PHASE = re.compile(r"[一二三四五六七八九十]期(?:工程)?(?!项目|工程)")
_OPENS_NAME = "、，,。；;：:（(“\n的和与及"


def _firm_phases(text: str) -> list[Candidate]:
    """Return a firm's phase of works named by the firm alone (兴达香料二期场平完工: the firm's second phase)."""
    out: list[Candidate] = []
    for match in _FIRM_PHASE.finditer(text):
        for size in (4, 5, 6):
            start = match.start() - size
            if start < 0:
                break
            if _firm_name(text[start:match.start()]) and (start == 0 or text[start - 1] in _OPENS_NAME):
                out.append(Candidate(start, match.end(), PROJECT, FULL))
                break
    return out


_PHASE = re.compile(r"[一二三四五六七八九十\d]期(?:工程)?$")


def _head_phrase(text: str, start: int, end: int) -> frozenset[str]:
    """Return the fixed phrase (红木家具) that ends a stem right before 项目, as a word of the name."""
    from zonekg.extractors.data.words import segment_right, word_tags

    words = segment_right(text[start:end])
    if words and len(words[-1]) >= 3 and word_tags().get(words[-1], (0, ""))[1] == "l":
        return frozenset({words[-1]})
    return frozenset()


def _descriptive_stem(stem: str) -> bool:
    """Return whether a stem only describes a kind of project (新能源, 园区基础设施) or holds a slogan verb (抓, 引)."""
    if re.search(r"\d", stem):
        return False
    sides = [side for side in stem.split("及") if side]  # 道路及管网: both sides common words
    return all(is_descriptive(side) for side in sides) or bool(_SLOGAN_VERBS.search(stem))


_LEADING_VERB = re.compile(r"(?:申报|申请|争取|推进|推动|加快|实施|引进|谋划|储备|包装|建设(?=年产|[\d一二三四五六七八九十])|(?:建设|兴建|新建|投建)(?![路街道桥]))")


def _firm_prefix(word: str) -> bool:
    """Return whether ``word`` may be a firm's short name (中粮), not a verb or an everyday word (建设)."""
    return (all("\u4e00" <= ch <= "\u9fff" and ch not in _STOP for ch in word) and not is_common_word(word)
            and not _everyday(word) and cut_function_words(word, 0, len(word)) == 0)


def _joins_products(text: str, left: int) -> bool:
    """Return whether the 及 before ``left`` joins two products of one project (柠檬醛及衍生物项目, 电池及组件项目)."""
    return text[left - 1] == "及" and left >= 2 and "\u4e00" <= text[left - 2] <= "\u9fff" and text[left - 2] not in _STOP
_SLOGAN_VERBS = re.compile(r"[抓引保推破盯攻啃谋办借上兴停]")


def _plausible_stem(stem: str) -> bool:
    """Return whether the words before 项目 can be a project's name rather than a common phrase."""
    if "+" in stem or "项目" in stem or re.search(r"\d+强", stem) or stem[-1:] in "新好":
        return False  # 人才+项目, 项目库项目, 世界500强项目, 建设新项目: slogans and kinds, not a name
    if len(stem) < 3 or _GENERIC.match(stem) or not re.search(r"[\u4e00-\u9fff]{2}", stem) or is_common_word(stem):
        return False
    return not (re.match(r"^[\d.]+[个亿万元]", stem) or stem[-1] in "元个批类项")


# A list of projects closed by 等N个(重点)项目 (A、B、C等5个项目).
_LIST_END = re.compile(r"等\s*[\d一二三四五六七八九十百]+\s*个(?:重点|重大|签约|招商|产业|工业|新|续建|新建|在建)*项目")
_ITEM_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9().%（）]")


def _list_items(text: str, end: int) -> list[tuple[int, int]]:
    """Return the 、-separated items ending at ``end``; the first is cut after a verb or a comma."""
    items = items_before(text, end, _ITEM_CHARS.match, max_items=20, max_len=40, min_len=3)
    if len(items) < 2:
        return []
    first_start, first_stop = items[-1]
    first_start = cut_stop_words(text, first_start, first_stop)
    if (first_start > 0 and "\u4e00" <= text[first_start - 1] <= "\u9fff") or \
            any(ch in _CLAUSE_CHARS for ch in text[first_start:first_stop]):
        # the first item ran into the clause before it; after punctuation it starts cleanly (…,浪潮云计算中心)
        first_start = cut_function_words(text, first_start, first_stop, _PROJECT_WORDS)
    items[-1] = (first_start, first_stop)
    industries = set(lexicon("industries"))
    return [(s, e) for s, e in items if e - s >= 3 and not is_common_word(text[s:e]) and "等" not in text[s:e]
            and not _descriptive_stem(text[s:e]) and text[s:e] not in industries and not _kind_of_work(text[s:e])]


_CLAUSE_CHARS = "在对向从与和把被给"  # 园区在X建设、…: a preposition shows the clause ran into the first item
_WORK_WORDS = re.compile(r"(?:开发|建设|产业园|产业|制造|生产|加工|基地|项目)+")


def _kind_of_work(item: str) -> bool:
    """Return whether a listed item is lines of business and work words only (文旅体育产业园, 新能源开发建设)."""
    from zonekg.extractors.pipeline.automaton import lexicon_automaton, matches

    rest, last = [], 0
    for start, end, _w, _v in sorted(matches(lexicon_automaton("industries"), item), key=lambda m: (m[0], -m[1])):
        if start >= last:
            rest.append(item[last:start])
            last = end
    if last == 0:
        return False
    rest.append(item[last:])
    return all(not piece or _WORK_WORDS.fullmatch(piece) for piece in rest)


def _investor_prefixes(text: str, projects: list[Candidate]) -> list[Candidate]:
    """Return the firm that opens a listed project's name (浪潮长春云计算中心, 中粮年产3万吨…) as an Enterprise.

    The firm is the two to four characters before a place name, 年产 or a figure.
    """
    from zonekg.extractors.pipeline.automaton import places_by_name

    places = places_by_name()
    out: list[Candidate] = []
    for project in projects:
        name = text[project.start:project.end]
        for size in (2, 3, 4):
            rest = name[size:]
            if len(rest) < 3:
                break
            if rest.startswith("年产") or rest[0].isdigit() or rest[:2] in places or rest[:3] in places:
                prefix = name[:size]
                if (not is_common_word(prefix) and not _everyday(prefix) and prefix not in places
                        and not re.search(r"\d", prefix)):  # 10000辆专用车迁建: a figure opens no firm's name
                    out.append(Candidate(project.start, project.start + size, "Enterprise", FULL))
                break
    return out


def _everyday(word: str) -> bool:
    """Return whether ``word`` is a frequent dictionary word of a non-name class (新建, 重点)."""
    from zonekg.extractors.data.words import word_tags

    freq, tag = word_tags().get(word, (0, "nz"))
    return freq >= 1000 and not tag.startswith(("nr", "nz", "ns", "nt"))
