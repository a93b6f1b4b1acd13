"""Measure normalisation throughput (characters per CPU second and per wall second) over given texts."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from zonekg.extractors.normalize.pipeline import normalize_text


@dataclass(frozen=True)
class Throughput:
    """Best-of-``rounds`` timing of normalising every text once."""

    texts: int
    chars: int
    cpu_seconds: float
    wall_seconds: float

    @property
    def chars_per_cpu_second(self) -> float:
        """Return characters normalised per CPU second (stable on a shared machine)."""
        return self.chars / self.cpu_seconds if self.cpu_seconds else float("inf")

    @property
    def chars_per_second(self) -> float:
        """Return characters normalised per wall-clock second."""
        return self.chars / self.wall_seconds if self.wall_seconds else float("inf")


def measure_throughput(texts: Sequence[str], rounds: int = 5, repeat: int = 10) -> Throughput:
    """Return the best of ``rounds`` timings, each normalising all ``texts`` ``repeat`` times (per pass)."""
    if texts:
        normalize_text(texts[0])  # load OpenCC's dictionaries outside the timing
    best_cpu = best_wall = float("inf")
    for _ in range(rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(repeat):
            for text in texts:
                normalize_text(text)
        best_cpu = min(best_cpu, (time.process_time() - cpu) / repeat)
        best_wall = min(best_wall, (time.perf_counter() - wall) / repeat)
    return Throughput(len(texts), sum(map(len, texts)), best_cpu, best_wall)
