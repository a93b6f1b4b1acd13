"""Find the benchmark's input documents and read their raw text."""

from __future__ import annotations

import os
from pathlib import Path

from zonekg.schema.errors import ConfigError, InputError

# The document formats ingest reads; anything else in a corpus folder (SOURCES.tsv, notes) is skipped.
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm")


def shared_dir() -> Path:
    """Return $ZONEKG_SHARED, else the ``shared`` folder beside the repository."""
    env = os.environ.get("ZONEKG_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared"


def default_corpus() -> Path:
    """Return the shared corpus folder (seeds and dev), raising ConfigError when it is missing."""
    corpus = shared_dir() / "corpus"
    if not corpus.is_dir():
        raise ConfigError(f"{corpus}: corpus folder not found; set ZONEKG_SHARED or pass a CORPUS folder")
    return corpus


def corpus_files(root: str | Path, suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES) -> list[Path]:
    """Return the document files under ``root`` (a file or a folder), sorted by path."""
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise ConfigError(f"{root}: not a file or folder; pass a corpus folder such as ../shared/corpus")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def read_raw_text(path: Path) -> str:
    """Return a file's text: UTF-8 (a character cut off at the very end is dropped), else the detected encoding."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:
            # web captures cut at a byte limit end in half a character; the rest is good UTF-8
            return data[: exc.start].decode("utf-8")
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    best = from_bytes(data).best()
    if best is None:
        raise InputError(str(path), "cannot detect the text encoding; convert the file to UTF-8")
    return str(best)
