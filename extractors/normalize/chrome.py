"""Find web chrome, ads and download notices by line and return the edits that delete those lines.

Content-aware: each line gets a score from what it looks like (site
vocabulary, links, breadcrumbs, share/print widgets, no sentence punctuation,
shortness) and from where it sits (before the first or after the last line of
running prose). No site's exact strings are listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from zonekg.extractors.normalize.offsets import Edit

# Phrases that belong to a site's frame, a download page or a share widget and
# hardly ever to an article's sentences.
_CHROME_WORDS = re.compile(
    "版权所有|版权归|免责声明|特别声明|转载请注明|转载请|网站客服|在线客服|联系客服|上一篇|下一篇|上一条|下一条|"
    "扫一扫|二维码|责任编辑|编辑:|编 辑|审 核|终 审|不良信息|分享到|打印本页|打印文章|关闭窗口|"
    "收藏本|加入收藏|字号|浏览次数|阅读次数|点击数|浏览:|点击:|推荐文章|热点文章|最热文章|相关文章|相关阅读|"
    "相关链接|相关新闻|热门推荐|精彩推荐|精彩热图|猜你喜欢|返回顶部|返回首页|网站地图|联系我们|关于我们|"
    "ICP|公网安备|备案号|技术支持|主办单位|承办单位|Copyright|copyright|©|温馨提示|发送给|标签:|"
    "索引号|主题分类|主题词|当前位置|您的位置|所在的位置|更多>>|更多 >>|查看更多|点击查看|欢迎来到|欢迎访问|"
    "欢迎光临|设为首页|收录于|点击蓝字|阅读原文|点分享|点收藏|点点赞|点在看|字体:|字体大小|阅读:|阅读量|点击排行|排行榜|关注我们|返回列表|我要评论|发表评论|网友评论|标识码"
)
# Single words that are chrome on a short bare line (下载, 登录, 微信) but can be
# ordinary words in a sentence (注册资本, 文档管理): they weigh half as much,
# and a quarter inside a sentence.
_WEAK_WORDS = re.compile("客服|举报|打印|备案|主办|赞赏|长按|下载|文档|本站|本网|我网|上传|投诉|好友|首页|切换|"
                         "微信|微博|公众号|APP|登录|注册|搜索|订阅|评论")
# A notice header whose numbered items below it are the notice (温馨提示: 1. … 2. …).
_NOTICE_HEAD = re.compile(r"^(?:温馨提示|特别提示|注意事项|免责声明|特别声明|下载说明|使用须知)[:：]?$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])[.、)）]")
# A line that opens with a site label is the site's, however long it runs.
_LABEL_START = re.compile(r"^[【\[]?(?:免责声明|版权声明|特别声明|版权所有|郑重声明|转载请注明|转载声明|责任编辑|温馨提示|"
                          r"本文来源|文章来源|原文链接|本站声明|网站声明)")
# The font-size switch: 【大 中 小】, 字号:大 中 小, [A+ A-].
_FONT_WIDGET = re.compile(r"^[【\[(]?\s*(?:字体|字号)?[:：]?\s*(?:大\s*中\s*小|A\+\s*A-?)\s*[】\])]?$")
# A menu bar: four or more short items separated by spaces, with no sentence punctuation.
_MENU = re.compile(r"^(?:[^\s,。;,]{1,6}\s+){3,}[^\s,。;,]{1,6}$")
# Bylines and credits: part of the page, not of the article's sentences. Alone
# they do not remove a line at the top (the date and source live there), but
# after the last paragraph they open the page footer.
_BYLINE = re.compile(r"来源|來源|作者|记者|摄影|文、图|文/图|编辑|审核|校对|通讯员|发表于|^摄$")
# A credit naming someone or some outlet (来源:山西晚报 | 编辑:路鹏程, 大足日报记者 罗国家 摄): a short line
# of such fields stays in the text, chrome or not, because the names in it are the article's own.
_CREDIT = re.compile(r"(?:来源|來源|作者|记者|通讯员|摄影|责编|编辑|编\s辑|审\s?核|终\s?审|文、图|文/图|图源)\s*[:：]?\s*"
                     r"[\u4e00-\u9fff]{2}")
# A photo caption closed by its credit (…签约现场。大足日报记者 罗国家 摄).
_CREDIT_END = re.compile(r"(?:记者|摄影|通讯员)\s*[:：]?\s*[\u4e00-\u9fff]{2,3}(?:[\s、][\u4e00-\u9fff]{2,3})*\s*摄?\s*[)）]?$")
CREDIT_MAX_CHARS = 100
_PAGE_NUMBER = re.compile(r"^(?:第\s*\d+\s*页\s*/?\s*共\s*\d+\s*页|-\s*\d+\s*-)$")
# A parenthesised plug inside a paragraph: (更多精彩文章来自“…”), (本文来源于网络).
_INLINE_PLUG = re.compile(r"[(（][^()（）\n]{0,12}(?:文章来自|更多精彩|来源于网络|转载自|关注公众号|微信公众号|扫码关注)"
                          r"[^()（）\n]{0,30}[)）]")
# Advertisement vocabulary (clinics, cures, hotlines): strong on short lines.
_AD_WORDS = re.compile("医院|治疗|白癜风|牛皮癣|男科|妇科|咨询热线|热线电话|专家在线|包治|偏方|特效|减肥|彩票|棋牌|博彩")
_URL = re.compile(r"https?://|www\.|\.com|\.cn\b|\.html?|@[\w.-]+\.\w+")
_BREADCRUMB = re.compile(r"(?:>>?|›|»|→|\|)\s*\S+\s*(?:>>?|›|»|→|\|)")
_SENTENCE_PUNCT = re.compile(r"[。;!?！？;]|[,,].{4,}")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LIST_ITEM_LINK = re.compile(r"^\s*(?:[-•·*]|\d+[.、])\s*\S.{0,60}\(\d{4}-\d{2}-\d{2}")
_DATEISH = re.compile(r"^[\d\s:/.\-年月日时分秒]+$")

PROSE_MIN_CHARS = 30  # a line this long with sentence punctuation is running prose
HEAD_LINES = 40  # the page head is compared line by line only this far above the first paragraph
HEADLINE_RUN = 3  # this many bare headlines in a row after the article form a link list

# A site or channel name above the article: 某某市人民政府门户网站, 新闻频道.
_SITE_NAME = re.compile(r"(?:网|网站|门户|频道|客户端|平台|新闻网|在线)$")
# The header of a link list: 相关阅读, 推荐文章, 猜你喜欢 …
_LIST_HEADER = re.compile(r"^[【\[]?(?:相关|推荐|延伸|热点|热门|精彩|最新|更多|猜你|往期|本期)[\u4e00-\u9fff]{0,4}[】\]]?[:：]?$")
# A bare headline: 8–40 characters, no colon (metadata lines have one).
_HEADLINE = re.compile(r"^[^:：]{8,40}$")


@dataclass(frozen=True)
class Line:
    """One line of the text with its offsets and classification."""

    start: int
    end: int  # including the line break
    text: str
    chrome: float  # evidence that the line is chrome (≥1 means chrome)
    prose: bool


def classify_lines(text: str) -> list[Line]:
    """Return the lines of ``text`` with a chrome score and a prose flag each."""
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.strip()
        lines.append(Line(pos, pos + len(raw), body, _chrome_score(body), _is_prose(body)))
        pos += len(raw)
    return lines


def _is_prose(body: str) -> bool:
    return len(body) >= PROSE_MIN_CHARS and bool(_SENTENCE_PUNCT.search(body)) and _chrome_score(body) < 1


def _chrome_score(body: str) -> float:
    if not body:
        return 0.0
    n = len(body)
    has_cjk = _CJK.search(body) is not None
    # 发文字号 (document number) is a header field, not the font-size widget 字号; a
    # lookbehind in the pattern would cost the whole alternation its speed.
    words = len(_CHROME_WORDS.findall(body)) - body.count("发文字号")
    ads = len(_AD_WORDS.findall(body))
    has_punct = bool(_SENTENCE_PUNCT.search(body))
    score = 0.0
    # Vocabulary weighs more on short lines: a long paragraph may mention 下载 once.
    per_word = 1.0 if n <= 40 else 0.5 if n <= 120 else 0.2
    score += words * per_word
    weak = len(_WEAK_WORDS.findall(body))
    if weak:
        score += weak * (0.25 if has_punct else 0.5) * per_word
    score += ads * (1.0 if not has_punct or n <= 40 else 0.3 * per_word)
    if _URL.search(body):
        score += 1.0 if n <= 80 else 0.3
    if _BREADCRUMB.search(body) and not has_punct:
        score += 1.0
    if n <= 120 and _MENU.match(body):
        score += 1.0
    if _LIST_ITEM_LINK.search(body):
        score += 1.0
    if not has_cjk and not _DATEISH.match(body):
        score += 0.5  # ASCII-only lines (PARK EXPRESS, ".", "…") in a Chinese page
    if _FONT_WIDGET.match(body):
        score += 1.0
    if _LABEL_START.match(body):
        score += 1.0
    if _PAGE_NUMBER.match(body):
        score += 1.0
    if n <= 60 and _BYLINE.search(body):
        score += 0.5
    return score


def chrome_edits(text: str) -> list[Edit]:
    """Return deletions of whole chrome lines; the article's own lines are kept."""
    lines = classify_lines(text)
    if not lines:
        return []
    drop = [False] * len(lines)
    for i in _notice_blocks(lines):
        drop[i] = True  # a notice's numbered items read like prose: settle them first
    prose = [i for i, line in enumerate(lines) if line.prose and not drop[i]]
    first = prose[0] if prose else 0
    last = prose[-1] if prose else len(lines) - 1
    credit = [is_credit(line.text) for line in lines]
    for i, line in enumerate(lines):
        if not line.text or credit[i]:
            continue
        if line.chrome >= 1:
            drop[i] = True
        elif i < first and _is_head_chrome(lines, i, first):
            drop[i] = True
    # After the last paragraph, everything from the first chrome line on is the
    # page footer (ads, 上一篇/下一篇, related links, share widgets); a lone
    # character or two there is a photo credit or a widget label.
    for i in range(last + 1, len(lines)):
        # A bare line with a little chrome opens the footer; a sentence needs more.
        needed = 1.0 if _SENTENCE_PUNCT.search(lines[i].text) else 0.5
        if credit[i]:
            continue
        if lines[i].text and lines[i].chrome >= needed:
            for j in range(i, len(lines)):
                drop[j] = True
            break
        if 0 < len(lines[i].text) <= 2:
            drop[i] = True
    for i in _headline_list(lines, last + 1):
        drop[i] = True
    for i in _link_lists(lines):
        drop[i] = True
    edits = [Edit(line.start, line.end) for line, d in zip(lines, drop) if d]
    edits += [Edit(m.start(), m.end()) for line, d in zip(lines, drop) if not d and ("(" in line.text or "（" in line.text)
              for m in _INLINE_PLUG.finditer(text, line.start, line.end)]
    return _merge(sorted(edits))


