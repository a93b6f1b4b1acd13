"""Find the benchmark's input documents and read their decoded text."""

from __future__ import annotations

import os
from pathlib import Path

from zonekg.extractors.ingest import EXTENSIONS, read_source
from zonekg.schema.errors import ConfigError


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


def corpus_files(root: str | Path) -> list[Path]:
    """Return the document files under ``root`` (a file or a folder) that ingest reads, sorted by path.

    Other files in a corpus folder (SOURCES.tsv, notes) are left out, so every
    stage and every alternative sees exactly the same documents.
    """
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise ConfigError(f"{root}: not a file or folder; pass a corpus folder such as ../shared/corpus")
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and p.suffix.lower() in EXTENSIONS and not p.name.startswith("."))


def read_text(path: Path) -> str:
    """Return a document's decoded text as ingest reads it (any encoding; HTML's main content)."""
    return read_source(str(path)).text
