"""Property tests: every normalised span maps back to the raw span it came from."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zonekg.extractors.normalize import STEPS, Edit, Step, apply_edits, normalize_text
from zonekg.extractors.normalize.offsets import ChainMap
from zonekg.extractors.normalize.artifacts import _RULES
from zonekg.extractors.normalize.script import to_simplified
from zonekg.extractors.normalize.width import FOLD

# Pieces that exercise every step: pinyin, Traditional, full-width, brackets,
# blank runs, chrome lines, round-trip words, CRLF, wiki and Markdown markup,
# encyclopedia widgets and law-database fields.
PIECES = ["經(jīng)", "濟(jì)", "開發區", "發展", "(試行)", "(3363畝)", "，", "（", "）", "ＡＢ１", "〔2015〕",
          "潜政发?2008?18号", "  ", "\t", "\n", "\r\n", "\n\n\n", "上一篇:", "版权所有", "北京哪家医院好",
          "开展", "效劳", "工程", "根底", "永州经开区", "。", "投资10亿元", "a", "(cms)", "\u3000", "\u200b",
          "# ", "**", "[链接](http://a.cn)", "![图](b.png)", "> ", "- ", "---", "`",
          "[[", "]]", "{{", "}}", "|", "'''", "== ", " ==", "<ref>", "</ref>", "{|", "|}", "|-", "=", "||",
          "[1]", "播报", "编辑", "目录", "参考资料", "时效性:", "效力级别:", "| --- |"]

texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=200)


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="abc中文經\n ", max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    edits = []
    pos = 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a < pos:
            continue  # disjoint (touching is allowed)
        edits.append(Edit(a, b, draw(st.text(alphabet="XYZ", max_size=4))))
        pos = b
    return text, edits


def _new_ranges(edits: list[Edit]) -> list[tuple[int, int, Edit]]:
    """Return where each edit's replacement text sits in the new text."""
    out, shift = [], 0
    for e in edits:
        out.append((e.start + shift, e.start + shift + len(e.text), e))
        shift += len(e.text) - (e.end - e.start)
    return out


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failures
@given(text_and_edits())
def test_apply_edits_maps_kept_characters_to_themselves(case):
    text, edits = case
    new, offsets = apply_edits(text, edits)
    ranges = _new_ranges(edits)
    for i, ch in enumerate(new):
        a, b = offsets.to_old(i, i + 1)
        assert 0 <= a <= b <= len(text)
        inside = [e for s, t, e in ranges if s <= i < t]
        if inside:
            edit = inside[0]
            # A replaced character maps into the raw span it replaced.
            assert edit.start <= a <= b <= edit.end
        else:
            assert b == a + 1 and text[a] == ch, (i, a, b)


@settings(deadline=None)
@given(text_and_edits())
def test_deleted_regions_never_appear(case):
    text, edits = case
    new, offsets = apply_edits(text, edits)
    deleted = [(e.start, e.end) for e in edits if not e.text and e.end > e.start]
    covered = set()
    for i in range(len(new)):
        a, b = offsets.to_old(i, i + 1)
        covered.update(range(a, b))
    for s, e in deleted:
        assert not covered & set(range(s, e))
    # The whole normalised text maps to a span that starts and ends inside the raw text.
    a, b = offsets.to_old(0, len(new))
    assert 0 <= a <= b <= len(text)


@settings(deadline=None)
@given(text_and_edits())
def test_spans_map_monotonically(case):
    text, edits = case
    new, offsets = apply_edits(text, edits)
    previous_end = 0
    for i in range(len(new)):
        a, b = offsets.to_old(i, i + 1)
        assert a >= previous_end or b == previous_end
        previous_end = max(previous_end, b)