def is_credit(text: str) -> bool:
    """Return True for a short line of credits (来源:…, 编辑:…, 记者 …): no sentence, a named source or writer."""
    if len(text) > CREDIT_MAX_CHARS:
        return False
    return bool(_CREDIT_END.search(text)) or (not _SENTENCE_PUNCT.search(text) and bool(_CREDIT.search(text)))


def _blocks(lines: list[Line], is_header: Callable[[str], bool], is_item: Callable[[str], bool]) -> list[int]:
    """Return the indexes of every header line and of the item lines (or blank lines) right below it."""
    out: list[int] = []
    for i, line in enumerate(lines):
        if not is_header(line.text):
            continue
        out.append(i)
        for j in range(i + 1, len(lines)):
            if lines[j].text and not is_item(lines[j].text):
                break
            out.append(j)
    return out


def _notice_blocks(lines: list[Line]) -> list[int]:
    """Return the indexes of notice headers (温馨提示:) and the numbered items right below them."""
    return _blocks(lines, lambda text: bool(_NOTICE_HEAD.match(text)), lambda text: bool(_NUMBERED.match(text)))


def _link_lists(lines: list[Line]) -> list[int]:
    """Return the indexes of link-list headers (相关阅读) and the bare headlines listed under them."""
    def headline(text: str) -> bool:
        return len(text) <= 40 and (not _SENTENCE_PUNCT.search(text) or bool(_LIST_ITEM_LINK.search(text)))

    return _blocks(lines, lambda text: bool(_LIST_HEADER.match(text)), headline)


