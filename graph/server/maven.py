"""Fetch the Neo4j server and Browser jars with Maven and read back their classpath."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from importlib import resources
from pathlib import Path

from zonekg.graph.server.paths import ServerPaths
from zonekg.schema.errors import ServerError

MAVEN_ARGS_ENV = "ZONEKG_MAVEN_ARGS"
_FETCH_TIMEOUT_S = 1800
# Fully named, so an empty Maven cache reports the plugin it cannot download, not a prefix puzzle.
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


def pom_text() -> str:
    """Return the shipped Maven descriptor that lists the server's artifacts."""
    return resources.files("zonekg.graph.server").joinpath("pom.xml").read_text(encoding="utf-8")


def read_classpath(paths: ServerPaths) -> list[Path] | None:
    """Return the fetched jars, or None when never fetched or a jar has gone from the Maven cache."""
    if not paths.classpath_file.is_file():
        return None
    text = paths.classpath_file.read_text(encoding="utf-8").strip()
    jars = [Path(p) for p in text.split(os.pathsep) if p]
    if not jars or not all(j.is_file() for j in jars):
        return None
    return jars


def _maven_args(extra: tuple[str, ...] | list[str] | None) -> list[str]:
    if extra is not None:
        return list(extra)
    return shlex.split(os.environ.get(MAVEN_ARGS_ENV, ""))


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _last_error(output: str) -> str:
    """Return the most telling line of Maven's output (its first non-empty [ERROR] line)."""
    lines = [_ANSI.sub("", line).strip() for line in output.splitlines()]
    errors = [line.removeprefix("[ERROR]").strip() for line in lines if line.startswith("[ERROR]")]
    errors = [line for line in errors if line]
    others = [line for line in lines if line]
    picked = errors[0] if errors else (others[-1] if others else "no output")
    return picked[:400]


def fetch(home: str | os.PathLike[str] | None = None, *, maven_args: list[str] | None = None) -> list[Path]:
    """Resolve the server jars into ~/.m2 with ``mvn`` and return the classpath, written under the home.

    ``maven_args`` (default: ``$ZONEKG_MAVEN_ARGS``) go to ``mvn`` as they are,
    e.g. ``-o`` or ``-s my-mirror-settings.xml``.
    """
    paths = ServerPaths.at(home)
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError(
            "jars not fetched and Maven unreachable: mvn is not on PATH; "
            "install Maven (e.g. apt-get install maven) and run 'zonekg neo4j fetch'"
        )
    paths.root.mkdir(parents=True, exist_ok=True)
    # A copy under the home keeps Maven's scratch files out of the installed package.
    paths.pom_file.write_text(pom_text(), encoding="utf-8")
    command = [
        mvn, "-q", "-B", "-Dstyle.color=never", *_maven_args(maven_args), "-f", str(paths.pom_file),
        f"{DEPENDENCY_PLUGIN}:build-classpath", f"-Dmdep.outputFile={paths.classpath_file}",
    ]
    try:
        done = subprocess.run(
            command, cwd=paths.root, capture_output=True, text=True, timeout=_FETCH_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise ServerError(
            f"jars not fetched and Maven unreachable: mvn ran longer than {_FETCH_TIMEOUT_S} s; "
            "check the network or a Maven mirror and run 'zonekg neo4j fetch' again"
        ) from exc
    if done.returncode != 0:
        raise ServerError(
            f"jars not fetched and Maven unreachable: mvn exited {done.returncode}: "
            f"{_last_error(done.stdout + done.stderr)}; check the network or a Maven mirror "
            "(ZONEKG_MAVEN_ARGS='-s settings.xml') and run 'zonekg neo4j fetch' again"
        )
    jars = read_classpath(paths)
    if jars is None:
        raise ServerError(
            f"{paths.classpath_file}: mvn succeeded but the classpath is missing or names absent jars; "
            "run 'zonekg neo4j fetch' again"
        )
    return jars


def ensure_jars(paths: ServerPaths, *, maven_args: list[str] | None = None) -> list[Path]:
    """Return the classpath, fetching it first when it is missing or stale."""
    return read_classpath(paths) or fetch(paths.home, maven_args=maven_args)
