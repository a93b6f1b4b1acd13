"""Read documents (txt/md, HTML, DOCX, PDF) and turn them into normalised articles.

The entry point is ``load_documents(paths)``: it yields one
``NormalizedDocument`` per article, or an ``InputError`` for each input that
cannot be read, so that a run reports it and goes on. ``load_text(text)`` does
the same for a string.

- Text files are decoded by BOM, then UTF-8, then charset-normalizer's guess
  among GB18030/GBK, Big5 and UTF-16 (UTF-16 without BOM too); a legacy file
  cut inside a character is read with U+FFFD for the broken bytes. A web page
  saved as ``.txt`` is read as HTML.
- HTML keeps trafilatura's main content; its title and date are used when the
  text gives none. Offsets then point into that extracted text, not the HTML.
- DOCX gives paragraphs and table rows in document order; PDF its text layer.
  A PDF or Word file saved under another extension is read as what its bytes
  show; a legacy binary .doc is reported.
- Markup is judged by content, not only by extension: a ``.txt`` holding
  MediaWiki markup runs the wiki step, one with a strong Markdown signature the
  Markdown step (``normalize.markup.detect_markup``).
- A regulation (title ending 条例/办法/规定…, or 第X条 articles) without a publish
  line takes its adoption or promulgation date, else its effective date, as
  ``published``; a law database's 发布部门 becomes the ``issuer`` metadata.
- Directories are walked recursively in sorted order; other extensions
  (``SOURCES.tsv``), empty, binary and over-large files (``MAX_BYTES``) are
  reported as ``InputError`` and skipped.
- A file with two or more headings 第一篇, 第二篇 … numbered from
  one gives one document per article: ids ``doc:<stem>``, ``doc:<stem>#1`` …,
  ``sha256`` of the part's text; a single article's ``sha256`` is the file's.
"""

from zonekg.extractors.ingest.documents import NormalizedDocument, documents_from_source, load_documents, load_text
from zonekg.extractors.ingest.formats import EXTENSIONS, Format
from zonekg.extractors.ingest.source import SourceText
from zonekg.extractors.ingest.walk import MAX_BYTES, iter_files, iter_sources, read_source

__all__ = ["EXTENSIONS", "MAX_BYTES", "Format", "NormalizedDocument", "SourceText", "documents_from_source",
           "iter_files", "iter_sources", "load_documents", "load_text", "read_source"]
