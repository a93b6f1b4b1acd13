"""Scan an enumeration A、B、C backwards from where it ends: the spans of its items."""

from __future__ import annotations

from collections.abc import Callable


def items_before(text: str, end: int, is_item_char: Callable[[str], bool], max_items: int,
                 max_len: int, min_len: int) -> list[tuple[int, int]]:
    """Return the 、-separated items that end at ``end``, the last item first.

    An item is a run of ``is_item_char`` characters of ``min_len`` to ``max_len``
    characters; the scan stops at the first run too short to be an item, or when
    no 、 comes before the item.
    """
    items: list[tuple[int, int]] = []
    stop = end
    while stop > 0 and len(items) < max_items:
        start = stop
        while start > 0 and stop - start < max_len and is_item_char(text[start - 1]):
            start -= 1
        if stop - start < min_len:
            break
        items.append((start, stop))
        if start > 0 and text[start - 1] == "、":
            stop = start - 1
            continue
        break
    return items
