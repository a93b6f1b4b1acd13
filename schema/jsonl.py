"""Read and write the JSON Lines graph of FORMAT.md."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from zonekg.schema.errors import RecordError
from zonekg.schema.records import Document, Entity, Record, Relation

_READERS = {"document": Document.from_json, "entity": Entity.from_json, "relation": Relation.from_json}


def dumps(record: Record, with_text: bool = False) -> str:
    """Return one JSONL line (no newline) for a record; Chinese is written as is."""
    obj = record.to_json(with_text=with_text) if isinstance(record, Document) else record.to_json()
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_records(records: Iterable[Record], out: IO[str], with_text: bool = False) -> int:
    """Write records one per line to ``out``; return how many were written."""
    count = 0
    for record in records:
        out.write(dumps(record, with_text=with_text))
        out.write("\n")
        count += 1
    return count


def read_records(path: str | Path) -> Iterator[Record]:
    """Yield the records of a JSONL file, raising RecordError with the line number on a bad line."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                yield _READERS[obj["kind"]](obj)
            except (ValueError, KeyError, TypeError) as exc:
                raise RecordError(f"{path}:{number}: not a FORMAT.md record ({exc})") from exc
