"""``zonekg bench`` on a tiny corpus with the real pipeline: the JSON carries every required key."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zonekg.bench.harness import BenchOptions, growth, run_benchmark
from zonekg.bench.report import render_table
from zonekg.bench.timing import percentile
from zonekg.cli.app import app
from zonekg.graph.presets import PRESETS

# Two short articles in the corpus's style (written for this test).
TINY_DOCS = {
    "a01.txt": "南康经开区招商成果丰硕\n"
               "发布时间:2021-5-12\n"
               "江西省赣州市南康经济开发区管委会主任王建国介绍,赣州恒达家具有限公司落户南康经济开发区龙岭工业园,"
               "总投资5亿元。南康经济开发区重点发展家具制造、电子信息产业。\n",
    "a02.txt": "湖北省人民政府关于支持孝感高新技术产业开发区发展的意见\n"
               "2019年6月,湖北省人民政府印发《关于支持孝感高新技术产业开发区发展的意见》。"
               "孝感高新区位于孝感市孝南区,湖北三环汽车有限公司在孝感高新区投资建设新能源汽车项目。\n",
}


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TINY_DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_bench_command_writes_the_required_keys(tiny_corpus, tmp_path):
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(app, ["bench", str(tiny_corpus), "--scale", "1,2", "--workers", "2", "--no-neo4j",
                                      "--no-ray", "--json", str(out), "--scale-dir", str(tmp_path / "scale")])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["corpus"]["docs"] == 2
    assert data["corpus"]["chars"] == sum(len(t) for t in TINY_DOCS.values())
    assert data["extract"]["chars_per_s"] > 0 and data["extract"]["entities"] > 0
    assert set(data["extract"]["stages"]) == {"read_normalise", "pipeline", "relations", "resolution"}
    for name in ("jieba", "lac"):
        alt = data["alternatives"][name]
        assert alt["chars_per_s"] > 0 and alt["names"] > 0
        assert alt["ratio"] == pytest.approx(data["extract"]["chars_per_s"] / alt["chars_per_s"], rel=0.01)
    assert data["extract"]["chars_per_cpu_s"] > 0 and data["alternatives"]["lac"]["cpu_ratio"] > 0
    assert data["peak_rss_mb"] > 0
    assert data["machine"]["cores_logical"] >= 1 and data["machine"]["packages"]["spacy"]
    assert set(data["scales"]) == {"1", "2"}
    assert data["scales"]["2"]["corpus"]["chars"] > data["scales"]["1"]["corpus"]["chars"]
    curve = data["scales"]["1"]["workers"]["processes"]
    assert set(curve) == {"1", "2"} and all(point["identical"] for point in curve.values())
    assert "load" not in data  # --no-neo4j
    assert "| extract | end to end, 1 process |" in result.output


@pytest.mark.neo4j
def test_benchmark_measures_load_and_every_preset(tiny_corpus, tmp_path, neo4j_settings, clean_neo4j):
    options = BenchOptions(corpus=tiny_corpus, scales=(1, 2), workers=1, alternatives=(), distributed=False,
                           scale_dir=tmp_path / "scale", preset_samples=3, preset_repeats=1,
                           settings=neo4j_settings, wipe=True)
    data = run_benchmark(options)
    for section in (data, data["scales"]["1"], data["scales"]["2"]):
        load = section["load"]
        assert load["facts"] > 0 and load["facts_per_s"] > 0
        assert load["nodes_created"] > 0
        assert load["repeat_created"] == 0
        assert set(section["presets"]) == set(PRESETS)
        for name, entry in section["presets"].items():
            if entry["runs"]:
                assert 0 < entry["p50_ms"] <= entry["p95_ms"], name
    assert data["machine"]["neo4j_server"].startswith("Neo4j/")
    assert "load time exponent" in render_table(data)


@pytest.mark.parametrize("values,q,expected", [
    ([5.0], 95, 5.0),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 50, 3.0),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 95, 4.8),
    ([4.0, 1.0, 3.0, 2.0], 50, 2.5),
])
def test_percentile_interpolates(values, q, expected):
    assert percentile(values, q) == pytest.approx(expected)


def test_percentile_of_nothing_is_nan():
    assert math.isnan(percentile([], 50))


@pytest.mark.parametrize("low,high,exponent", [(1.0, 10.0, 1.0), (2.0, 2.0, 0.0), (1.0, 100.0, 2.0)])
def test_growth_exponent(low, high, exponent):
    scales = {"1": {"corpus": {"chars": 100}, "extract": {"seconds": low}},
              "10": {"corpus": {"chars": 1000}, "extract": {"seconds": high}}}
    assert growth(scales)["extract_seconds"] == pytest.approx(exponent)
