"""Start, stop, inspect and read the logs of the managed local Neo4j server."""

from __future__ import annotations

import os
import time
import urllib.request
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path

from zonekg.graph.server import process
from zonekg.graph.server.config import LISTEN_ADDRESS, ServerOptions, read_state, render_conf, resolve_options, write_state
from zonekg.graph.server.java import check_java
from zonekg.graph.server.maven import ensure_jars
from zonekg.graph.server.password import create_password, read_password
from zonekg.graph.server.paths import ServerPaths
from zonekg.graph.server.ports import bolt_answers, port_is_free
from zonekg.schema.errors import ServerError

USER = "neo4j"
DATABASE = "neo4j"
DEFAULT_START_TIMEOUT_S = 240.0
DEFAULT_STOP_TIMEOUT_S = 90.0


@dataclass(frozen=True)
class ServerStatus:
    """Where the managed server is and whether it runs."""

    home: str
    running: bool
    pid: int | None
    uri: str
    user: str
    database: str
    password_file: str
    http_url: str
    browser_url: str
    bolt_port: int
    http_port: int
    log_file: str

    def to_dict(self) -> dict:
        """Return a JSON-ready dict (keys sorted by the caller when it prints)."""
        return asdict(self)


@dataclass(frozen=True)
class StartResult:
    """What ``start`` did: the status after it, and whether the server was already up."""

    status: ServerStatus
    already_running: bool
    seconds: float


@dataclass(frozen=True)
class StopResult:
    """What ``stop`` did: whether a server was running, and whether it had to be killed."""

    was_running: bool
    pid: int | None
    killed: bool


def status(home: str | os.PathLike[str] | None = None) -> ServerStatus:
    """Return the managed server's status for ``home`` (ports from its last start, else the defaults)."""
    paths = ServerPaths.at(home)
    options = read_state(paths) or resolve_options()
    pid = process.running_pid(paths)
    return ServerStatus(
        home=str(paths.home),
        running=pid is not None,
        pid=pid,
        uri=options.bolt_uri,
        user=USER,
        database=DATABASE,
        password_file=str(paths.password_file),
        http_url=options.http_url,
        browser_url=options.browser_url,
        bolt_port=options.bolt_port,
        http_port=options.http_port,
        log_file=str(paths.log_file),
    )


def _check_ports(options: ServerOptions) -> None:
    for name, port, flag in (("Bolt", options.bolt_port, "--bolt-port"), ("HTTP", options.http_port, "--http-port")):
        if not port_is_free(LISTEN_ADDRESS, port):
            raise ServerError(
                f"port {port} ({name}) on {LISTEN_ADDRESS} is already in use; "
                f"choose another with 'zonekg neo4j start {flag} <port>' or stop what listens there"
            )


def _ensure_initial_password(java: str, classpath: list[Path], paths: ServerPaths) -> None:
    """Set a generated password before the very first start, so neo4j/neo4j never works."""
    if paths.auth_file.is_file():
        if read_password(paths) is None:
            raise ServerError(
                f"{paths.password_file}: missing, but the database in {paths.data_dir} already has a password; "
                "restore the file, or delete the data folder to start afresh"
            )
        return
    password = read_password(paths) or create_password(paths)
    done = process.run_admin(java, classpath, paths, ["dbms", "set-initial-password", password])
    if done.returncode != 0 or not paths.auth_file.is_file():
        raise ServerError(
            f"{paths.conf_file}: setting the initial Neo4j password failed "
            f"({_first_reason(done.stderr + done.stdout)}); fix the setting named there (extra.conf holds your own)"
        )


def _first_reason(output: str) -> str:
    """Return the first line of a Java error that is not a stack frame."""
    for line in output.splitlines():
        line = line.strip()
        if line and not line.startswith("at ") and not line.startswith("..."):
            return line[:300]
    return "no output"


def _last_log_line(paths: ServerPaths) -> str:
    """Return the most telling recent error among the console and server logs."""
    for log in (paths.console_log, paths.log_file):
        lines = [line.strip() for line in _tail(log, 60) if line.strip()]
        causes = [i for i, line in enumerate(lines) if line.startswith("Caused by:")]
        errors = [i for i, line in enumerate(lines) if "ERROR" in line or "Error" in line or "Exception" in line]
        picked = causes or errors
        if picked:
            i = picked[-1]
            # The JVM states the problem on the line after "Error occurred during initialization of VM".
            follow = lines[i + 1] if i + 1 < len(lines) and not lines[i + 1].startswith("at ") else ""
            return (f"{lines[i]} {follow}" if follow and not causes else lines[i])[:300]
    lines = [line.strip() for line in _tail(paths.console_log, 5) if line.strip()]
    return lines[-1][:300] if lines else "no log output"


