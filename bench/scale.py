"""Write a scale corpus: numbered rotated copies of real documents, and list the files of a scale.

A scale ``k`` corpus is copies ``0 … k-1`` of every source document (copy 0 is
the document itself), so ``k`` times the sources' size with new place, zone
and company names in every copy (see ``zonekg.bench.rotate``). Copies are
written once into a cache folder outside the repository and reused while the
sources, the seed and the generator are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from zonekg.bench.rotate import Rotator
from zonekg.bench.sources import read_text
from zonekg.schema.errors import ConfigError

GENERATOR_VERSION = 4  # bump when rotation changes, so cached copies are rebuilt
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ScaleCorpus:
    """The copies written so far in ``directory``, with their file lists and sizes."""

    directory: Path
    copies: int
    files_per_copy: tuple[tuple[Path, ...], ...]
    chars_per_copy: tuple[int, ...]

    def files(self, scale: int) -> list[Path]:
        """Return the files of the scale-``scale`` corpus (copies 0 … scale-1), in order."""
        self._check(scale)
        return [path for copy in self.files_per_copy[:scale] for path in copy]

    def chars(self, scale: int) -> int:
        """Return the number of characters of the scale-``scale`` corpus."""
        self._check(scale)
        return sum(self.chars_per_copy[:scale])

    def _check(self, scale: int) -> None:
        if not 1 <= scale <= self.copies:
            raise ConfigError(f"scale {scale}: only copies 1…{self.copies} exist in {self.directory}; "
                              f"build the scale corpus with at least {scale} copies")


def default_scale_dir() -> Path:
    """Return the user's cache folder for scale corpora ($ZONEKG_SCALE_DIR overrides it)."""
    return Path(os.environ.get("ZONEKG_SCALE_DIR") or Path(user_cache_dir("zonekg")) / "scale")


def fingerprint(sources: Sequence[Path], seed: int) -> str:
    """Return a digest of the sources' names and bytes, the seed and the generator version."""
    digest = hashlib.sha256(f"v{GENERATOR_VERSION}\x1fseed{seed}".encode())
    for path in sources:
        digest.update(b"\x1f" + path.name.encode("utf-8") + b"\x1f" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def build_scale_corpus(sources: Sequence[Path], copies: int, out_dir: Path | None = None,
                       seed: int = 0) -> ScaleCorpus:
    """Write (or reuse) ``copies`` rotated copies of ``sources`` under ``out_dir`` and return them.

    The same sources and seed give the same bytes on every machine; the folder
    is ``<out_dir>/<fingerprint>`` so corpora from different inputs never mix.
    """
    if copies < 1:
        raise ConfigError(f"copies {copies}: must be at least 1")
    sources = sorted({Path(p) for p in sources}, key=lambda p: (p.name, str(p)))
    if not sources:
        raise ConfigError("no source documents for the scale corpus; pass a corpus folder with .txt/.html/.md files")
    names = [p.name for p in sources]
    if len(set(names)) != len(names):
        raise ConfigError("source documents share a file name; document ids come from file names, rename one")
    directory = (out_dir or default_scale_dir()) / fingerprint(sources, seed)
    directory.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(directory)
    missing = [c for c in range(copies) if str(c) not in manifest]
    if missing:
        rotator = Rotator(seed)
        texts = [read_text(p) for p in sources]
        hits = [rotator.find(t) for t in texts]
        for copy in missing:
            manifest[str(copy)] = _write_copy(directory, copy, sources, texts, hits, rotator)
        _write_manifest(directory, manifest)
    files, chars = [], []
    for copy in range(copies):
        entry = manifest[str(copy)]
        files.append(tuple(directory / name for name in entry["files"]))
        chars.append(entry["chars"])
    return ScaleCorpus(directory, copies, tuple(files), tuple(chars))


def _write_copy(directory: Path, copy: int, sources: Sequence[Path], texts: Sequence[str],
                hits: Sequence[list], rotator: Rotator) -> dict:
    # each copy is written to a temporary folder and renamed, so an interrupted run never leaves half a copy
    final = directory / f"c{copy:04d}"
    partial = directory / f".c{copy:04d}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)
    partial.mkdir()
    names, chars = [], 0
    for source, text, text_hits in zip(sources, texts, hits):
        rendered = rotator.render(text, text_hits, copy)
        name = f"{source.stem}_c{copy:04d}.txt"  # decoded text, whatever the source format
        (partial / name).write_text(rendered, encoding="utf-8", newline="")
        names.append(f"c{copy:04d}/{name}")
        chars += len(rendered)
    partial.rename(final)
    return {"files": names, "chars": chars}


def _read_manifest(directory: Path) -> dict:
    path = directory / _MANIFEST
    if not path.is_file():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return {}  # a damaged manifest only costs a rebuild
    # a copy listed without its folder (deleted by hand) is rebuilt
    return {k: v for k, v in manifest.items() if (directory / f"c{int(k):04d}").is_dir()}


def _write_manifest(directory: Path, manifest: dict) -> None:
    ordered = {str(k): manifest[str(k)] for k in sorted(int(k) for k in manifest)}
    tmp = directory / (_MANIFEST + ".tmp")
    tmp.write_text(json.dumps(ordered, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(directory / _MANIFEST)
