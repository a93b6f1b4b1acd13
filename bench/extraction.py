"""Time zonekg's extraction end to end and per stage (read+normalise, pipeline, relations, resolution)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zonekg.bench.timing import Stopwatch, rate
from zonekg.extractors.extract import Extraction, run_extraction
from zonekg.extractors.ingest import load_documents
from zonekg.extractors.pipeline import build_pipeline
from zonekg.extractors.pipeline.spans import TEXT_KEY
from zonekg.extractors.resolve import merge_documents, resolve_document
from zonekg.schema.errors import InputError

STAGES = ("read_normalise", "pipeline", "relations", "resolution")
_RELATIONS_PACKAGE = "zonekg.extractors.relations"


@dataclass
class ExtractionTiming:
    """One timed extraction: seconds, what it produced, and (for a staged run) seconds per stage and component."""

    seconds: float
    docs: int
    chars: int
    entities: int
    relations: int
    errors: int
    stages: dict[str, float] = field(default_factory=dict)
    components: dict[str, float] = field(default_factory=dict)
    cpu_seconds: float | None = None  # this process's CPU time; None when worker processes did the work

    def to_json(self) -> dict[str, Any]:
        """Return throughput (over the input's decoded characters) and counts as a JSON-ready dict."""
        out: dict[str, Any] = {
            "seconds": round(self.seconds, 3), "docs": self.docs, "chars": self.chars,
            "chars_per_s": round(rate(self.chars, self.seconds), 1),
            "docs_per_s": round(rate(self.docs, self.seconds), 2),
            "entities": self.entities, "relations": self.relations, "errors": self.errors,
        }
        if self.cpu_seconds:
            # on a shared machine CPU time is steadier than wall time: chars per second of one busy core
            out["cpu_seconds"] = round(self.cpu_seconds, 3)
            out["chars_per_cpu_s"] = round(rate(self.chars, self.cpu_seconds), 1)
        if self.stages:
            out["stages"] = {name: {"seconds": round(s, 3), "chars_per_s": round(rate(self.chars, s), 1),
                                    "share": round(s / self.seconds, 3) if self.seconds else 0.0}
                             for name, s in self.stages.items()}
            out["components"] = {name: round(s, 3) for name, s in self.components.items()}
        return out


def time_end_to_end(files: Sequence[Path], chars: int, workers: int = 1) -> tuple[ExtractionTiming, Extraction]:
    """Run ``run_extraction(files, workers)`` once and return its timing and result."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = run_extraction([str(f) for f in files], workers=workers)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    timing = _timing(seconds, result, chars)
    timing.cpu_seconds = cpu if workers == 1 else None
    return timing, result


def time_stages(files: Sequence[Path], chars: int) -> ExtractionTiming:
    """Run the same steps as ``run_extraction`` (one process) with a clock around each stage and component.

    The steps mirror ``zonekg.extractors.extract.extract_text``; a document on
    which a component fails ends this timing run (the end-to-end run reports it).
    """
    nlp = build_pipeline()
    watch = Stopwatch()
    parts = Stopwatch()
    started = time.perf_counter()
    with watch("read_normalise"):
        loaded = list(load_documents([str(f) for f in files]))
    documents = sorted((d for d in loaded if not isinstance(d, InputError)), key=lambda d: d.id)
    facts = []
    for item in documents:
        doc = None
        with watch("pipeline"), parts("tokenizer"):
            doc = nlp.make_doc(item.text)
            doc.user_data[TEXT_KEY] = item.text  # as extract_text does: components read the text from here
            doc._.doc_id = item.id
        for name, component in nlp.pipeline:
            stage = "relations" if _is_relation_component(component) else "pipeline"
            with watch(stage), parts(name):
                doc = component(doc)
        with watch("resolution"), parts("resolve_document"):
            facts.append(resolve_document(doc))
    with watch("resolution"), parts("merge_documents"):
        entities, relations = merge_documents(facts)
    seconds = time.perf_counter() - started
    return ExtractionTiming(seconds, len(documents), chars, len(entities), len(relations),
                            len(loaded) - len(documents), {s: watch.seconds.get(s, 0.0) for s in STAGES},
                            dict(parts.seconds))


def _is_relation_component(component: object) -> bool:
    # a component counts as a relation stage when its code lives in the relations package
    module = getattr(component, "__module__", None) or type(component).__module__
    return module.startswith(_RELATIONS_PACKAGE)


def _timing(seconds: float, result: Extraction, chars: int) -> ExtractionTiming:
    return ExtractionTiming(seconds, len(result.documents), chars, len(result.entities), len(result.relations),
                            len(result.errors))
