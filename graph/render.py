"""Render query results as an aligned text table, JSON or CSV (the CLI prints what these return)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from enum import Enum
from typing import Any

from zonekg.graph.query import QueryResult


class OutputFormat(str, Enum):
    """How ``zonekg query`` writes its rows."""

    table = "table"
    json = "json"
    csv = "csv"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(_cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def display_width(text: str) -> int:
    """Return how many terminal columns ``text`` takes (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render_table(result: QueryResult, max_width: int = 60) -> str:
    """Return the rows as a column-aligned table; long cells are cut with an ellipsis."""
    def cut(text: str) -> str:
        if display_width(text) <= max_width:
            return text
        out = ""
        for ch in text:
            if display_width(out + ch) > max_width - 1:
                break
            out += ch
        return out + "…"

    cells = [[cut(_cell(v)) for v in row] for row in result.rows]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(result.columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)


def render_json(result: QueryResult) -> str:
    """Return the rows as a JSON array of objects (Chinese unescaped)."""
    return json.dumps(result.records(), ensure_ascii=False, indent=2)


def render_csv(result: QueryResult) -> str:
    """Return the rows as CSV with a header; list cells are joined with ``|``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["|".join(_cell(x) for x in v) if isinstance(v, list) else _cell(v) for v in row])
    return out.getvalue()


def render(result: QueryResult, fmt: OutputFormat | str = OutputFormat.table) -> str:
    """Return ``result`` in the given format."""
    fmt = OutputFormat(fmt)
    return {OutputFormat.table: render_table, OutputFormat.json: render_json, OutputFormat.csv: render_csv}[fmt](result)
