"""Read a JSONL graph tolerantly: good records are kept, each bad line becomes one problem line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from zonekg.schema.errors import InputError, RecordError
from zonekg.schema.records import Document, Entity, Record, Relation

_READERS = {"document": Document.from_json, "entity": Entity.from_json, "relation": Relation.from_json}


@dataclass
class GraphInput:
    """The records read from one or more JSONL files and the lines that could not be read."""

    records: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_graph(paths: list[str | Path] | str | Path) -> GraphInput:
    """Return the records of the JSONL files; a bad line is reported with its number and skipped."""
    out = GraphInput()
    for path in [paths] if isinstance(paths, (str, Path)) else paths:
        try:
            handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(str(path), f"cannot open the graph file ({exc.strerror}); give a JSONL file "
                                        "written by zonekg extract") from exc
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    reader = _READERS[obj["kind"]]
                    out.records.append(reader(obj))
                except (ValueError, KeyError, TypeError, RecordError) as exc:
                    out.problems.append(f"{path}:{number}: not a FORMAT.md record ({exc}); line skipped")
    return out