@pytest.mark.parametrize("edits,new,span,old", [
    ([Edit(1, 1, "XX"), Edit(1, 3)], "aXXd", (1, 3), (1, 1)),  # an insertion maps to an empty raw span
    ([Edit(1, 1, "XX"), Edit(1, 3)], "aXXd", (3, 4), (3, 4)),
    ([Edit(0, 2, "\n"), Edit(2, 4, "\n")], "\n\n", (1, 2), (2, 4)),  # two CRLFs stay distinct
    ([Edit(1, 2), Edit(2, 3)], "ad", (1, 2), (3, 4)),  # touching deletions
    ([Edit(1, 2), Edit(2, 3)], "ad", (0, 1), (0, 1)),
])
def test_touching_edits_keep_their_own_spans(edits, new, span, old):
    result, offsets = apply_edits("abcd" if "a" in new else "\r\n\r\n", edits)
    assert result == new
    assert offsets.to_old(*span) == old


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3), Edit(2, 4)])


@pytest.mark.parametrize("step", list(Step), ids=[s.value for s in Step])
@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_each_step_keeps_characters_aligned(step, text):
    edits = STEPS[step](text)
    new, offsets = apply_edits(text, edits)
    length_changing = [(e.start, e.end) for e in edits if len(e.text) != e.end - e.start]
    equal = {e.start + k: e.text[k] for e in edits if len(e.text) == e.end - e.start for k in range(len(e.text))}
    for i, ch in enumerate(new):
        a, b = offsets.to_old(i, i + 1)
        if any(s <= a < e for s, e in length_changing):
            continue
        assert b == a + 1
        assert ch == equal.get(a, text[a])


def _explains(raw_piece: str, ch: str) -> bool:
    """True when ``ch`` is what the substitution steps make of ``raw_piece``."""
    if ch in raw_piece:
        return True
    converted = to_simplified(raw_piece).translate(FOLD)
    return ch in converted or ch in REPAIRED or ch in "[]\n "


# Characters the round-trip repair may write in place of an artifact's characters.
REPAIRED = "".join(sorted({c for _, new in _RULES for c in new}))


@settings(max_examples=150, deadline=None)
@given(raw=texts)
def test_full_pipeline_maps_every_character_back(raw):
    result = normalize_text(raw)
    previous_end = 0
    for i, ch in enumerate(result.text):
        a, b = result.to_raw(i, i + 1)
        assert 0 <= a < b <= len(raw), (i, a, b)
        assert a >= previous_end
        previous_end = b
        assert _explains(raw[a:b], ch), (ch, raw[a:b])


def test_chrome_lines_are_gone_and_text_around_them_stays_aligned():
    raw = "园区新闻\n永州经开区举行项目集中签约仪式,共签约项目12个,总投资56亿元。\n上一篇:没有了\n"
    result = normalize_text(raw)
    assert "上一篇" not in result.text
    start = result.text.index("永州经开区")
    a, b = result.to_raw(start, start + 5)
    assert raw[a:b] == "永州经开区"


@pytest.mark.parametrize("raw,word", [
    ("大冶經(jīng)濟(jì)開發(fā)區(qū)創建于1994年,是省級開發區之一。", "大冶经济开发区"),
    ("來鳳經(jīng)濟(jì)開發(fā)區(qū)管委會(huì)設在翔鳳鎮。", "来凤经济开发区管委会"),
])
def test_spans_through_pinyin_and_opencc_map_to_the_annotated_raw_text(raw, word):
    result = normalize_text(raw)
    start = result.text.index(word)
    a, b = result.to_raw(start, start + len(word))
    assert re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", raw[a:b]) == to_simplified_inverse_check(raw[a:b], word)


def to_simplified_inverse_check(raw_piece: str, word: str) -> str:
    """Return the raw piece without pinyin if it converts to ``word``; else the converted text (fails the test)."""
    stripped = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", raw_piece)
    return stripped if to_simplified(stripped) == word else to_simplified(stripped)


def test_chain_map_composes_in_order():
    first, m1 = apply_edits("aXXb", [Edit(1, 3)])  # "ab"
    second, m2 = apply_edits(first, [Edit(1, 1, "YY")])  # "aYYb"
    chain = ChainMap([m1, m2])
    assert second == "aYYb"
    assert chain.to_raw(3, 4) == (3, 4)  # "b"
    assert chain.to_raw(0, 1) == (0, 1)  # "a"
