"""The relation component never fails on odd input: any text, any non-overlapping marked mentions."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from zonekg.extractors.pipeline.spans import NESTED, register_extensions
from zonekg.extractors.relations.component import RelationFinder
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

_NLP = spacy.blank("zh")
register_extensions()
_FINDER = RelationFinder()

# characters the rules react to: punctuation, list marks, trigger words' characters, digits, quotes
_ALPHABET = "开发区园经济技术高新产业工业位于落户入驻重点发展主导书记主任市委县长投资亿万元年月日、，。；：()（）《》“”等和与及的是为7 \n"


@st.composite
def marked_docs(draw):
    text = draw(st.text(alphabet=_ALPHABET, min_size=0, max_size=120))
    doc = _NLP(text)
    cuts = sorted(set(draw(st.lists(st.integers(0, max(0, len(text))), max_size=12))))
    labels = list(ENTITY_TYPES)
    ents = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        span = doc.char_span(start, end, label=draw(st.sampled_from(labels)))
        if span is not None and end > start:
            ents.append(span)
    doc.ents = ents
    nested = []
    for span in ents:
        if len(span.text) > 2 and draw(st.booleans()):
            inner = doc.char_span(span.start_char, span.start_char + 2, label=draw(st.sampled_from(labels)))
            if inner is not None:
                nested.append(inner)
    doc.spans[NESTED] = nested
    return doc


@settings(max_examples=150, deadline=None)
@given(marked_docs())
def test_component_handles_any_marked_text(doc) -> None:
    _FINDER(doc)
    for c in doc._.relations:
        assert RELATION_TYPES[c.type].allows(c.head.label_, c.tail.label_)
        start, end = c.evidence
        assert 0 <= start <= end <= len(doc.text)


def test_empty_document() -> None:
    doc = _NLP("")
    _FINDER(doc)
    assert doc._.relations == []
