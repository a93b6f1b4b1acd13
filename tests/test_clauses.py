"""Sentence, clause and paragraph boundaries as character offsets that slice the text exactly."""

from __future__ import annotations

import pytest

from zonekg.extractors.relations.clauses import split_clauses, split_paragraphs, split_sentences


@pytest.mark.parametrize(("text", "sentences"), [
    ("园区成立于1992年。现有企业80家！", ["园区成立于1992年。", "现有企业80家！"]),
    ("他说：“开发区很好。”随后离开", ["他说：“开发区很好。”", "随后离开"]),
    ("重点发展电子信息；配套发展物流\n\n第二段", ["重点发展电子信息；", "配套发展物流", "第二段"]),
    ("  前有空格。  ", ["前有空格。"]),
    ("", []),
])
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize(("text", "clauses"), [
    ("五年来,园区全力支持企业,扩大产能。", ["五年来,", "园区全力支持企业,", "扩大产能。"]),
    ("入园企业有:甲公司、乙公司", ["入园企业有:", "甲公司、乙公司"]),
])
def test_split_clauses(text: str, clauses: list[str]) -> None:
    assert [text[s:e] for s, e in split_clauses(text)] == clauses


def test_sentences_within_a_range_use_text_offsets() -> None:
    text = "标题\n第一句。第二句。"
    start = text.index("第")
    spans = split_sentences(text, start)
    assert spans[0][0] == start and [text[s:e] for s, e in spans] == ["第一句。", "第二句。"]


def test_paragraphs() -> None:
    text = "第一段\n\n  第二段  \n"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["第一段", "第二段"]


def test_run_on_text_is_cut_at_commas() -> None:
    from zonekg.extractors.relations.clauses import MAX_SENTENCE
    text = "，".join(["园区企业加快发展"] * 120) + "。"
    spans = split_sentences(text)
    assert len(spans) > 1 and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text
