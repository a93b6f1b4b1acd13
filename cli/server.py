"""``zonekg neo4j``: fetch, start, stop, inspect the managed local Neo4j server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from zonekg.graph import server

neo4j_app = typer.Typer(
    name="neo4j",
    help="Run the managed local Neo4j server (127.0.0.1, auth on). Example: zonekg neo4j start",
    no_args_is_help=True,
)

HomeOption = typer.Option(None, "--home", help="zonekg home (default: $ZONEKG_HOME or the user data dir).")


@neo4j_app.command("fetch")
def fetch_command(home: Optional[Path] = HomeOption) -> None:
    """Download the Neo4j server and Browser jars with Maven into ~/.m2.

    Example: zonekg neo4j fetch
    """
    jars = server.fetch(home)
    typer.echo(f"fetched {len(jars)} jars; classpath in {server.ServerPaths.at(home).classpath_file}")


@neo4j_app.command("start")
def start_command(
    bolt_port: Optional[int] = typer.Option(None, "--bolt-port", help="Bolt port (default 7687 or $ZONEKG_NEO4J_BOLT_PORT)."),
    http_port: Optional[int] = typer.Option(None, "--http-port", help="HTTP port (default 7474 or $ZONEKG_NEO4J_HTTP_PORT)."),
    home: Optional[Path] = HomeOption,
) -> None:
    """Start the server in the background and wait until Bolt answers.

    Example: zonekg neo4j start --bolt-port 7688 --http-port 7475
    """
    result = server.start(home, bolt_port=bolt_port, http_port=http_port)
    st = result.status
    if result.already_running:
        typer.echo(f"already running (pid {st.pid}) at {st.uri}; Browser at {st.browser_url}")
        return
    typer.echo(f"started (pid {st.pid}) in {result.seconds:.1f} s at {st.uri}")
    typer.echo(f"Browser: {st.browser_url}  user: {st.user}  password in: {st.password_file}")


@neo4j_app.command("stop")
def stop_command(home: Optional[Path] = HomeOption) -> None:
    """Stop the server cleanly.

    Example: zonekg neo4j stop
    """
    result = server.stop(home)
    if not result.was_running:
        typer.echo("not running")
        return
    typer.echo(f"stopped (pid {result.pid}){' after a kill' if result.killed else ''}")


@neo4j_app.command("status")
def status_command(
    as_json: bool = typer.Option(False, "--json", help="Print uri, user, database, password_file, http_url, running, pid as JSON."),
    show_password: bool = typer.Option(False, "--show-password", help="Also print the password."),
    home: Optional[Path] = HomeOption,
) -> None:
    """Say whether the server runs and how to connect to it.

    Example: zonekg neo4j status --json
    """
    st = server.status(home)
    data = st.to_dict()
    if show_password:
        data["password"] = server.read_password(server.ServerPaths.at(home))
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2))
        return
    state = f"running (pid {st.pid})" if st.running else "not running"
    typer.echo(f"{state}\nuri: {st.uri}\nuser: {st.user}\ndatabase: {st.database}")
    typer.echo(f"password_file: {st.password_file}\nBrowser: {st.browser_url}\nlog: {st.log_file}")
    if show_password:
        typer.echo(f"password: {data['password']}")


@neo4j_app.command("logs")
def logs_command(
    lines: int = typer.Option(50, "-n", "--lines", min=1, help="How many of the last lines to show."),
    home: Optional[Path] = HomeOption,
) -> None:
    """Show the end of the server log.

    Example: zonekg neo4j logs -n 50
    """
    for line in server.logs(home, lines):
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the ``neo4j`` sub-app to the root app."""
    app.add_typer(neo4j_app, name="neo4j")
