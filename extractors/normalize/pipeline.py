"""Compose the normalisation steps in order and keep the offset map back to the raw text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from zonekg.extractors.normalize.artifacts import roundtrip_edits
from zonekg.extractors.normalize.chrome import chrome_edits
from zonekg.extractors.normalize.encyclopedia import encyclopedia_edits
from zonekg.extractors.normalize.markdown import markdown_edits
from zonekg.extractors.normalize.newlines import newline_edits
from zonekg.extractors.normalize.offsets import ChainMap, Edit, apply_edits
from zonekg.extractors.normalize.pinyin import pinyin_edits
from zonekg.extractors.normalize.regulation import regulation_header_edits
from zonekg.extractors.normalize.script import simplified_edits
from zonekg.extractors.normalize.unwrap import unwrap_edits
from zonekg.extractors.normalize.width import bracket_edits, edge_edits, whitespace_edits, width_edits
from zonekg.extractors.normalize.wiki import wiki_edits


class Step(str, Enum):
    """The normalisation steps, in the order they run."""

    NEWLINES = "newlines"
    WIKI = "wiki"  # only for MediaWiki sources; see WIKI_STEPS
    MARKDOWN = "markdown"  # only for Markdown sources; see DEFAULT_STEPS
    UNWRAP = "unwrap"  # only for PDF text layers; see PDF_STEPS
    PINYIN = "pinyin"
    SIMPLIFIED = "simplified"
    WIDTH = "width"
    REGULATION = "regulation"  # status fields of a law database's header table
    ENCYCLOPEDIA = "encyclopedia"  # encyclopedia widgets, contents, citation marks, reference lists
    CHROME = "chrome"
    ROUNDTRIP = "roundtrip"
    BRACKETS = "brackets"
    WHITESPACE = "whitespace"
    EDGES = "edges"


# Why this order: line breaks first so every later step sees "\n"; wiki markup
# next, on the raw markup (its tables and infoboxes decide the lines); pinyin before
# OpenCC (the annotations are ASCII either way, but chrome scoring needs clean
# lines); Simplified and half-width text before chrome scoring so that its
# vocabulary is written once (the regulation and encyclopedia frames too, after
# 【】 and full-width + are folded); the round-trip repair on Simplified text;
# whitespace last because deletions above leave blank runs.
STEPS: dict[Step, Callable[[str], list[Edit]]] = {
    Step.NEWLINES: newline_edits,
    Step.WIKI: wiki_edits,
    Step.MARKDOWN: markdown_edits,
    Step.UNWRAP: unwrap_edits,
    Step.PINYIN: pinyin_edits,
    Step.SIMPLIFIED: simplified_edits,
    Step.WIDTH: width_edits,
    Step.REGULATION: regulation_header_edits,
    Step.ENCYCLOPEDIA: encyclopedia_edits,
    Step.CHROME: chrome_edits,
    Step.ROUNDTRIP: roundtrip_edits,
    Step.BRACKETS: bracket_edits,
    Step.WHITESPACE: whitespace_edits,
    Step.EDGES: edge_edits,
}


# Markup is stripped only from texts written in it (``markup.detect_markup``:
# in plain text ** or # may be real characters), and lines are unwrapped only
# in PDF text layers. The regulation and encyclopedia steps check their own
# signature, so they run everywhere.
_SOURCE_SPECIFIC = (Step.WIKI, Step.MARKDOWN, Step.UNWRAP)
DEFAULT_STEPS: tuple[Step, ...] = tuple(s for s in Step if s not in _SOURCE_SPECIFIC)
MARKDOWN_STEPS: tuple[Step, ...] = tuple(s for s in Step if s not in (Step.WIKI, Step.UNWRAP))
WIKI_STEPS: tuple[Step, ...] = tuple(s for s in Step if s not in (Step.MARKDOWN, Step.UNWRAP))
# A PDF's text layer breaks lines where the page did, inside sentences.
PDF_STEPS: tuple[Step, ...] = tuple(s for s in Step if s not in (Step.WIKI, Step.MARKDOWN))


@dataclass
class NormalizedText:
    """The normalised text, the raw text it came from and the map between them."""

    raw: str
    text: str
    offsets: ChainMap
    applied: list[Step] = field(default_factory=list)  # steps that changed something

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw span that the normalised span ``[start, end)`` came from."""
        return self.offsets.to_raw(start, end)


def normalize_text(raw: str, steps: Sequence[Step] | None = None) -> NormalizedText:
    """Return ``raw`` normalised by ``steps`` (``DEFAULT_STEPS`` in order by default) with its offset map."""
    text = raw
    chain = ChainMap()
    applied: list[Step] = []
    for step in steps if steps is not None else DEFAULT_STEPS:
        edits = STEPS[step](text)
        if not edits:
            continue
        text, step_map = apply_edits(text, edits)
        chain = chain.then(step_map)
        applied.append(step)
    return NormalizedText(raw=raw, text=text, offsets=chain, applied=applied)