def _wait_until_ready(proc, paths: ServerPaths, options: ServerOptions, password: str, timeout: float) -> None:
    """Return once Bolt logs us in and HTTP answers; ServerError when the JVM exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(
                f"Neo4j server failed to start (exit code {proc.returncode}: {_last_log_line(paths)}); "
                f"see {paths.console_log} and {paths.log_file}"
            )
        # Bolt comes up before HTTP; the server may still die binding HTTP, so wait for both.
        if (
            bolt_answers(LISTEN_ADDRESS, options.bolt_port)
            and _http_answers(options)
            and _accepts_login(options, password)
        ):
            return
        time.sleep(0.5)
    raise ServerError(
        f"Neo4j server did not answer on Bolt port {options.bolt_port} within {timeout:.0f} s and was stopped; "
        f"see {paths.log_file}"
    )


def _http_answers(options: ServerOptions) -> bool:
    """Return True when the HTTP connector serves its discovery document."""
    # No proxies: an http_proxy from the environment must not intercept a loopback check.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(options.http_url + "/", timeout=2) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


def _accepts_login(options: ServerOptions, password: str) -> bool:
    """Return True once the server logs us in; a rejected password is an error, not a wait."""
    import neo4j
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    try:
        with neo4j.GraphDatabase.driver(options.bolt_uri, auth=(USER, password)) as driver:
            driver.verify_connectivity()
    except AuthError as exc:
        raise ServerError(
            f"Neo4j started but rejected the password in the password file ({exc.message}); "
            "the data folder belongs to another password file"
        ) from exc
    except (ServiceUnavailable, SessionExpired, OSError):
        return False
    return True


def start(
    home: str | os.PathLike[str] | None = None,
    *,
    bolt_port: int | None = None,
    http_port: int | None = None,
    heap: str | None = None,
    pagecache: str | None = None,
    timeout: float = DEFAULT_START_TIMEOUT_S,
    maven_args: list[str] | None = None,
) -> StartResult:
    """Start the managed server in the background and return once it accepts Bolt logins.

    Fetches the jars first when needed, sets a generated password before the
    first start, and listens on 127.0.0.1 only. A running server is left alone.
    """
    began = time.monotonic()
    paths = ServerPaths.at(home)
    if process.running_pid(paths) is not None:
        return StartResult(status(paths.home), already_running=True, seconds=0.0)
    options = resolve_options(bolt_port, http_port, heap, pagecache, previous=read_state(paths))
    java = check_java()
    _check_ports(options)
    classpath = ensure_jars(paths, maven_args=maven_args)
    for folder in (paths.conf_dir, paths.data_dir, paths.logs_dir, paths.run_dir, paths.plugins_dir, paths.import_dir):
        folder.mkdir(parents=True, exist_ok=True)
    paths.conf_file.write_text(render_conf(paths, options), encoding="utf-8")
    _ensure_initial_password(java, classpath, paths)
    write_state(paths, options)
    proc = process.spawn(java, classpath, paths, options.heap)
    try:
        _wait_until_ready(proc, paths, options, read_password(paths) or "", timeout)
    except ServerError:
        # A half-started server would hold the ports and the store lock: end it.
        if process.alive(proc.pid):
            process.terminate(proc.pid, DEFAULT_STOP_TIMEOUT_S)
        paths.pid_file.unlink(missing_ok=True)
        raise
    return StartResult(status(paths.home), already_running=False, seconds=time.monotonic() - began)


def stop(home: str | os.PathLike[str] | None = None, *, timeout: float = DEFAULT_STOP_TIMEOUT_S) -> StopResult:
    """Stop the managed server of ``home`` (cleanly, killed after ``timeout``); fine when not running."""
    paths = ServerPaths.at(home)
    pid = process.running_pid(paths)
    if pid is None:
        return StopResult(was_running=False, pid=None, killed=False)
    killed = process.terminate(pid, timeout)
    if process.alive(pid):
        raise ServerError(f"Neo4j server (pid {pid}) did not stop; end it by hand and see {paths.log_file}")
    paths.pid_file.unlink(missing_ok=True)
    return StopResult(was_running=True, pid=pid, killed=killed)


def _tail(path: Path, lines: int) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return list(deque((line.rstrip("\n") for line in handle), maxlen=lines))
    except FileNotFoundError:
        return []


def logs(home: str | os.PathLike[str] | None = None, lines: int = 50) -> list[str]:
    """Return the last ``lines`` lines of the server log (``neo4j.log``)."""
    paths = ServerPaths.at(home)
    if not paths.log_file.is_file():
        raise ServerError(f"{paths.log_file}: no server log yet; start the server with 'zonekg neo4j start'")
    return _tail(paths.log_file, max(lines, 0)) if lines > 0 else []
