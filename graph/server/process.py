"""Find, spawn and end the managed server's JVM process through its pid file."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import psutil

from zonekg.graph.server.paths import ServerPaths

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"

# Children spawned by this process, so they are reaped and never linger as zombies.
_CHILDREN: dict[int, subprocess.Popen] = {}


def jvm_args(heap: str) -> list[str]:
    """Return the JVM flags Neo4j's own launcher uses, with our heap size."""
    return [
        f"-Xms{heap}", f"-Xmx{heap}",
        "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+DisableExplicitGC",
        "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
        "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED",
    ]


def _is_our_server(proc: psutil.Process, paths: ServerPaths) -> bool:
    try:
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        cmdline = proc.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False
    return ENTRY_POINT in cmdline and f"--home-dir={paths.root}" in cmdline


def running_pid(paths: ServerPaths) -> int | None:
    """Return the pid of this home's server when it is alive, else None."""
    # Neo4j writes its own pid file too; it helps when ours was removed.
    for pid_file in (paths.pid_file, paths.run_dir / "neo4j.pid"):
        try:
            pid = int(pid_file.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            continue
        child = _CHILDREN.get(pid)
        if child is not None and child.poll() is not None:
            _CHILDREN.pop(pid, None)
            continue
        try:
            if _is_our_server(psutil.Process(pid), paths):
                return pid
        except psutil.NoSuchProcess:
            continue
    return None


def spawn(java: str, classpath: list[Path], paths: ServerPaths, heap: str) -> subprocess.Popen:
    """Start the server JVM detached from the terminal, output to ``console.log``; write the pid file."""
    command = [
        java, *jvm_args(heap), "-cp", os.pathsep.join(str(j) for j in classpath), ENTRY_POINT,
        f"--home-dir={paths.root}", f"--config-dir={paths.conf_dir}",
    ]
    with open(paths.console_log, "ab") as console:
        proc = subprocess.Popen(
            command, cwd=paths.root, stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT,
            start_new_session=True, env=_server_env(paths),
        )
    _CHILDREN[proc.pid] = proc
    paths.pid_file.write_text(f"{proc.pid}\n", encoding="utf-8")
    return proc


def _server_env(paths: ServerPaths) -> dict[str, str]:
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(paths.root)
    env["NEO4J_CONF"] = str(paths.conf_dir)
    return env


def run_admin(java: str, classpath: list[Path], paths: ServerPaths, args: list[str]) -> subprocess.CompletedProcess:
    """Run a ``neo4j-admin`` command (``org.neo4j.cli.AdminTool``) against this home."""
    command = [java, "-Xmx256m", "-cp", os.pathsep.join(str(j) for j in classpath), ADMIN_TOOL, *args]
    return subprocess.run(
        command, cwd=paths.root, env=_server_env(paths), capture_output=True, text=True, timeout=300,
        stdin=subprocess.DEVNULL,
    )


def alive(pid: int) -> bool:
    """Return True while ``pid`` runs (a zombie counts as ended)."""
    child = _CHILDREN.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def terminate(pid: int, timeout: float) -> bool:
    """Send SIGTERM (Neo4j shuts down cleanly), SIGKILL after ``timeout``; return True if it was killed."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            _CHILDREN.pop(pid, None)
            return False
        time.sleep(0.2)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return False
    child = _CHILDREN.pop(pid, None)
    if child is not None:
        child.wait(timeout=30)
    return True
