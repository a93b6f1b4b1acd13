"""The wheel carries every subpackage and data file, and imports from a fresh venv."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
PACKAGE_DIRS: dict[str, str] = SETUPTOOLS["package-dir"]


def _packages_on_disk() -> dict[str, Path]:
    """Return every importable package below the mapped folders, by dotted name."""
    found = {}
    for dotted, folder in PACKAGE_DIRS.items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            if "__pycache__" in init.parts or "node_modules" in init.parts:
                continue
            rel = init.parent.relative_to(base).parts
            found[".".join((dotted, *rel))] = init.parent
    return found


def _package_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.is_file() and "__pycache__" not in p.parts]


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(SETUPTOOLS["packages"])
    on_disk = set(_packages_on_disk())
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - on_disk == set(), "these listed packages have no folder"


def test_no_generic_top_level_name_is_installed():
    for dotted in SETUPTOOLS["packages"]:
        assert dotted.startswith("zonekg."), dotted


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, cwd=out,
    )
    (path,) = out.glob("zonekg-*.whl")
    return path


@pytest.mark.slow
def test_wheel_holds_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for dotted, folder in _packages_on_disk().items():
        prefix = dotted.replace(".", "/")
        for path in _package_files(folder):
            if path.suffix in {".pyc"} or path.name.startswith("."):
                continue
            assert f"{prefix}/{path.name}" in names, f"{path.relative_to(ROOT)} is missing from the wheel"


@pytest.mark.slow
def test_wheel_imports_every_module_in_a_fresh_venv(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True)
    fresh = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    modules = sorted(
        str(p.relative_to(target).with_suffix("")).replace(os.sep, ".").removesuffix(".__init__")
        for p in (target / "zonekg").rglob("*.py")
        if p.name != "__main__.py"
    )
    assert "zonekg.cli.app" in modules
    # Dependencies come from this environment's site-packages on PYTHONPATH; .pth files
    # (and so the editable install of the working tree) are not processed from there.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]])}
    script = "import importlib, sys\nfor m in sys.argv[1:]:\n    mod = importlib.import_module(m)\n" \
             "    assert str(mod.__file__).startswith(%r), (m, mod.__file__)\n" % str(target)
    subprocess.run([str(python), "-c", script, *modules], check=True, env=env, cwd=tmp_path)
    result = subprocess.run([str(python), "-m", "zonekg.cli", "--help"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    assert "zonekg" in result.stdout
