"""The text read from one input file, before splitting and normalisation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceText:
    """A file's decoded text with what its format told us about it."""

    path: str  # the input as given
    text: str  # decoded text (for HTML: the extracted main content)
    sha256: str  # of the file's raw bytes
    encoding: str  # how the bytes were decoded, or the container format
    title: str | None = None  # from the format's own metadata (HTML <title>, DOCX core properties)
    published: str | None = None  # ISO date from the format's metadata
    markdown: bool = False  # Markdown markup to strip during normalisation
    wrapped: bool = False  # lines broken by a page layout (PDF) to join during normalisation
