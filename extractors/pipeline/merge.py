"""The ``zonekg_entity_merge`` component: choose non-overlapping mentions for ``doc.ents``; keep the rest nested."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from zonekg.extractors.pipeline.automaton import places_by_name
from zonekg.extractors.pipeline.candidates import EVIDENT, SHORT, Candidate
from zonekg.extractors.pipeline.spans import NESTED, Region, doc_text, register_extensions

# When two candidates of equal length overlap, the earlier type in this order wins.
_TYPE_ORDER = ("Zone", "Organization", "Policy", "Enterprise", "Project", "Person", "Place", "Industry")


def choose(candidates: list[Candidate], region: Region | None, text: str) -> tuple[list[Candidate], list[Candidate]]:
    """Return (top-level mentions, nested mentions): longest first, then by type order; deterministic."""
    kept = [c for c in set(candidates) if _plausible(c, region, text)]
    # a construction that makes the type certain beats the type order (总投资10亿元的烟草产业园 is a project)
    kept.sort(key=lambda c: (-c.length, c.kind != EVIDENT, _TYPE_ORDER.index(c.label), c.start, c.kind))
    owner = [-1] * (len(text) + 1)  # index in ``top`` of the mention covering each character
    top: list[Candidate] = []
    nested: list[Candidate] = []
    for c in kept:
        owners = set(owner[c.start:c.end])
        if owners == {-1}:
            owner[c.start:c.end] = [len(top)] * c.length
            top.append(c)
        elif len(owners) == 1:
            t = top[owners.pop()]
            if (t.start, t.end) != (c.start, c.end):
                nested.append(c)
    top.sort()
    nested = [c for c in nested if not any(o.label == c.label and o.start <= c.start and c.end <= o.end and o != c
                                           for o in nested)]
    nested.sort()
    return top, _dedupe(nested)


def _dedupe(nested: list[Candidate]) -> list[Candidate]:
    """Keep one nested candidate per (start, end): the first in type order."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in nested:
        key = (c.start, c.end)
        if key not in best or _TYPE_ORDER.index(c.label) < _TYPE_ORDER.index(best[key].label):
            best[key] = c
    return sorted(best.values())


def _plausible(c: Candidate, region: Region | None, text: str) -> bool:
    """Return whether a candidate may stand; a short place form stands alone only in its own region."""
    if c.kind != SHORT:
        return True
    surface = text[c.start:c.end]
    options = places_by_name().get(surface, ())
    if any(p.level == "province" for p in options):
        return True
    if any(p.level == "city" for p in options):
        return True  # 北京, 营口: prefecture names stand alone anywhere
    if any(p.province and _after_province(text, c.start, p.province) for p in options):
        return True  # 湖南吉首: the province named right before vouches for its county
    if region is None:
        return False
    return any(p.province == region.province and p.level in ("city", "county") for p in options)


def _after_province(text: str, start: int, province: str) -> bool:
    """Return whether ``text`` names ``province`` (full or short form) right before ``start``."""
    forms = [province] + [p.short for p in places_by_name().get(province, ()) if p.short]
    return any(form and text.startswith(form, start - len(form)) for form in forms)


@Language.component("zonekg_entity_merge")
def merge_component(doc: Doc) -> Doc:
    """Write ``doc.ents`` and ``doc.spans["nested"]`` from ``doc._.candidates``."""
    top, nested = choose(doc._.candidates, doc._.region, doc_text(doc))
    doc.ents = [_span(doc, c) for c in top]
    doc.spans[NESTED] = [_span(doc, c) for c in nested]
    return doc


def _span(doc: Doc, c: Candidate) -> Span:
    span = doc.char_span(c.start, c.end, label=c.label, kb_id=c.kind, alignment_mode="expand")
    return span


register_extensions()
