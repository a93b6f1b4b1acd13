"""Readers for each supported file format: bytes in, ``SourceText`` out."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from enum import Enum

from zonekg.extractors.ingest.decode import decode_text
from zonekg.extractors.ingest.source import SourceText
from zonekg.extractors.normalize.matching import has_matches
from zonekg.schema.errors import InputError


class Format(str, Enum):
    """The document formats ``load_documents`` reads."""

    TEXT = "text"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TEXT, ".text": Format.TEXT, ".md": Format.TEXT, ".markdown": Format.TEXT,
    ".html": Format.HTML, ".htm": Format.HTML, ".xhtml": Format.HTML, ".shtml": Format.HTML,
    ".docx": Format.DOCX, ".pdf": Format.PDF,
}


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


def read_text(path: str, data: bytes) -> SourceText:
    """Return a plain-text or Markdown file's decoded text (a saved web page is read as HTML)."""
    text, encoding = decode_text(data, path)
    if _HTML_START.match(text[:2000]) or _is_html_fragment(text):
        return _from_html(path, data, text, encoding)
    markdown = path.lower().endswith((".md", ".markdown"))
    return SourceText(path, text, _digest(data), encoding, markdown=markdown)


# Page source copied without its <html> head: block tags throughout the text.
_BLOCK_TAG = re.compile(r"<(?:p|div|span|td|tr|li|h[1-6]|a\s+href|img|table|section|article)\b[^>\n]{0,300}>",
                        re.IGNORECASE)
_CLOSING_TAG = re.compile(r"</(?:p|div|td|li|h[1-6]|section|article)>", re.IGNORECASE)
HTML_FRAGMENT_TAGS = 6  # opening block tags (with closing ones) that make a text an HTML fragment


def _is_html_fragment(text: str) -> bool:
    """Return True when a text file is HTML source without a document head (tags, not prose, carry it)."""
    sample = text[:100_000]
    if "<" not in sample or _CLOSING_TAG.search(sample) is None:
        return False
    return has_matches(_BLOCK_TAG, sample, HTML_FRAGMENT_TAGS)


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def read_html(path: str, data: bytes) -> SourceText:
    """Return an HTML page's main content (trafilatura), with its title and publish date."""
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        # gb2312/gbk pages routinely hold characters only GB18030 has.
        name = "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name
        try:
            return _from_html(path, data, data.decode(name), name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect as for any text
    html, encoding = decode_text(data, path)
    return _from_html(path, data, html, encoding)


def _from_html(path: str, data: bytes, html: str, encoding: str) -> SourceText:
    import trafilatura  # heavy import, only when an HTML file comes

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                               with_metadata=False, deduplicate=False)
    if not text or not text.strip():
        # No article found: a short page or a list page still has its visible text.
        text = trafilatura.baseline(html)[1]
    if not text or not text.strip():
        raise InputError(path, "HTML page has no readable main content (only scripts, styles or navigation); "
                               "save the article text instead")
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or None) if meta is not None else None
    published = (meta.date or None) if meta is not None else None
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        published = None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"  # the heading belongs to the article text that others read
    return SourceText(path, text, _digest(data), f"html/{encoding}", title, published)


def read_docx(path: str, data: bytes) -> SourceText:
    """Return a Word document's paragraphs and table cells, one per line, with its core title."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(path, f"is not a readable .docx package ({exc}); re-save it from Word as .docx") from exc
    text = "\n".join(_docx_lines(document))
    if not text.strip():
        raise InputError(path, ".docx file holds no text")
    props = document.core_properties
    title = props.title or None
    published = props.created.date().isoformat() if props.created else None
    return SourceText(path, text, _digest(data), "docx", title, published)


def read_pdf(path: str, data: bytes) -> SourceText:
    """Return a PDF's text layer, page by page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(path, f"is not a readable PDF ({exc}); check the file or export it again") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(path, "PDF has no text layer (a scan?); run OCR first and give the text")
    title = None
    if reader.metadata is not None and reader.metadata.title:
        title = str(reader.metadata.title)
    return SourceText(path, text, _digest(data), "pdf", title, wrapped=True)


def _docx_lines(document) -> list[str]:
    """Return the body's paragraphs and table rows in document order (a row's cells joined by tabs)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    return lines


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.wps/.xls container


def sniff_format(path: str, data: bytes) -> Format | None:
    """Return the format the bytes show (PDF, DOCX), or None to go by the extension.

    Raise InputError for a legacy binary Office file, which no reader here understands.
    """
    if data.startswith(b"%PDF-"):
        return Format.PDF
    if data.startswith(b"PK\x03\x04") and b"word/" in data:
        return Format.DOCX
    if data.startswith(_OLE2):
        raise InputError(path, "is a legacy binary Word/WPS document (.doc/.wps), not readable here; "
                               "save it as .docx or .txt")
    return None


READERS: dict[Format, Callable[[str, bytes], SourceText]] = {
    Format.TEXT: read_text, Format.HTML: read_html, Format.DOCX: read_docx, Format.PDF: read_pdf,
}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
