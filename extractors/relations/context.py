"""A read-only view of one spaCy Doc that relation rules share: sentences, mentions, the zone in focus.

Built once per document by the ``zonekg_relations`` component. Rules ask it for
the mentions inside a sentence, the nested mentions inside a mention, and for
the zone a generic word (开发区, 园区, 经开区) refers to at a position.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from zonekg.extractors.pipeline.spans import doc_text, nested_spans
from zonekg.extractors.relations.clauses import split_paragraphs, split_sentences
from zonekg.extractors.relations.completion import complete_lists, repeated_people

ZONE = "Zone"

# A generic word standing for a zone already named ("the zone", "the park"). The
# character before it decides: 各园区 / 全市开发区 / 国家级开发区 speak of zones in general.
_GENERIC_ZONE = re.compile(r"(?:本|该|此)?(?:经济技术开发区|经济开发区|开发区|经开区|高新区|工业园区|工业园|产业园区|产业园|园区|管委会)")
_OWNS_FIRMS = re.compile(r"(?:重点|骨干|龙头|规上|规模以上|入驻|内)?企业")
_NOT_ANAPHORIC_BEFORE = set("各级省市国县类等个家批些多两三四五六七八九十0123456789全有共")
# The provinces, written as zone names begin with them (湖北来凤经济开发区, 广东湛江经济技术开发区).
_PROVINCE_PREFIX = re.compile(
    r"^(?:北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|"
    r"海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?")
_WHOLE_ZONE = re.compile(r"开发区|经开区|高新区|管委会|党工委|工委")
_EXPANSIONS = (("经开区", "经济技术开发区"), ("高新区", "高新技术产业开发区"), ("开发区", "开发区"))


_LAST_TEXT: list = [None, ""]  # the document rules are working on, and its text


def text_of(span: Span) -> str:
    """Return a span's text from the document's cached text (``Span.text`` rebuilds it token by token)."""
    doc = span.doc
    if doc is not _LAST_TEXT[0]:
        _LAST_TEXT[0], _LAST_TEXT[1] = doc, doc_text(doc)
    return _LAST_TEXT[1][span.start_char:span.end_char]


def zone_key(text: str) -> str:
    """Return a comparison key for a zone name: short forms expanded, province prefix, spaces and quotes removed."""
    key = re.sub(r"[\s“”\"'‘’「」]", "", text)
    # 广东湛江经济技术开发区 and 湛江经济技术开发区 are one zone
    stripped = _PROVINCE_PREFIX.sub("", key)
    if len(stripped) >= 4:
        key = stripped
    for short, full in _EXPANSIONS:
        if key.endswith(short) and not key.endswith(full):
            key = key[: -len(short)] + full
    return key


def is_generic_zone(text: str) -> bool:
    """Return whether ``text`` is only a generic zone word (开发区, 本园区), naming no zone."""
    return _GENERIC_ZONE.fullmatch(text) is not None


@dataclass
class DocContext:
    """Sentences, mentions and zone anaphora of one Doc, with fast lookups by offset."""

    doc: Doc
    text: str = ""
    ents: list[Span] = field(default_factory=list)
    nested: list[Span] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    focus_zone: Span | None = None
    _starts: list[int] = field(default_factory=list)
    _nested_starts: list[int] = field(default_factory=list)
    _zones: list[Span] = field(default_factory=list)
    _zone_starts: list[int] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)
    _covered: bytearray = field(default_factory=bytearray)
    cache: dict = field(default_factory=dict)  # per-document values rules compute once
    _ends: list[int] = field(default_factory=list)
    _memo: dict = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc) -> DocContext:
        """Return the context of ``doc``: sorted mentions, sentences, paragraphs and the focus zone."""
        ctx = cls(doc=doc, text=doc_text(doc))
        ctx.ents = sorted(doc.ents, key=lambda s: (s.start_char, s.end_char))
        # members of 、-lists the recognisers missed (A、B、C等企业): proposed, kept only if a relation uses them
        ctx.ents = sorted(ctx.ents + complete_lists(doc, ctx.text, ctx.ents), key=lambda s: (s.start_char, s.end_char))
        ctx.ents = sorted(ctx.ents + repeated_people(doc, ctx.text, ctx.ents), key=lambda s: (s.start_char, s.end_char))
        ctx.nested = sorted(nested_spans(doc), key=lambda s: (s.start_char, s.end_char))
        ctx.sentences = split_sentences(ctx.text)
        ctx.paragraphs = split_paragraphs(ctx.text)
        ctx._starts = [s.start_char for s in ctx.ents]
        ctx._ends = [s.end_char for s in ctx.ents]
        ctx._nested_starts = [s.start_char for s in ctx.nested]
        ctx._para_starts = [p[0] for p in ctx.paragraphs]
        ctx._covered = bytearray(len(ctx.text))
        for span in ctx.ents:
            ctx._covered[span.start_char:span.end_char] = b"\x01" * (span.end_char - span.start_char)
        ctx._zones = [s for s in ctx.ents if s.label_ == ZONE and not is_generic_zone(text_of(s))]
        ctx._zone_starts = [s.start_char for s in ctx._zones]
        ctx.focus_zone = ctx._pick_focus()
        return ctx

    def _pick_focus(self) -> Span | None:
        """Return a mention of the zone the document is mostly about (most mentions, title counts double)."""
        if not self._zones:
            return None
        first_para_end = self.paragraphs[0][1] if self.paragraphs else 0
        counts: Counter[str] = Counter()
        best_span: dict[str, Span] = {}
        for span in self._zones:
            key = zone_key(text_of(span))
            weight = 2 if span.start_char < first_para_end else 1
            # a whole zone (开发区/高新区) outweighs the parks inside it that the text dwells on
            counts[key] += weight * (3 if _WHOLE_ZONE.search(key) else 1)
            # the fullest written form represents the zone
            held = best_span.get(key)
            if held is None or len(text_of(span)) > len(text_of(held)):
                best_span[key] = span
        # ties go to the zone named first: sorted() keeps text order for equal counts
        order = {key: i for i, key in reversed(list(enumerate(zone_key(text_of(s)) for s in self._zones)))}
        key = max(counts, key=lambda k: (counts[k], -order[k]))
        return best_span[key]

    def ents_in(self, start: int, end: int, labels: tuple[str, ...] | None = None) -> list[Span]:
        """Return the mentions lying inside ``[start, end)``, optionally only those of ``labels``."""
        key = (start, end, labels)
        found = self._memo.get(key)
        if found is None:
            # rules ask the same sentence for the same labels many times: answer once
            lo = bisect_left(self._starts, start)
            hi = bisect_left(self._starts, end)
            found = [s for s, e in zip(self.ents[lo:hi], self._ends[lo:hi]) if e <= end]
            if labels:
                found = [s for s in found if s.label_ in labels]
            self._memo[key] = found
        return list(found)

    def nested_in(self, span: Span, labels: tuple[str, ...] | None = None) -> list[Span]:
        """Return the nested mentions inside ``span`` (its place prefix, a brand in a company name)."""
        lo = bisect_left(self._nested_starts, span.start_char)
        hi = bisect_left(self._nested_starts, span.end_char)
        spans = [s for s in self.nested[lo:hi] if s.end_char <= span.end_char and s != span]
        return [s for s in spans if s.label_ in labels] if labels else spans

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """Return the sentence holding offset ``pos`` (or an empty span at ``pos``)."""
        i = bisect_right(self.sentences, (pos, len(self.text) + 1)) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def paragraph_start(self, pos: int) -> int:
        """Return where the paragraph holding ``pos`` starts."""
        i = bisect_right(self._para_starts, pos) - 1
        return self.paragraphs[i][0] if i >= 0 else 0

    def zone_before(self, pos: int, same_paragraph: bool = True) -> Span | None:
        """Return the last zone named before ``pos`` (in its paragraph), else the focus zone."""
        i = bisect_left(self._zone_starts, pos) - 1
        if i >= 0:
            span = self._zones[i]
            if not same_paragraph or span.start_char >= self.paragraph_start(pos):
                return span
        return self.focus_zone

    def covered(self, start: int, end: int) -> bool:
        """Return whether any character of ``[start, end)`` lies inside a mention."""
        return any(self._covered[start:end])

    def anaphor_zone(self, start: int, end: int) -> Span | None:
        """Return the zone a generic word at ``[start, end)`` refers to: the document's main zone.

        Measured on the corpus: even 园区 right after a sub-park's name mostly speaks of the
        whole zone (园区形成了以…为依托的产业), so every generic word goes to the zone in focus.
        """
        return self.focus_zone or self.zone_before(start)

    def _anaphoric_at(self, start: int, word: str) -> bool:
        if _OWNS_FIRMS.match(self.text, start + len(word)):
            return True  # 一批园区重点企业: the zone's firms, whatever counts the phrase
        return not (start > 0 and self.text[start - 1] in _NOT_ANAPHORIC_BEFORE and word[0] not in "本该此")

    def zone_anaphors(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the generic zone words in ``[start, end)`` that refer to a zone named elsewhere."""
        found = []
        for match in _GENERIC_ZONE.finditer(self.text, start, end):
            s, e = match.span()
            if self.covered(s, e):
                continue
            if not self._anaphoric_at(s, match.group(0)):
                continue
            found.append((s, e))
        return found

    def resolve_zone(self, span: Span) -> Span:
        """Return the named zone a generic zone mention stands for, or the mention itself."""
        if span.label_ == ZONE and is_generic_zone(text_of(span)):
            named = self.anaphor_zone(span.start_char, span.end_char)
            if named is not None:
                return named
        return span

    def zones_in(self, start: int, end: int, anaphora: bool = True) -> list[tuple[int, Span]]:
        """Return ``(position, zone)`` for each zone named or referred to in ``[start, end)``, in order."""
        # a generic zone word the recognisers kept (共有工业园区7个) refers only where an anaphor would
        zones = [(s.start_char, self.resolve_zone(s)) for s in self.ents_in(start, end, (ZONE,))
                 if not is_generic_zone(text_of(s)) or self._anaphoric_at(s.start_char, text_of(s))]
        if anaphora:
            for s, e in self.zone_anaphors(start, end):
                named = self.anaphor_zone(s, e)
                if named is not None:
                    zones.append((s, named))
        zones.sort(key=lambda pz: (pz[0], pz[1].start_char))
        return zones
