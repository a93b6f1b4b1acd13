"""Turn input paths into ``SourceText`` objects, or ``InputError`` objects for what cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from zonekg.extractors.ingest.formats import EXTENSIONS, READERS, sniff_format
from zonekg.extractors.ingest.source import SourceText
from zonekg.schema.errors import InputError

# Files above this size are reported and skipped: the corpus's articles are a few
# kilobytes to a few hundred kilobytes; a multi-megabyte "document" is a dump.
MAX_BYTES = 20 * 1024 * 1024


def iter_files(paths: Iterable[str | Path]) -> Iterator[str | InputError]:
    """Yield each file path (directories walked recursively in sorted order) or an InputError."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
            for exc in unreadable:  # a folder that cannot be listed is reported, the rest was read
                yield InputError(str(exc.filename or given), f"folder cannot be listed ({exc.strerror or exc}); "
                                                             "check its permissions")
        elif path.is_file():
            yield str(given)
        else:
            yield InputError(str(given), "does not exist or is not a regular file; check the path")


def read_source(path: str, max_bytes: int = MAX_BYTES) -> SourceText:
    """Return the text of one file; raise InputError when it cannot be read as a document."""
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None:
        supported = " ".join(sorted(EXTENSIONS))
        raise InputError(path, f"'{suffix or 'no extension'}' is not a document format; skipped (reads: {supported})")
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(path, f"is {size / 1048576:.1f} MB, above the {max_bytes / 1048576:.0f} MB limit for "
                                   "one document; split it or raise the limit")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc}); check permissions") from exc
    # Content beats the extension for binary containers: a PDF or a Word file
    # saved as .txt is read as what it is.
    sniffed = sniff_format(path, data)
    return READERS[sniffed if sniffed is not None else fmt](path, data)


def iter_sources(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[SourceText | InputError]:
    """Yield the ``SourceText`` of every readable file, and an ``InputError`` for every other one."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_source(item, max_bytes)
        except InputError as exc:
            yield exc
        except Exception as exc:  # a third-party parser choking on a malformed file
            # One bad file must not end the run: report it like any unreadable input.
            yield InputError(item, f"could not be parsed ({type(exc).__name__}: {' '.join(str(exc).split())[:120]}); "
                                   "check the file or convert it to UTF-8 text")
