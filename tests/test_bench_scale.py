"""The scale corpus: deterministic bytes per seed, names rotated per copy, and a graph that grows."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from zonekg.bench.rotate import Rotator
from zonekg.bench.scale import build_scale_corpus
from zonekg.bench.sources import corpus_files, read_text

SHARED = Path(os.environ.get("ZONEKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="module")
def rotator() -> Rotator:
    return Rotator(seed=0)


@pytest.fixture(scope="module")
def sources() -> list[Path]:
    if not DEV.is_dir():
        pytest.skip(f"{DEV}: shared corpus not found; set ZONEKG_SHARED")
    return corpus_files(DEV)[:4]


@pytest.mark.parametrize("text,rotated", [
    ("湖南省永州市人民政府与华为签约", ["湖南省", "永州市"]),
    ("永州经开区管委会召开会议", ["永州", "经开区"]),
    ("来凤经济开发区位于来凤县翔凤镇", ["来凤", "经济开发区", "来凤县"]),
    ("湖南熙可食品有限公司落户园区", ["湖南", "有限公司"]),
    ("杨林工业园区建园20周年", ["工业园区"]),  # a zone without a place: its ending rotates
    ("省级开发区", []),
    ("市委书记易佳良一行调研,易佳良指出", ["易", "易"]),  # a name after a title: its surname, at every mention
    ("副主席徐辉到钦州市调研", ["徐", "钦州市"]),  # a short ending alone is too generic to rotate
    ("和平发展是时代主题", []),  # 和平 is a county's short form, but no zone name follows it
    ("该公司与工厂签约", []),  # 公司 after a generic word is not a company name
])
def test_rotatable_names_are_found(rotator, text, rotated):
    assert [text[h.start:h.end] for h in rotator.find(text)] == rotated


@pytest.mark.parametrize("text", [
    "永州市委、市政府出台了意见",
    "恩施土家族苗族自治州来凤县经济开发区",
    "钦州保税港区引进广西北部湾国际港务集团有限公司",
])
def test_copy_zero_is_the_text_and_later_copies_differ_but_keep_endings(rotator, text):
    hits = rotator.find(text)
    assert rotator.render(text, hits, 0) == text
    copies = [rotator.render(text, hits, c) for c in range(1, 6)]
    assert all(c != text for c in copies)
    assert len(set(copies)) == len(copies)
    # the name's final character (市, 县, 州) is kept, so 永州市委 stays a city's 市委
    for copy in copies:
        for hit in (h for h in hits if h.kind == "place-full"):
            assert text[hit.end - 1] in copy


def test_same_seed_gives_the_same_bytes(sources, tmp_path):
    first = build_scale_corpus(sources, 3, tmp_path / "a", seed=7)
    second = build_scale_corpus(sources, 3, tmp_path / "b", seed=7)
    assert [p.name for p in first.files(3)] == [p.name for p in second.files(3)]
    assert [p.read_bytes() for p in first.files(3)] == [p.read_bytes() for p in second.files(3)]


def test_another_seed_gives_other_copies_but_the_same_copy_zero(sources, tmp_path):
    seven = build_scale_corpus(sources, 2, tmp_path / "a", seed=7)
    eight = build_scale_corpus(sources, 2, tmp_path / "b", seed=8)
    n = len(sources)
    assert [p.read_bytes() for p in seven.files(1)] == [p.read_bytes() for p in eight.files(1)]
    assert [p.read_bytes() for p in seven.files(2)[n:]] != [p.read_bytes() for p in eight.files(2)[n:]]


def test_copy_zero_is_the_source_text_and_sizes_scale(sources, tmp_path):
    built = build_scale_corpus(sources, 4, tmp_path)
    assert [p.read_text(encoding="utf-8") for p in built.files(1)] == [read_text(p) for p in sources]
    assert len(built.files(4)) == 4 * len(sources)
    assert 3.5 * built.chars(1) < built.chars(4) < 4.5 * built.chars(1)


def test_cached_copies_are_reused_and_extended(sources, tmp_path):
    small = build_scale_corpus(sources, 2, tmp_path)
    stamp = small.files(2)[-1].stat().st_mtime_ns
    large = build_scale_corpus(sources, 3, tmp_path)
    assert large.directory == small.directory
    assert large.files(2)[-1].stat().st_mtime_ns == stamp
    assert len(large.files(3)) == 3 * len(sources)


def test_the_graph_grows_with_the_scale(sources, tmp_path):
    from zonekg.extractors.extract import run_extraction

    built = build_scale_corpus(sources, 3, tmp_path)
    one = run_extraction([str(p) for p in built.files(1)])
    three = run_extraction([str(p) for p in built.files(3)])
    grown = Counter(e.type for e in three.entities)
    base = Counter(e.type for e in one.entities)
    for type_name in ("Place", "Zone"):
        assert grown[type_name] >= 2 * base[type_name] > 0, type_name
    assert len(three.entities) > 1.5 * len(one.entities)
    assert len(three.relations) > 1.5 * len(one.relations)


def test_scale_corpus_command_reports_each_scale(sources, tmp_path):
    from typer.testing import CliRunner

    from zonekg.cli.app import app

    folder = tmp_path / "in"
    folder.mkdir()
    for path in sources:
        (folder / path.name).write_bytes(path.read_bytes())
    result = CliRunner().invoke(app, ["bench", "scale-corpus", str(folder), "--scale", "1,3", "--out",
                                      str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert Path(lines[0]).parent == tmp_path / "out"
    assert lines[1].split()[:3] == ["1×", str(len(sources)), "files"]
    assert lines[2].split()[:3] == ["3×", str(3 * len(sources)), "files"]
    assert len(list(Path(lines[0]).rglob("*.txt"))) == 3 * len(sources)
