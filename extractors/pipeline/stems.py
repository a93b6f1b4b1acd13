"""Find where a name begins, walking left from its suffix (经济开发区, 有限公司, 项目 …).

Chinese has no spaces, so a name's left edge is guessed from what stops it:
punctuation, function characters that rarely sit inside names, verbs that
usually precede names, and place names that usually begin them.
"""

from __future__ import annotations

import re

# Characters that end a name on the left (punctuation, spaces, digits are handled by NAME_CHAR).
STOP_CHARS = frozenset("的在是和与及等了将把对向从由于以到个座所其该这那为被让给并或又也还都就而且各每即")

# Words that precede names but are never part of them; the stem is cut after the last one found.
STOP_WORDS = (
    "位于", "落户", "入驻", "进驻", "打造", "推进", "发展", "依托", "围绕", "全省", "全市", "全县", "全区", "全国",
    "省级", "国家级", "市级", "县级", "重点", "加快", "设立", "成立", "批准", "同意", "升级", "更名", "改为", "改名",
    "称为", "命名", "引进", "签约", "签订", "签署", "投资", "总投资", "开工", "实施", "包括", "其中", "有关", "相关",
    "参观", "考察", "调研", "视察", "走进", "来到", "深入", "前往", "规划", "建成", "新建", "扩建", "启动",
    "作为", "通过", "形成", "组建", "整合", "合并", "并入", "纳入", "所属", "下属", "主要", "目前", "已经",
    "共有", "拥有", "现有", "带动", "支持", "鼓励", "推动", "促进", "服务", "管理", "负责", "主持", "出席", "参加",
    "举行", "召开", "指出", "表示", "强调", "要求", "介绍", "据了解", "原", "属于", "隶属", "涉及", "看望", "陪同",
    "来自", "携手", "牵头", "完成", "实现", "达到", "提升", "优化", "调整", "布局", "定位", "明确", "成为",
)
_STOP_WORD_RE = re.compile("|".join(sorted(STOP_WORDS, key=len, reverse=True)))

_CJK_OR_LATIN = re.compile(r"[\u3400-\u9fffA-Za-z]")


def is_name_char(ch: str) -> bool:
    """Return whether ``ch`` can be inside a name stem (a CJK character or a Latin letter)."""
    return bool(_CJK_OR_LATIN.match(ch)) and ch not in STOP_CHARS


def cut_stop_words(text: str, start: int, end: int, keep: frozenset[str] = frozenset()) -> int:
    """Return ``start`` moved right past the last stop word inside ``text[start:end]`` (but not one in ``keep``)."""
    last = start
    for match in _STOP_WORD_RE.finditer(text, start, end):
        if match.group() not in keep:
            last = max(last, match.end())
    return last


def stem_start(text: str, end: int, max_chars: int, place_ends: dict[int, int] | None = None,
               extra_chars: str = "", stop_words: bool = True) -> int:
    """Return the start of the name stem ending at ``end``: at most ``max_chars`` name characters.

    The walk stops before a stop character, at ``max_chars``, or where a place name
    ends (``place_ends`` maps an end offset to the start of the longest place ending
    there) so that the place can be absorbed separately by :func:`absorb_places`.
    With ``stop_words`` the stem is also cut after the last of STOP_WORDS (bodies
    keep them: 开发区管理办公室, 经济发展协会).
    """
    left = end
    while left > 0 and end - left < max_chars:
        if place_ends and left in place_ends:
            break
        ch = text[left - 1]
        if not (is_name_char(ch) or ch in extra_chars):
            break
        left -= 1
    left = cut_appointment(text, left, end)
    return cut_stop_words(text, left, end) if stop_words else left


# 决定王建新任…, 任命李明为…: a verb of appointing, a name, and the verb of taking the post.
_APPOINTMENT = re.compile(r"(?:决定|任命|提名|委派|推荐|选举|批准)(?:由)?[\u4e00-\u9fff]{2,3}?(?:兼任|担任|出任|任|为)")


