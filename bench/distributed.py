"""Run extraction on a Ray cluster (or a local Ray instance): one task per batch of documents.

Extraction of a document is a pure function of its normalised text
(``zonekg.extractors.extract.extract_text``), so documents are sent to Ray
tasks in batches; each task returns its documents' plain per-document facts
(the same ``DocFacts`` the process pool of ``run_extraction`` returns), and
the driver merges them globally in document-id order with the same
``merge_documents``. The result is therefore identical to
``run_extraction(paths, workers=1)``. Loading stays on the driver, batched
into one Neo4j (a cluster behind a ``neo4j://`` URI works the same).

Install with ``pip install 'zonekg[distributed]'``. ``address=None`` starts a
local Ray instance with ``workers`` CPUs; ``address="auto"`` or
``"ray://head:10001"`` joins an existing cluster.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

# the per-document job, the reading and the gathering of run_extraction: sharing them
# keeps both runners' output and error handling identical
from zonekg.extractors.extract import Extraction, extract_job, gather, read_documents
from zonekg.extractors.resolve import DocFacts
from zonekg.schema.errors import ConfigError

DEFAULT_BATCH_CHARS = 200_000  # big enough to amortise a task's overhead, small enough to spread work


def _extract_batch(jobs: Sequence[tuple[str, str]]) -> list[DocFacts | str]:
    """Return the facts of each ``(doc_id, normalised text)`` in order, or the problem as text (in a Ray worker).

    Uses the same per-document job as ``run_extraction``, so a document on which
    a rule fails is reported the same way and the others go on.
    """
    return [extract_job((doc_id, text, None)) for doc_id, text in jobs]


def batches(jobs: Sequence[tuple[str, str]], batch_chars: int) -> list[list[tuple[str, str]]]:
    """Return ``jobs`` cut, in order, into batches of about ``batch_chars`` characters (at least one job each)."""
    out: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    size = 0
    for job in jobs:
        if current and size + len(job[1]) > batch_chars:
            out.append(current)
            current, size = [], 0
        current.append(job)
        size += len(job[1])
    if current:
        out.append(current)
    return out


def _ray():
    try:
        import ray
    except ImportError:
        raise ConfigError("ray is not installed; run `pip install 'zonekg[distributed]'` for distributed "
                          "extraction") from None
    return ray


def start_ray(workers: int = 2, address: str | None = None) -> None:
    """Connect to Ray: a new local instance with ``workers`` CPUs, or the cluster at ``address``."""
    if workers < 1:
        raise ConfigError(f"workers={workers}: must be at least 1")
    ray = _ray()
    if ray.is_initialized():
        return
    options = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
                   configure_logging=False)
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(num_cpus=workers, **options)


def stop_ray() -> None:
    """Disconnect from Ray (and stop the local instance this process started)."""
    ray = _ray()
    if ray.is_initialized():
        ray.shutdown()


def run_extraction_ray(paths: Iterable[str | Path], workers: int = 2, address: str | None = None,
                       batch_chars: int = DEFAULT_BATCH_CHARS) -> Extraction:
    """Return the same ``Extraction`` as ``run_extraction(paths)``, with documents extracted by Ray tasks.

    Connects with :func:`start_ray` when not yet connected (and then disconnects
    at the end); unreadable inputs are collected in ``Extraction.errors``.
    """
    ray = _ray()
    started_here = not ray.is_initialized()
    start_ray(workers, address)
    try:
        documents, errors = read_documents(paths)
        jobs = [(d.id, d.document.text or "") for d in documents]
        task = ray.remote(num_cpus=1)(_extract_batch)
        pending = [task.remote(batch) for batch in batches(jobs, batch_chars)]
        outcomes = [outcome for batch in ray.get(pending) for outcome in batch]  # ray.get keeps submission order
        return gather(documents, outcomes, errors)
    finally:
        if started_here:
            stop_ray()
