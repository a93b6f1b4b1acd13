"""Title, publish date, source and author of an article, read from its text."""

from __future__ import annotations

import re
from datetime import date

from zonekg.extractors.ingest.split import chinese_number
from zonekg.extractors.normalize.chrome import is_credit
from zonekg.extractors.normalize.matching import has_matches
from zonekg.extractors.normalize.width import FOLD

_YMD = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_DMY = r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})"
# 发布时间:2017-7-27, 發布時間:2023-11-10, 发布日期:2018-09-19, 发文日期: 2014-10-29, 时间:…
_LABELLED = re.compile(r"(?:发布|發布|發佈|发佈|发表|發表|更新|成文|发文|發文|印发|公布|颁布|日期|时间|時間)\s*(?:时间|時間|日期)?"
                       r"\s*[:：\]】]\s*" + _YMD)
# A law database's field and value separated by spaces: 公布日期 2018年11月29日.
_LABELLED_SPACED = re.compile(r"^[ \t]*(?:发布|公布|颁布|印发|成文)(?:日期|时间)[ \t]+" + _YMD, re.MULTILINE)
_LINE_DATE = re.compile(r"^[\s(（\[]*" + _YMD + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\s)）\]]*(?:$|\s|来源|來源|\|)",
                        re.MULTILINE)
_LINE_DMY = re.compile(r"^\s*" + _DMY + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$", re.MULTILINE)
# A signature date in Chinese numerals on its own line: 二〇一六年九月六日.
_HAN_DATE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                       r"\s*([一二三四五六七八九十]{1,3})\s*日\s*$", re.MULTILINE)
_HAN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
# A date with a clock time anywhere near the top is a publication stamp: 某某高新区 2023-05-12 18:00.
_STAMPED = re.compile(_YMD + r"\s*\d{1,2}:\d{2}")
# A year alone on a line with month/day on the next: "2013\n02/20\n09:04".
_SPLIT_DATE = re.compile(r"^\s*((?:19|20)\d{2})\s*\n\s*(\d{1,2})[/-](\d{1,2})\s*$", re.MULTILINE)
_ORIGIN = re.compile(r"(?:来源|來源|稿源|本文来源|文章来源|出处)\s*[:：]\s*([^\s|丨/]{2,30})")
_AUTHOR = re.compile(r"(?:作者|记者|記者|撰稿|文、图|文/图|文)\s*[:：/]\s*([\u3400-\u9fff]{2,4}(?:[ 、][\u3400-\u9fff]{2,4})*)")
_TITLE_MARKER = re.compile(r"^(?:第[一二三四五六七八九十百零〇两\d]{1,4}(?:篇|部分|章节)[\s:：、.]*|(?:原标题|法规标题|标题|题目|名称|中文名称|中文名)\s*[:：]\s*"
                           r"|[\[【](?:法规标题|标题)[\]】]\s*)")
# Dates, bylines and a law database's header fields (制定机关: …) are not titles.
_NOT_TITLE = re.compile(r"^[\d\s:/.\-年月日]+$|^[\[【]?(?:发布|發布|来源|來源|时间|時間|日期|制定机关|发文机关|发文字号|文号|公布|颁布|"
                        r"实施日期|施行日期|效力级别|时效性|法规效力|法规类别)")

# Decoration around a headline: a channel prefix (呼和浩特|…) and photo marks ((图), [组图]).
_TITLE_DECOR = re.compile(r"^[^|丨\s]{1,8}\s*[|丨]\s*|\s*[(\[【](?:组?图|视频|图文)[)\]】]$"
                          r"|\s*[_|丨—–-]+\s*[^_|丨—–-]{2,24}(?:网|网站|门户|频道|客户端|新闻|政府)$")
# The title of an official document: 关于……的通知 / 意见 / 批复 …, possibly after its issuer.
_OFFICIAL_TITLE = re.compile(r"^[^。;:：,,]{0,30}关于[^。;:：]{2,80}(?:通知|意见|批复|决定|办法|方案|规定|条例|报告|函|公告|通报|"
                             r"请示|答复|复函|细则|规划|纲要|措施|实施意见)$")
_SENTENCE = re.compile(r"[。;!?]")
# A document number on its own line (冀商办案字[2014]第12号) stands above the title.
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[\[〔【(]\d{4}[\]〕】)]第?\d{1,5}号$")
# What a title's second line never holds: sentence punctuation, a colon, an address line.
_TITLE_STOP = re.compile(r"[。;!?,,:：、【】\[\]]|\d{4}[-/.年]")
TITLE_BREAK_CHARS = 16  # a first title line this short may continue on the next line
# A long line with a full stop is a paragraph, not a heading.
_PROSE = re.compile(r"^.{40,}[。;]|^.{81,}")

