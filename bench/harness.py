"""Run the whole benchmark and return its results as one JSON-ready dict.

Order of work: warm the pipeline; time zonekg's extraction end to end and
per stage on the corpus; time the alternatives on the same files; load the
result into Neo4j twice and time every preset; then repeat extraction, load
and presets on each scale corpus; finally the worker curve (1…N processes)
and the Ray run on one scale. Every number is measured in this process, one
after another, so they share the machine's state.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zonekg.bench.alternatives import AlternativeName
from zonekg.bench.compare import add_ratios, time_alternative
from zonekg.bench.extraction import time_end_to_end, time_stages
from zonekg.bench.machine import machine_info
from zonekg.bench.scale import build_scale_corpus
from zonekg.bench.sources import corpus_files, read_text
from zonekg.bench.timing import peak_rss_mb, rate
from zonekg.extractors.extract import Extraction, run_extraction
from zonekg.schema.errors import ConfigError, DatabaseError
from zonekg.schema.jsonl import dumps

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BenchOptions:
    """What to measure: the corpus, the scales, the worker curve, the alternatives and the database parts."""

    corpus: Path
    scales: tuple[int, ...] = (1, 10, 100)
    workers: int = 2
    alternatives: tuple[AlternativeName, ...] = tuple(AlternativeName)
    neo4j: bool = True
    wipe: bool = False
    distributed: bool = True
    curve_scale: int | None = None  # the scale the worker curve runs on; default 10 if measured, else the smallest
    seed: int = 0
    scale_dir: Path | None = None
    preset_samples: int = 20
    preset_repeats: int = 3
    notes: tuple[str, ...] = field(default_factory=tuple)
    settings: Any = None  # a zonekg.graph.connection.Neo4jSettings; default: resolve_settings()

    def check(self) -> None:
        """Raise ConfigError on values that cannot be measured."""
        if self.workers < 1:
            raise ConfigError(f"--workers {self.workers}: must be at least 1")
        if not self.scales or any(s < 1 for s in self.scales):
            raise ConfigError(f"--scale {','.join(map(str, self.scales))}: give whole numbers ≥ 1, e.g. 1,10,100")
        if self.curve_scale is not None and self.curve_scale not in self.scales:
            raise ConfigError(f"curve scale {self.curve_scale} is not among the scales {list(self.scales)}")


def run_benchmark(options: BenchOptions, progress: Progress | None = None) -> dict[str, Any]:
    """Measure everything ``options`` asks for and return the results (see BENCHMARKS.md for the keys)."""
    options.check()
    say = progress or (lambda _message: None)
    files = corpus_files(options.corpus)
    if not files:
        raise ConfigError(f"{options.corpus}: no documents ingest can read; pass a folder of .txt/.html/.docx files")
    chars = sum(len(read_text(f)) for f in files)
    graph = _Graph.connect(options, say) if options.neo4j else None
    result: dict[str, Any] = {"machine": machine_info(graph.server if graph else None),
                              "options": _options_json(options), "notes": list(options.notes)}
    if graph and graph.problem:
        result["notes"].append(graph.problem)
        graph = None
    if graph:
        result["machine"]["neo4j_schema_seconds"] = graph.schema_seconds

    say("warming up the pipeline")
    run_extraction([str(f) for f in files[:2]])

    say(f"extraction: {len(files)} files, {chars:,} chars, end to end")
    timing, extraction = time_end_to_end(files, chars)
    result["corpus"] = {"path": str(options.corpus), "files": len(files), "docs": timing.docs, "chars": chars}
    result["extract"] = timing.to_json()
    say("extraction: per stage")
    staged = time_stages(files, chars).to_json()
    result["extract"]["stages"] = staged["stages"]
    result["extract"]["components"] = staged["components"]
    result["extract"]["staged_seconds"] = staged["seconds"]

    result["alternatives"] = {}
    for name in options.alternatives:
        say(f"alternative: {name.value}")
        result["alternatives"][name.value] = time_alternative(name, files, chars)
    add_ratios(result["alternatives"], result["extract"])

    if graph:
        say("load and presets on the corpus")
        result["load"], result["presets"] = graph.measure(extraction, options)
    del extraction

    result["scales"] = _measure_scales(options, files, graph, say, result)
    result["growth"] = growth(result["scales"])
    result["peak_rss_mb"] = peak_rss_mb()
    if graph:
        graph.close()
    return result


def _measure_scales(options: BenchOptions, files: Sequence[Path], graph: _Graph | None, say: Progress,
                    result: dict[str, Any]) -> dict[str, Any]:
    say(f"scale corpus: {max(options.scales)} copies")
    started = time.perf_counter()
    scaled = build_scale_corpus(files, max(options.scales), options.scale_dir, options.seed)
    result["scale_corpus"] = {"directory": str(scaled.directory), "seed": options.seed,
                              "build_seconds": round(time.perf_counter() - started, 3)}
    curve_scale = options.curve_scale or (10 if 10 in options.scales else min(options.scales))
    out: dict[str, Any] = {}
    for scale in sorted(set(options.scales)):
        scale_files, scale_chars = scaled.files(scale), scaled.chars(scale)
        say(f"scale {scale}×: extraction of {len(scale_files)} files, {scale_chars:,} chars")
        timing, extraction = time_end_to_end(scale_files, scale_chars)
        entry: dict[str, Any] = {"corpus": {"files": len(scale_files), "docs": timing.docs, "chars": scale_chars},
                                 "extract": timing.to_json()}
        if graph:
            say(f"scale {scale}×: load and presets")
            entry["load"], entry["presets"] = graph.measure(extraction, options)
        if scale == curve_scale:
            entry["workers"] = _worker_curve(options, scale_files, scale_chars, extraction, say)
        del extraction
        entry["peak_rss_mb"] = peak_rss_mb()
        out[str(scale)] = entry
    return out


def _worker_curve(options: BenchOptions, files: Sequence[Path], chars: int, reference: Extraction,
                  say: Progress) -> dict[str, Any]:
    """Time extraction with 1…N processes and with Ray on ``files``; check each gives the reference output."""
    expected = [dumps(r) for r in reference.records()]
    curve: dict[str, Any] = {}
    for workers in range(1, options.workers + 1):
        say(f"worker curve: {workers} process(es)")
        timing, extraction = time_end_to_end(files, chars, workers=workers)
        got = [dumps(r) for r in extraction.records()]
        curve[str(workers)] = {"chars_per_s": timing.to_json()["chars_per_s"], "seconds": round(timing.seconds, 3),
                               "identical": got == expected, "differing_records": _differing(got, expected)}
    base = curve["1"]["chars_per_s"]
    for entry in curve.values():
        entry["speedup"] = round(entry["chars_per_s"] / base, 2) if base else None
    out: dict[str, Any] = {"processes": curve}
    if options.distributed:
        out["ray"] = _time_ray(options.workers, files, chars, expected, say)
    return out


def _time_ray(workers: int, files: Sequence[Path], chars: int, expected: list[str], say: Progress) -> dict[str, Any]:
    try:
        from zonekg.bench.distributed import run_extraction_ray, start_ray, stop_ray

        say(f"Ray (local instance, {workers} CPUs)")
        started = time.perf_counter()
        start_ray(workers)
        startup = time.perf_counter() - started
        started = time.perf_counter()
        extraction = run_extraction_ray([str(f) for f in files], workers)
        seconds = time.perf_counter() - started
        stop_ray()
    except ConfigError as exc:
        return {"skipped": str(exc)}
    got = [dumps(r) for r in extraction.records()]
    return {"workers": workers, "startup_seconds": round(startup, 3), "seconds": round(seconds, 3),
            "chars_per_s": round(rate(chars, seconds), 1), "identical": got == expected,
            "differing_records": _differing(got, expected)}


def _differing(got: list[str], expected: list[str]) -> int:
    """Return how many records are in one output and not the other."""
    return len(set(got) ^ set(expected))


def growth(scales: dict[str, Any]) -> dict[str, Any]:
    """Return how each cost grows with size: the exponent b of cost ∝ size^b between the smallest and largest scale.

    b ≈ 1 is linear, b ≈ 0 flat; presets use their p95.
    """
    keys = sorted(scales, key=int)
    if len(keys) < 2:
        return {}
    low, high = scales[keys[0]], scales[keys[-1]]
    size = high["corpus"]["chars"] / low["corpus"]["chars"]
    out: dict[str, Any] = {"from_scale": int(keys[0]), "to_scale": int(keys[-1]),
                           "extract_seconds": _exponent(low["extract"]["seconds"], high["extract"]["seconds"], size)}
    if "load" in low and "load" in high:
        out["load_seconds"] = _exponent(low["load"]["seconds"], high["load"]["seconds"], size)
        out["presets_p95"] = {name: _exponent(low["presets"][name]["p95_ms"], high["presets"][name].get("p95_ms"), size)
                              for name in sorted(low["presets"]) if name in high["presets"]}
    return out


def _exponent(low: float | None, high: float | None, size: float) -> float | None:
    if not low or not high or size <= 1:
        return None
    return round(math.log(high / low) / math.log(size), 2)


def _options_json(options: BenchOptions) -> dict[str, Any]:
    return {"scales": list(options.scales), "workers": options.workers,
            "alternatives": [a.value for a in options.alternatives], "neo4j": options.neo4j,
            "distributed": options.distributed, "seed": options.seed,
            "preset_samples": options.preset_samples, "preset_repeats": options.preset_repeats}


class _Graph:
    """The benchmark's Neo4j: a driver, the server's version, and load + preset timing on an emptied database."""

    def __init__(self, driver: Any = None, database: str | None = None, server: str | None = None,
                 problem: str | None = None) -> None:
        self.driver, self.database, self.server, self.problem = driver, database, server, problem
        self.schema_seconds: float | None = None

    @classmethod
    def connect(cls, options: BenchOptions, say: Progress) -> _Graph:
        from zonekg.bench.loading import count_nodes
        from zonekg.graph.connection import open_driver, resolve_settings
        from zonekg.graph.constraints import apply_schema

        settings = options.settings or resolve_settings()
        say(f"Neo4j at {settings.uri}")
        try:
            driver = open_driver(settings)
        except DatabaseError as exc:
            return cls(problem=f"Neo4j parts skipped: {exc}")
        info = driver.get_server_info()
        nodes = count_nodes(driver, settings.database)
        if nodes and not options.wipe:
            driver.close()
            raise ConfigError(f"{settings.uri} database {settings.database!r} holds {nodes:,} nodes; the benchmark "
                              "empties it before each load: pass --wipe, or set NEO4J_URI to a scratch server")
        graph = cls(driver, settings.database, f"{info.agent} (protocol {'.'.join(map(str, info.protocol_version))})")
        # constraints and indexes are created once here, so no load's time includes building them
        started = time.perf_counter()
        apply_schema(driver, settings.database)
        graph.schema_seconds = round(time.perf_counter() - started, 3)
        return graph

    def measure(self, extraction: Extraction, options: BenchOptions) -> tuple[dict[str, Any], dict[str, Any]]:
        """Empty the database, load ``extraction`` twice, time every preset; return (load, presets)."""
        from zonekg.bench.loading import empty_database, time_load
        from zonekg.bench.presets import time_presets

        empty_database(self.driver, self.database)
        load = time_load(self.driver, list(extraction.records()), self.database)
        presets = time_presets(self.driver, options.preset_samples, options.preset_repeats, self.database)
        return load, presets

    def close(self) -> None:
        self.driver.close()
