"""Find the ``java`` executable and check it is new enough for Neo4j 5."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from zonekg.schema.errors import ServerError

MIN_JAVA = 17
_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


def find_java() -> str:
    """Return the path of ``java`` from ``$JAVA_HOME`` or ``PATH``; ServerError when there is none."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("java")
    if found is None:
        raise ServerError(
            f"no Java found (java is not on PATH and JAVA_HOME is not set); "
            f"install Java {MIN_JAVA} or newer, e.g. apt-get install openjdk-17-jre-headless"
        )
    return found


def parse_java_major(version_output: str) -> int | None:
    """Return the major version from ``java -version`` output (``1.8`` → 8), or None."""
    match = _VERSION.search(version_output)
    if match is None:
        return None
    major = int(match.group(1))
    if major == 1 and match.group(2):
        major = int(match.group(2))
    return major


def check_java(java: str | None = None) -> str:
    """Return a usable ``java``; ServerError when missing, unreadable or older than 17."""
    java = java or find_java()
    try:
        done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServerError(f"{java}: could not run 'java -version' ({exc}); install Java {MIN_JAVA} or newer") from exc
    # java prints its version on stderr; some wrappers use stdout.
    output = done.stderr + done.stdout
    major = parse_java_major(output)
    if major is None:
        first = output.strip().splitlines()[0] if output.strip() else "no output"
        raise ServerError(f"{java}: cannot read the Java version from 'java -version' ({first}); install Java {MIN_JAVA} or newer")
    if major < MIN_JAVA:
        raise ServerError(
            f"{java} is Java {major}, Neo4j 5 needs Java {MIN_JAVA} or newer; "
            f"install a newer JDK and put it first on PATH or set JAVA_HOME"
        )
    return java
