"""Edit lists and offset maps: every normalised span maps back to the raw span it came from.

A normalisation step describes what it changes as a sorted list of ``Edit``
(replace ``old[start:end]`` with ``text``). ``apply_edits`` builds the new text
and an ``OffsetMap``. Replacements of equal length are aligned character by
character (Traditional→Simplified, full-width folding), so only edits that change
the length are stored; a map for an untouched text is empty and costs nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``old[start:end]`` with ``text`` (an empty ``text`` deletes).

    A tuple, not a dataclass: annotated texts produce thousands of edits and
    tuples are cheap to build and sort.
    """

    start: int
    end: int
    text: str = ""


class OffsetMap:
    """Maps offsets of one step's output text back to its input text.

    Stored as parallel sorted lists of length-changing replacements:
    new ``[ns, ne)`` came from old ``[os, oe)``. Positions outside them are
    shifted by the net length change of the replacements before them.
    """

    __slots__ = ("_ns", "_ne", "_os", "_oe", "new_len", "old_len")

    def __init__(self, spans: Sequence[tuple[int, int, int, int]], new_len: int, old_len: int):
        self._ns = [s[0] for s in spans]
        self._ne = [s[1] for s in spans]
        self._os = [s[2] for s in spans]
        self._oe = [s[3] for s in spans]
        self.new_len = new_len
        self.old_len = old_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """Return the map of a step that changed nothing's length."""
        return cls((), length, length)

    @property
    def spans(self) -> list[tuple[int, int, int, int]]:
        """Return the stored replacements as ``(new_start, new_end, old_start, old_end)``."""
        return list(zip(self._ns, self._ne, self._os, self._oe))

    def start_to_old(self, pos: int) -> int:
        """Return the old offset of the character that starts at new offset ``pos``."""
        i = bisect_right(self._ns, pos) - 1
        if i < 0:
            return pos
        if pos < self._ne[i]:
            return self._os[i]
        return pos - self._ne[i] + self._oe[i]

    def end_to_old(self, pos: int) -> int:
        """Return the old offset just after the character that ends at new offset ``pos``."""
        i = bisect_left(self._ne, pos)
        if i < len(self._ne) and self._ns[i] < pos:
            return self._oe[i]
        # Edits before i end strictly before pos; a deletion exactly at pos is not
        # part of a span that ends there.
        if i == 0:
            return pos
        return pos - self._ne[i - 1] + self._oe[i - 1]

    def to_old(self, start: int, end: int) -> tuple[int, int]:
        """Return the old span ``[start, end)`` that the new span came from."""
        old_start = self.start_to_old(start)
        if end <= start:
            return old_start, old_start
        return old_start, max(old_start, self.end_to_old(end))


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Return the edited text and its map back to ``text``; edits must be sorted and disjoint."""
    pieces: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    pos = 0
    new_pos = 0
    for edit in edits:
        if edit.start < pos or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edit {edit.start}:{edit.end} overlaps the previous edit or leaves the text")
        pieces.append(text[pos:edit.start])
        new_pos += edit.start - pos
        pieces.append(edit.text)
        new_end = new_pos + len(edit.text)
        if len(edit.text) != edit.end - edit.start:
            # Touching edits stay separate so each keeps its own precise span;
            # the bisect rules in start_to_old/end_to_old handle shared positions.
            spans.append((new_pos, new_end, edit.start, edit.end))
        new_pos = new_end
        pos = edit.end
    pieces.append(text[pos:])
    new_text = "".join(pieces)
    return new_text, OffsetMap(spans, len(new_text), len(text))


class ChainMap:
    """The composition of several steps' maps: normalised offsets → raw offsets."""

    __slots__ = ("maps",)

    def __init__(self, maps: Sequence[OffsetMap] = ()):
        self.maps = list(maps)

    def then(self, step_map: OffsetMap) -> ChainMap:
        """Return the chain extended by one more step applied after the others."""
        return ChainMap([*self.maps, step_map])

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw span that normalised ``[start, end)`` came from."""
        for step_map in reversed(self.maps):
            start, end = step_map.to_old(start, end)
        return start, end
