"""Ray extraction (local instance) gives exactly the records of ``run_extraction(..., workers=1)``."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from zonekg.bench.distributed import batches
from zonekg.bench.sources import corpus_files
from zonekg.schema.jsonl import dumps

SHARED = Path(os.environ.get("ZONEKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.mark.parametrize("sizes,limit,expected", [
    ([5, 5, 5], 10, [[5, 5], [5]]),
    ([20, 1], 10, [[20], [1]]),  # a document longer than the limit is a batch of its own
    ([], 10, []),
    ([3, 3, 3, 3], 100, [[3, 3, 3, 3]]),
])
def test_batches_keep_order_and_size(sizes, limit, expected):
    jobs = [(f"doc:{i}", "字" * n) for i, n in enumerate(sizes)]
    got = batches(jobs, limit)
    assert [[len(text) for _id, text in batch] for batch in got] == expected
    assert [job for batch in got for job in batch] == jobs


def test_ray_extraction_equals_one_worker():
    if importlib.util.find_spec("ray") is None:
        if os.environ.get("CI"):
            pytest.fail("ray is required under CI: install zonekg[distributed]")
        pytest.skip("ray is not installed (pip install 'zonekg[distributed]')")
    from zonekg.bench.distributed import run_extraction_ray
    from zonekg.extractors.extract import run_extraction

    dev = SHARED / "corpus" / "dev"
    if not dev.is_dir():
        pytest.skip(f"{dev}: shared corpus not found; set ZONEKG_SHARED")
    files = [str(p) for p in corpus_files(dev)[:6]]
    expected = [dumps(r) for r in run_extraction(files, workers=1).records()]
    # small batches so that both workers get documents
    got = [dumps(r) for r in run_extraction_ray(files, workers=2, batch_chars=3000).records()]
    assert len(got) > 6
    assert got == expected