def cut_appointment(text: str, start: int, end: int) -> int:
    """Return ``start`` moved right past an appointment (决定X任) that ends inside ``text[start:end]``.

    The 任 of 决定王建新任工业园区管委会主任 is a verb: a name stem never runs over it.
    """
    if "任" not in text[start:end] and "为" not in text[start:end]:
        return start
    last = start
    for match in _APPOINTMENT.finditer(text, max(0, start - 12), end):
        if start < match.end() <= end:
            last = max(last, match.end())
    return last


def absorb_places(text: str, start: int, place_ends: dict[int, int], limit: int = 3) -> int:
    """Return ``start`` moved left over up to ``limit`` place names that end exactly there."""
    for _ in range(limit):
        begin = place_ends.get(start)
        if begin is None:
            break
        # a place preceded by a name character that is not itself a boundary may be a mis-split word
        start = begin
    return start


# Part-of-speech tags (jieba's) of words that precede names but are not part of them:
# verbs, adverbs, pronouns, prepositions, conjunctions, localisers, quantifiers, numerals, time words.
_STOP_TAGS = frozenset({"v", "vn", "vd", "vg", "vi", "vq", "d", "ad", "dg", "r", "rr", "rz", "p", "c", "f", "q", "m",
                        "mq", "t", "tg", "s", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "a", "l", "i", "z", "zg"})
_STOP_SINGLE_TAGS = frozenset({"p", "r", "d", "c", "q", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "vg"})
_STOP_SINGLE = frozenset("任建赴经到来去至往在于对为由从向把被让使后前内外")
# Words of those classes that do begin zone names (现代产业园, 吕河现代工业集中区).
_NAME_WORDS = frozenset({"现代", "新型", "国际", "中心", "东部", "西部", "南部", "北部", "中部"})
GENERIC_FREQUENCY = 2000  # a stem that is one word this common (专业, 特色, 城市) is a common noun, not a name


def cut_function_words(text: str, start: int, end: int, name_words: frozenset[str] = frozenset()) -> int:
    """Return ``start`` moved right past the last verb, adverb, pronoun … word of ``text[start:end]``.

    The stem is segmented right to left with jieba's dictionary so that the
    characters of a proper stem (猴立堡) are not mistaken for words (立).
    """
    from zonekg.extractors.data.words import segment_right, word_tags

    tags = word_tags()
    pos = end
    for word in reversed(segment_right(text[start:end])):
        tag = tags.get(word, (0, ""))[1]
        if word in _NAME_WORDS or word in name_words:
            pos -= len(word)
            continue
        if (len(word) > 1 and tag in _STOP_TAGS) or (len(word) == 1 and (tag in _STOP_SINGLE_TAGS or word in _STOP_SINGLE)):
            return pos
        pos -= len(word)
    return start


def is_common_word(stem: str) -> bool:
    """Return whether ``stem`` is a single frequent dictionary word that is not a proper name."""
    from zonekg.extractors.data.words import word_tags

    freq, tag = word_tags().get(stem, (0, ""))
    return freq >= GENERIC_FREQUENCY and tag not in ("nr", "nz", "nrt", "nt")


_DESCRIPTIVE_TAGS = frozenset({"n", "vn", "v", "b", "a", "an", "j", "l", "vd", "ad", "d", "t"})


def is_descriptive(phrase: str, min_frequency: int = 0) -> bool:
    """Return whether ``phrase`` is made only of common dictionary words (皮具箱包, 绿色能源), i.e. no brand.

    A brand or proper stem shows up as a character the dictionary does not join
    into a word (果秀, 山力) or as a word tagged as a name (长丰, 恒远, 华为);
    with ``min_frequency`` a rare word (合兴) also counts as a brand.
    """
    from zonekg.extractors.data.words import segment_right, word_tags

    tags = word_tags()
    for word in segment_right(phrase):
        if len(word) < 2 or word not in tags or tags[word][1] not in _DESCRIPTIVE_TAGS or tags[word][0] < min_frequency:
            return False
        if _is_upper_place(word):
            return False  # 天水卷烟厂技改扩能: a city's name, though the dictionary tags it a noun, is proper
    return True


def _is_upper_place(word: str) -> bool:
    """Return whether ``word`` names a province or a prefecture-level city (天水, 湖南省)."""
    from zonekg.extractors.pipeline.automaton import places_by_name

    return any(p.level in ("province", "city") for p in places_by_name().get(word, ()))
