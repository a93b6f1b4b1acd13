"""Clocks, percentiles and peak memory for the benchmark."""

from __future__ import annotations

import math
import resource
import sys
import time
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """Return the ``q``-th percentile (0–100) of ``values`` by linear interpolation; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def rate(amount: float, seconds: float) -> float:
    """Return ``amount / seconds``, or 0.0 when no time was measured."""
    return amount / seconds if seconds > 0 else 0.0


def peak_rss_mb() -> float:
    """Return the peak resident set size of this process (and its waited-for children) in MiB."""
    # ru_maxrss is KiB on Linux and bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    return round(max(own, children) / 2**20, 1)


class Stopwatch:
    """Accumulate wall-clock seconds per named stage across many ``with watch("stage")`` blocks."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, stage: str) -> _Lap:
        return _Lap(self, stage)

    def add(self, stage: str, seconds: float) -> None:
        """Add ``seconds`` to ``stage``."""
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


class _Lap:
    def __init__(self, watch: Stopwatch, stage: str) -> None:
        self._watch = watch
        self._stage = stage
        self._start = 0.0

    def __enter__(self) -> _Lap:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self._watch.add(self._stage, time.perf_counter() - self._start)