def _headline_list(lines: list[Line], start: int) -> list[int]:
    """Return the indexes of a run of three or more bare headlines after the article (a related-news list)."""
    out: list[int] = []
    run: list[int] = []
    for i in range(start, len(lines)):
        body = lines[i].text
        if not body:
            continue
        if _HEADLINE.match(body) and not _SENTENCE_PUNCT.search(body) and not _DATEISH.match(body):
            run.append(i)
            continue
        if len(run) >= HEADLINE_RUN:
            out.extend(run)
        run = []
    if len(run) >= HEADLINE_RUN:
        out.extend(run)
    return out


def _is_head_chrome(lines: list[Line], i: int, first: int) -> bool:
    """Return True for a navigation-like line above the article's title."""
    body = lines[i].text
    if lines[i].chrome >= 0.5:
        return True
    if len(body) <= 20 and _SITE_NAME.search(body) and not _SENTENCE_PUNCT.search(body):
        return True
    if first - i > HEAD_LINES:
        return False
    # A short fragment with no punctuation above a longer heading line is a menu
    # item or a section label (新闻, 园区快讯); the title itself is kept.
    if len(body) > 6 or _DATEISH.match(body) or _SENTENCE_PUNCT.search(body):
        return False
    later = [lines[j].text for j in range(i + 1, first) if not _DATEISH.match(lines[j].text)]
    # A fragment repeated inside a later heading (开发区 / 工作总结 above
    # 开发区工作总结) is a cover-page split of the title.
    if any(body in other and len(other) > len(body) for other in later):
        return True
    return any(len(other) >= 8 for other in later)


def _merge(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for edit in edits:
        if out and out[-1].end == edit.start:
            out[-1] = Edit(out[-1].start, edit.end)
        else:
            out.append(edit)
    return out
