"""Run extraction over files: ``run_extraction(paths) -> Extraction`` (documents, entities, relations, errors).

Each document is processed by a pure function (``extract_job``) whose
input and output are plain picklable data, so a process pool can run it;
results are merged in document-id order, so the output is byte-identical for
any number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from zonekg.extractors.ingest import NormalizedDocument, load_documents
from zonekg.extractors.keys import clean
from zonekg.extractors.normalize.script import to_simplified
from zonekg.extractors.pipeline import build_pipeline
from zonekg.extractors.pipeline.spans import TEXT_KEY
from zonekg.extractors.resolve import DocFacts, MentionFact, merge_documents, resolve_document
from zonekg.schema.errors import ConfigError, InputError, ZonekgError
from zonekg.schema.records import Document, Entity, Record, Relation

Progress = Callable[[int, int], None]  # (documents done, documents total)


@dataclass
class Extraction:
    """The result of a run: its documents, entities, relations and the inputs that could not be read."""

    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def records(self) -> Iterator[Record]:
        """Yield documents, then entities, then relations, each sorted by id (FORMAT.md order)."""
        yield from sorted(self.documents, key=lambda d: d.id)
        yield from sorted(self.entities, key=lambda e: e.id)
        yield from sorted(self.relations, key=lambda r: r.id)


@lru_cache(maxsize=4)
def _pipeline(config_path: str | None) -> Language:
    """Return the pipeline for ``config_path``, built once per process."""
    return build_pipeline(config_path)


def extract_text(text: str, doc_id: str = "doc:text", config_path: str | None = None) -> DocFacts:
    """Return the resolved facts of one normalised text (a pure function of its arguments)."""
    nlp = _pipeline(config_path)
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # components read the text from here instead of re-joining tokens
    doc._.doc_id = doc_id
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return resolve_document(doc)


def extract_job(job: tuple[str, str, str | None]) -> DocFacts | str:
    """Return the facts of one ``(doc_id, text, config_path)`` job, or the problem as text when a rule failed on it.

    A failing document must not end the run (nor a worker process): the error
    is reported for that document and the others go on. Every runner (the
    process pool here, Ray in ``zonekg.bench.distributed``) runs this job.
    """
    doc_id, text, config_path = job
    try:
        return extract_text(text, doc_id, config_path)
    except ZonekgError:
        raise
    except Exception as exc:  # noqa: BLE001 - any rule bug on one document is reported, not fatal
        return f"{type(exc).__name__}: {exc}"


def read_documents(paths: Iterable[str | Path]) -> tuple[list[NormalizedDocument], list[InputError]]:
    """Return the normalised documents of ``paths`` in id order, and the inputs that could not be read."""
    documents: list[NormalizedDocument] = []
    errors: list[InputError] = []
    for item in load_documents(paths):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            documents.append(item)
    documents.sort(key=lambda d: d.id)
    return documents, errors


def gather(documents: Sequence[NormalizedDocument], outcomes: Iterable[DocFacts | str],
           errors: list[InputError], progress: Progress | None = None) -> Extraction:
    """Return the run's Extraction from each document's job outcome (in ``documents`` order), merged across documents.

    A failed document becomes an InputError and the others go on.
    """
    facts: list[DocFacts] = []
    total = len(documents)
    for number, (document, outcome) in enumerate(zip(documents, outcomes, strict=True), 1):
        if isinstance(outcome, str):
            errors.append(InputError(document.document.source, f"{document.id}: extraction failed ({outcome}); "
                                                               "the document is skipped, please report it"))
        else:
            facts.append(with_raw_forms(outcome, document))
        if progress:
            progress(number, total)
    entities, relations = merge_documents(facts)
    return Extraction([d.document for d in documents], entities, relations, errors)


def run_extraction(paths: Iterable[str | Path], workers: int = 1, progress: Progress | None = None,
                   config_path: str | Path | None = None) -> Extraction:
    """Return the entities and relations found in the files ``paths`` (files or folders).

    Unreadable inputs are collected in ``Extraction.errors``; the run goes on.
    ``workers`` > 1 runs documents in a process pool; the result does not depend on it.
    """
    if workers < 1:
        raise ConfigError(f"workers={workers}: must be at least 1")
    config = str(config_path) if config_path is not None else None
    _pipeline(config)  # validate the config before any text runs
    documents, errors = read_documents(paths)
    jobs = [(d.id, d.document.text or "", config) for d in documents]
    if workers == 1 or len(jobs) < 2:
        return gather(documents, map(extract_job, jobs), errors, progress)
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        return gather(documents, pool.map(extract_job, jobs, chunksize=1), errors, progress)


def _is_cjk(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def with_raw_forms(facts: DocFacts, document: NormalizedDocument) -> DocFacts:
    """Return ``facts`` with each mention's source form as an alias where normalisation repaired its characters.

    A round-trip-damaged page (黄金开展 repaired to 黄金发展) is still how the
    source names the thing; only same-length, all-CJK differences that are not
    a mere Traditional → Simplified change count, so width and markup fixes add nothing.
    """
    mentions = []
    for fact in facts.mentions:
        start, end = document.to_raw(fact.start, fact.end)
        raw = document.raw[start:end]
        if raw != fact.surface and len(raw) == len(fact.surface) and _is_cjk(raw) \
                and to_simplified(raw) != fact.surface:
            fact = MentionFact(fact.type, fact.key, fact.name, fact.start, fact.end, fact.surface,
                               tuple(sorted({*fact.aliases, clean(raw)})), fact.properties)
        mentions.append(fact)
    return DocFacts(facts.doc_id, facts.region, mentions, facts.relations)