# A regulation's title (…条例, …办法) or its articles (第一条 …) at line starts.
_REGULATION_TITLE = re.compile(r"(?:条例|办法|规定|规则|细则|章程|决定)(?:\s*[(（](?:试行|暂行|草案|修订|修正)[^()（）]{0,8}[)）])?$")
_ARTICLE = re.compile(r"^[ \t]*第[一二三四五六七八九十百零〇两\d]{1,5}条", re.MULTILINE)
REGULATION_ARTICLES = 3
# (2018年11月29日某省人大常委会第七次会议通过), 2019年3月1日省人民政府令第12号公布.
_ADOPTED = re.compile(_YMD + r"[^。;\n]{0,80}?(?:通过|公布|颁布|发布|批准|修订|修正)")
_EFFECTIVE = re.compile(r"自?\s*" + _YMD + r"\s*起?\s*(?:施行|实施|生效)")
# The issuing body of a law database's header: 发布部门: 山西省人大(含常委会).
_ISSUER = re.compile(r"(?:发布部门|制定机关|颁布部门|发文机关|发布机关|发布单位)(?:\s*[:：\]】]|[ \t]+)[ \t]*"
                     r"([^\s|,,;。]{2,40})")

HEAD_CHARS = 1500  # publish dates and bylines sit near the top
TAIL_CHARS = 300  # a government document's signature date sits at the very end


def iso_date(year: str, month: str, day: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a valid calendar date, else None."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_published(text: str) -> str | None:
    """Return the publish date as ISO ``YYYY-MM-DD``: labelled, then a date line at the top, then at the end."""
    # Full-width digits and separators (２０２２－０３－１８) read like ASCII ones.
    head = text[:HEAD_CHARS].translate(FOLD)
    for pattern, order in ((_LABELLED, (1, 2, 3)), (_LABELLED_SPACED, (1, 2, 3)), (_LINE_DATE, (1, 2, 3)),
                           (_SPLIT_DATE, (1, 2, 3)), (_LINE_DMY, (3, 2, 1)), (_STAMPED, (1, 2, 3))):
        for m in pattern.finditer(head):
            found = iso_date(*(m.group(i) for i in order))
            if found:
                return found
    tail = text[-TAIL_CHARS:].translate(FOLD)
    for m in _LINE_DATE.finditer(tail):
        found = iso_date(m.group(1), m.group(2), m.group(3))
        if found:
            return found
    for m in _HAN_DATE.finditer(tail):
        month, day = chinese_number(m.group(2)), chinese_number(m.group(3))
        if month is not None and day is not None:
            found = iso_date(m.group(1).translate(_HAN_DIGITS), str(month), str(day))
            if found:
                return found
    return None


def find_title(text: str) -> str | None:
    """Return the first meaningful line (a heading marker such as 第一篇: stripped), or None.

    An official document's own title (关于……的通知) wins over a letterhead above it.
    """
    raw_lines = [line.strip() for line in text.splitlines()[:20]]
    for line in raw_lines:
        if _PROSE.search(line) or _SENTENCE.search(line):
            break
        if _OFFICIAL_TITLE.search(line):
            return line
    # A heading split over short lines (开发区 / 工作总结 / 开发区工作总结) is
    # best named by its first line of six or more characters.
    for min_len in (6, 4):
        for i, raw in enumerate(raw_lines):
            line = _TITLE_MARKER.sub("", raw).strip()
            if len(line) < min_len or _NOT_TITLE.search(line) or _DOC_NUMBER.match(line) or is_credit(line):
                continue  # dates, bylines, document numbers and photo credits stand around a title
            # An article that opens with a paragraph has no title line.
            if _PROSE.search(line):
                return None
            if line == raw and i + 1 < len(raw_lines) and _continues_title(line, raw_lines[i + 1]):
                line += raw_lines[i + 1]
            return _TITLE_DECOR.sub("", line) or line
    return None


def _continues_title(line: str, following: str) -> bool:
    """Return True when ``following`` is the second half of a title broken after a short first line."""
    return (len(line) <= TITLE_BREAK_CHARS and 4 <= len(following) <= 30 and not following.startswith("——")
            and not _TITLE_STOP.search(following) and not _NOT_TITLE.search(following))


def find_origin(text: str) -> str | None:
    """Return the source named by a 来源: byline near the top, or None."""
    m = _ORIGIN.search(text[:HEAD_CHARS])
    return m.group(1) if m else None


def find_author(text: str) -> str | None:
    """Return the author named by a 作者:/记者 byline, or None."""
    m = _AUTHOR.search(text[:HEAD_CHARS]) or _AUTHOR.search(text[-TAIL_CHARS:])
    return m.group(1) if m else None


def is_regulation(text: str, title: str | None = None) -> bool:
    """Return True for a regulation's text: a title ending in 条例/办法/规定…, or three or more 第X条 articles."""
    if title and _REGULATION_TITLE.search(title.strip()) and not title.startswith("《"):
        return True
    return has_matches(_ARTICLE, text, REGULATION_ARTICLES)


def find_enacted(text: str) -> str | None:
    """Return a regulation's adoption or promulgation date near the top, else the date it takes effect."""
    head = text[:HEAD_CHARS].translate(FOLD)
    for m in _ADOPTED.finditer(head):
        found = iso_date(m.group(1), m.group(2), m.group(3))
        if found:
            return found
    for m in _EFFECTIVE.finditer(text.translate(FOLD)):
        found = iso_date(m.group(1), m.group(2), m.group(3))
        if found:
            return found
    return None


def find_issuer(text: str) -> str | None:
    """Return the issuing body named by a header field (发布部门: …, 制定机关: …), or None."""
    m = _ISSUER.search(text[:HEAD_CHARS])
    return m.group(1) if m else None
