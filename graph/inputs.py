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
    """Return the records of the JSONL files; a bad line or an unreadable file is reported and skipped.

    Raises InputError only when no file at all could be opened.
    """
    out = GraphInput()
    files = [paths] if isinstance(paths, (str, Path)) else list(paths)
    opened = 0
    for path in files:
        try:
            handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            out.problems.append(f"{path}: cannot open the graph file ({exc.strerror}); skipped")
            continue
        opened += 1
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    out.records.append(_READERS[obj["kind"]](obj))
                except (ValueError, KeyError, TypeError, RecordError) as exc:
                    out.problems.append(f"{path}:{number}: not a FORMAT.md record ({exc}); line skipped")
    if files and not opened:
        raise InputError(str(files[0]), "cannot open the graph file; give a JSONL file written by "
                                        "zonekg extract --out FILE")
    return out
