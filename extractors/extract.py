"""Run extraction over files: ``run_extraction(paths) -> Extraction`` (documents, entities, relations, errors).

Each document is processed by a pure function (``extract_document``) whose
input and output are plain picklable data, so a process pool can run it;
results are merged in document-id order, so the output is byte-identical for
any number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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


def _extract_job(job: tuple[str, str, str | None]) -> DocFacts | str:
    """Return the facts of one document, or the problem as text when a rule failed on it.

    A failing document must not end the run (nor a worker process): the error
    is reported for that document and the others go on.
    """
    doc_id, text, config_path = job
    try:
        return extract_text(text, doc_id, config_path)
    except ZonekgError:
        raise
    except Exception as exc:  # noqa: BLE001 - any rule bug on one document is reported, not fatal
        return f"{type(exc).__name__}: {exc}"


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
    result = Extraction()
    normalized: dict[str, NormalizedDocument] = {}
    for item in load_documents(paths):
        if isinstance(item, InputError):
            result.errors.append(item)
        else:
            result.documents.append(item.document)
            normalized[item.id] = item
    result.documents.sort(key=lambda d: d.id)
    jobs = [(d.id, d.text or "", config) for d in result.documents]
    facts: list[DocFacts] = []
    total = len(jobs)
    sources = {d.id: d.source for d in result.documents}
    if workers == 1 or total < 2:
        outcomes = map(_extract_job, jobs)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=min(workers, total))
        outcomes = pool.map(_extract_job, jobs, chunksize=1)
    try:
        for number, (job, outcome) in enumerate(zip(jobs, outcomes), 1):
            if isinstance(outcome, str):
                result.errors.append(InputError(sources[job[0]], f"{job[0]}: extraction failed ({outcome}); "
                                                                 "the document is skipped, please report it"))
            else:
                facts.append(with_raw_forms(outcome, normalized[job[0]]))
            if progress:
                progress(number, total)
    finally:
        if pool is not None:
            pool.shutdown()
    result.entities, result.relations = merge_documents(facts)
    return result


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
