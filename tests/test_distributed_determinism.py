"""Extraction gives the same records in any process: what distributed runs rely on.

Ray workers (unlike forked pool workers) are fresh interpreters with their own
string-hash seed, so any dependence on set or dict iteration order of strings
shows up as different records on different machines. Two interpreters with
different ``PYTHONHASHSEED`` must write byte-identical JSON Lines.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("ZONEKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))

_EXTRACT = (
    "import sys\n"
    "from zonekg.bench.sources import corpus_files\n"
    "from zonekg.extractors.extract import run_extraction\n"
    "from zonekg.schema.jsonl import write_records\n"
    "files = [str(p) for p in corpus_files(sys.argv[1])]\n"
    "write_records(run_extraction(files).records(), sys.stdout)\n"
)


def _extract_in_fresh_interpreter(corpus: Path, hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", _EXTRACT, str(corpus)], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_records_do_not_depend_on_the_hash_seed():
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"{corpus}: shared corpus not found; set ZONEKG_SHARED")
    first = _extract_in_fresh_interpreter(corpus, "1")
    second = _extract_in_fresh_interpreter(corpus, "2")
    assert first.count("\n") > 100
    only_first = sorted(set(first.splitlines()) - set(second.splitlines()))
    only_second = sorted(set(second.splitlines()) - set(first.splitlines()))
    assert (only_first, only_second) == ([], []), "records differ between PYTHONHASHSEED=1 and =2"
