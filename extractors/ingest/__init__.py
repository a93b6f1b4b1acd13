"""Read documents (txt/md, HTML, DOCX, PDF) and turn them into normalised articles.

The entry point is ``load_documents(paths)``: it yields one
``NormalizedDocument`` per article, or an ``InputError`` for each input that
cannot be read, so that a run reports it and goes on. ``load_text(text)`` does
the same for a string.
"""

from zonekg.extractors.ingest.documents import NormalizedDocument, documents_from_source, load_documents, load_text
from zonekg.extractors.ingest.formats import EXTENSIONS, Format
from zonekg.extractors.ingest.source import SourceText
from zonekg.extractors.ingest.walk import MAX_BYTES, iter_files, iter_sources, read_source

__all__ = ["EXTENSIONS", "MAX_BYTES", "Format", "NormalizedDocument", "SourceText", "documents_from_source",
           "iter_files", "iter_sources", "load_documents", "load_text", "read_source"]
