"""Neo4j Browser shows the zonekg graph: headless Chromium logs in, applies the style, runs a preset."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from zonekg.graph.inputs import read_graph
from zonekg.graph.loader import load_records
from zonekg.graph.names import resolve_name
from zonekg.graph.presets import PRESETS
from zonekg.graph.style import style_command
from zonekg.schema.types import ENTITY_TYPES

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
CHROMIUM = Path(os.environ.get("ZONEKG_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts" / "browser"

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


def _unavailable(reason: str) -> None:
    # CI must run this test: a missing browser or package is a failure there, a skip elsewhere.
    if os.environ.get("CI"):
        pytest.fail(f"the Browser test is required under CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def browser_tools() -> str:
    """Return the node executable once Chromium and playwright-core are present."""
    node = shutil.which("node")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found; install it with: apt-get install -y chromium")
    if node is None:
        _unavailable("node not found; install it with: apt-get install -y nodejs npm")
    if not (HERE / "node_modules" / "playwright-core").is_dir():
        _unavailable(f"playwright-core missing; run: (cd {HERE} && npm ci)")
    return node


def test_a_preset_renders_as_a_styled_graph(browser_tools, clean_neo4j, neo4j_settings):
    if not neo4j_settings.http_url:
        _unavailable("the test server has no HTTP address, so there is no Browser to open")
    db = neo4j_settings.database
    load_records(clean_neo4j, read_graph(ROOT / "tests" / "data" / "graph_small.jsonl").records, db)
    zone = resolve_name(clean_neo4j, "云溪经开区", ("Zone",), db)
    preset = PRESETS["neighbourhood"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "neighbourhood.png"
    config = {
        "httpUrl": neo4j_settings.http_url, "boltUrl": neo4j_settings.uri, "user": neo4j_settings.user,
        "password": neo4j_settings.password, "chromium": str(CHROMIUM), "screenshot": str(screenshot),
        "commands": [style_command(), f":param entity => {json.dumps(zone.id, ensure_ascii=False)}",
                     ":param limit => 100", preset.cypher],
    }
    done = subprocess.run([browser_tools, str(HERE / "browser_e2e.mjs")], cwd=HERE, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "ZONEKG_E2E": json.dumps(config, ensure_ascii=False)})
    assert done.returncode == 0, f"{done.stderr}\nscreenshot: {screenshot}"
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    # The zone and its 13 direct neighbours are drawn, captioned with their Chinese names.
    assert shown["nodes"] == 14
    captions = {c.strip() for c in shown["captions"]}
    assert {"云溪县", "林建国", "松岭工业园", "河湾产业园"} <= captions
    # The style sheet was applied: nodes wear the schema's colours.
    assert {ENTITY_TYPES[t].color.upper() for t in ("Zone", "Person", "Place", "Industry")} <= set(shown["fills"])
    assert screenshot.stat().st_size > 10_000
