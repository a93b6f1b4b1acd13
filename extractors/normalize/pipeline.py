"""Compose the normalisation steps in order and keep the offset map back to the raw text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from zonekg.extractors.normalize.artifacts import roundtrip_edits
from zonekg.extractors.normalize.chrome import chrome_edits
from zonekg.extractors.normalize.markdown import markdown_edits
from zonekg.extractors.normalize.newlines import newline_edits
from zonekg.extractors.normalize.offsets import ChainMap, Edit, apply_edits
from zonekg.extractors.normalize.pinyin import pinyin_edits
from zonekg.extractors.normalize.script import simplified_edits
from zonekg.extractors.normalize.unwrap import unwrap_edits
from zonekg.extractors.normalize.width import bracket_edits, edge_edits, whitespace_edits, width_edits


class Step(str, Enum):
    """The normalisation steps, in the order they run."""

    NEWLINES = "newlines"
    MARKDOWN = "markdown"  # only for Markdown sources; see DEFAULT_STEPS
    UNWRAP = "unwrap"  # only for PDF text layers; see PDF_STEPS
    PINYIN = "pinyin"
    SIMPLIFIED = "simplified"
    WIDTH = "width"
    CHROME = "chrome"
    ROUNDTRIP = "roundtrip"
    BRACKETS = "brackets"
    WHITESPACE = "whitespace"
    EDGES = "edges"


# Why this order: line breaks first so every later step sees "\n"; pinyin before
# OpenCC (the annotations are ASCII either way, but chrome scoring needs clean
# lines); Simplified and half-width text before chrome scoring so that its
# vocabulary is written once; the round-trip repair on Simplified text;
# whitespace last because deletions above leave blank runs.
STEPS: dict[Step, Callable[[str], list[Edit]]] = {
    Step.NEWLINES: newline_edits,
    Step.MARKDOWN: markdown_edits,
    Step.UNWRAP: unwrap_edits,
    Step.PINYIN: pinyin_edits,
    Step.SIMPLIFIED: simplified_edits,
    Step.WIDTH: width_edits,
    Step.CHROME: chrome_edits,
    Step.ROUNDTRIP: roundtrip_edits,
    Step.BRACKETS: bracket_edits,
    Step.WHITESPACE: whitespace_edits,
    Step.EDGES: edge_edits,
}


# Markdown markup is stripped only from Markdown files (in plain text ** or #
# may be real characters), and lines are unwrapped only in PDF text layers.
DEFAULT_STEPS: tuple[Step, ...] = tuple(s for s in Step if s not in (Step.MARKDOWN, Step.UNWRAP))
MARKDOWN_STEPS: tuple[Step, ...] = tuple(s for s in Step if s is not Step.UNWRAP)
# A PDF's text layer breaks lines where the page did, inside sentences.
PDF_STEPS: tuple[Step, ...] = tuple(s for s in Step if s is not Step.MARKDOWN)


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
