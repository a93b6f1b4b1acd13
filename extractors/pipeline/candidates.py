"""Candidate mentions: what recognisers propose before the merge step chooses among them."""

from __future__ import annotations

from dataclasses import dataclass

CANDIDATES = "candidates"  # span group of every proposed mention, before the merge

# How a candidate was found; the merge and the resolver weigh them differently.
FULL = "full"          # a complete official or proper name
SHORT = "short"        # a gazetteer short form (来凤 for 来凤县)
GENERIC = "generic"    # a bare head noun that needs the document context (市委, 经开区, 管委会)
LEXICON = "lexicon"    # an entry of a hand-written lexicon (industries, central bodies)
EVIDENT = "evident"    # a construction makes the type certain (总投资10亿元的烟草产业园, A、B等5个项目)


@dataclass(frozen=True, order=True)
class Candidate:
    """A proposed mention ``[start, end)`` of ``label`` found as ``kind``."""

    start: int
    end: int
    label: str
    kind: str = FULL

    @property
    def length(self) -> int:
        return self.end - self.start
