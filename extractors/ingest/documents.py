"""``load_documents``: files in, one normalised document per article out, with offsets to the source."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from zonekg.extractors.ingest.metadata import (
    find_author,
    find_enacted,
    find_issuer,
    find_origin,
    find_published,
    find_title,
    is_regulation,
)
from zonekg.extractors.ingest.source import SourceText
from zonekg.extractors.ingest.split import split_articles
from zonekg.extractors.ingest.walk import MAX_BYTES, iter_sources
from zonekg.extractors.normalize import (
    DEFAULT_STEPS,
    MARKDOWN_STEPS,
    PDF_STEPS,
    WIKI_STEPS,
    NormalizedText,
    Step,
    normalize_text,
)
from zonekg.extractors.normalize.markup import Markup, detect_markup
from zonekg.extractors.normalize.wiki import wiki_title
from zonekg.extractors.normalize.script import to_simplified
from zonekg.schema.errors import InputError
from zonekg.schema.ids import document_id
from zonekg.schema.records import Document


@dataclass
class NormalizedDocument:
    """One article: its ``Document`` record (``text`` = normalised text), its raw text and the map between them."""

    document: Document
    raw: str  # the article's slice of the file's decoded text
    raw_start: int  # where that slice starts in the file's decoded text
    normalized: NormalizedText
    metadata: dict[str, str] = field(default_factory=dict)  # encoding; origin, author, issuer, markup when found

    @property
    def id(self) -> str:
        """Return the document id (``doc:<stem>`` or ``doc:<stem>#<part>``)."""
        return self.document.id

    @property
    def text(self) -> str:
        """Return the normalised text, the one that mention offsets index."""
        return self.normalized.text

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of ``raw`` that normalised ``[start, end)`` came from."""
        return self.normalized.to_raw(start, end)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the whole file's decoded text that normalised ``[start, end)`` came from."""
        raw_start, raw_end = self.to_raw(start, end)
        return raw_start + self.raw_start, raw_end + self.raw_start


def steps_for(source: SourceText) -> tuple[Step, ...]:
    """Return the normalisation steps for a read file: by its format, else by the markup its text shows."""
    if source.wrapped:
        return PDF_STEPS
    if source.markdown:
        return MARKDOWN_STEPS
    # Encyclopedia articles and notes are often saved as .txt: judge by content.
    markup = detect_markup(source.text)
    return WIKI_STEPS if markup is Markup.WIKI else MARKDOWN_STEPS if markup is Markup.MARKDOWN else DEFAULT_STEPS


def documents_from_source(source: SourceText) -> list[NormalizedDocument]:
    """Return one normalised document per article of a read file."""
    parts = split_articles(source.text)
    steps = steps_for(source)
    out: list[NormalizedDocument] = []
    for number, part in enumerate(parts):
        raw = source.text[part.start:part.end]
        normalized = normalize_text(raw, steps)
        text = normalized.text
        if len(parts) == 1:
            digest = source.sha256
            # A wiki article opens with a sentence whose bolded subject names it.
            title = (wiki_title(raw) if steps == WIKI_STEPS else None) or find_title(text) or source.title
        else:
            digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
            # The 第X篇 heading names the article, even when a short collection
            # title above the first heading was joined to the first part.
            heading = normalize_text(part.heading).text if part.heading else ""
            title = find_title(heading) or find_title(text)
        published = find_published(raw) or find_published(text)
        if not published and is_regulation(text, title):
            # A regulation without a publish line: its adoption or promulgation
            # date ((2018年11月29日…会议通过), 公布), else the date it takes effect.
            published = find_enacted(text)
        if not published and len(parts) == 1:
            published = source.published
        metadata = {"encoding": source.encoding}
        if steps == WIKI_STEPS or (steps == MARKDOWN_STEPS and not source.markdown):
            metadata["markup"] = "wiki" if steps == WIKI_STEPS else "markdown"  # found by content
        # Bylines are looked for in the normalised text first (Simplified, folded),
        # then in the raw text, where chrome removal may have dropped them.
        byline_raw = to_simplified(raw[:3000])
        for key, value in (("origin", find_origin(text) or find_origin(byline_raw)),
                           ("author", find_author(text) or find_author(byline_raw)),
                           ("issuer", find_issuer(text) or find_issuer(byline_raw))):
            if value:
                metadata[key] = value
        record = Document(id=document_id(source.path, number), source=source.path, part=number, title=title,
                          published=published, sha256=digest, chars=len(text), text=text)
        out.append(NormalizedDocument(record, raw, part.start, normalized, metadata))
    return out


def load_text(text: str, source: str = "text.txt") -> list[NormalizedDocument]:
    """Return the normalised articles of a text given as a string (``source`` names it in ids)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    markdown = source.lower().endswith((".md", ".markdown"))
    return [doc for doc in documents_from_source(SourceText(source, text, digest, "str", markdown=markdown))
            if doc.text.strip()]


def load_documents(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[NormalizedDocument | InputError]:
    """Yield a ``NormalizedDocument`` per article of every input, and an ``InputError`` per unreadable file.

    Directories are walked recursively in sorted order. Errors are yielded, not
    raised, so a caller reports each as one line and goes on with the rest.
    """
    for item in iter_sources(paths, max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            documents = documents_from_source(item)
        except Exception as exc:  # a text no rule foresaw must not end the run
            yield InputError(item.path, f"could not be normalised ({type(exc).__name__}: {_one_line(exc)}); "
                                        "check the file's text or report it with the file attached")
            continue
        if not any(doc.text.strip() for doc in documents):
            yield InputError(item.path, "holds no article text once page chrome is removed; nothing to extract")
            continue
        yield from (doc for doc in documents if doc.text.strip())


def _one_line(exc: Exception, limit: int = 120) -> str:
    """Return an exception's message on one line, cut to ``limit`` characters."""
    return " ".join(str(exc).split())[:limit]
