"""The shared Neo4j fixture skips with its reason on a laptop and fails under CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zonekg.graph.server.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
TARGET = "tests/integration/test_neo4j_server.py::test_clean_neo4j_starts_empty"


def _run_with_dead_server(ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NEO4J_URI", "NEO4J_PASSWORD")}
    env["NEO4J_URI"] = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    env["NEO4J_PASSWORD"] = "irrelevant-password"
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", TARGET, "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.mark.parametrize(
    "ci,outcome,reason",
    [
        (False, "1 skipped", "no Neo4j for integration tests"),
        (True, "1 error", "Neo4j is required under CI"),
    ],
)
def test_unreachable_database_skips_with_reason_or_fails_under_ci(ci, outcome, reason):
    done = _run_with_dead_server(ci)
    output = done.stdout + done.stderr
    assert outcome in output, output
    assert reason in output and "zonekg neo4j start" in output, output
    assert (done.returncode == 0) is (not ci), output
