"""Time the offline alternatives on the same documents and compare zonekg's throughput with theirs."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zonekg.bench.alternatives import AlternativeName, make_alternative
from zonekg.bench.sources import read_text
from zonekg.bench.timing import rate


def time_alternative(name: AlternativeName | str, files: Sequence[Path], chars: int) -> dict[str, Any]:
    """Read and tag every file with one alternative; return its throughput and how many names it found.

    Loading the model is timed apart (``load_seconds``); reading the files is
    inside the measured time, as it is in zonekg's end-to-end number.
    """
    tagger = make_alternative(name)
    started = time.perf_counter()
    tagger.prepare()
    load_seconds = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    names = 0
    for path in files:
        names += len(tagger.tag(read_text(path)))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"seconds": round(seconds, 3), "load_seconds": round(load_seconds, 3), "names": names,
            "chars_per_s": round(rate(chars, seconds), 1), "docs_per_s": round(rate(len(files), seconds), 2),
            "cpu_seconds": round(cpu, 3), "chars_per_cpu_s": round(rate(chars, cpu), 1)}


def add_ratios(alternatives: dict[str, dict[str, Any]], zonekg: dict[str, Any]) -> None:
    """Set ``ratio`` = zonekg's chars/s ÷ the alternative's (>1: zonekg is faster), and the same per CPU second."""
    for entry in alternatives.values():
        for key, ratio in (("chars_per_s", "ratio"), ("chars_per_cpu_s", "cpu_ratio")):
            speed = entry.get(key) or 0.0
            entry[ratio] = round(zonekg[key] / speed, 2) if speed and zonekg.get(key) else None
