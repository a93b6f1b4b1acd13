"""The root ``zonekg`` app: each noun or stage registers its commands from its own module."""

from __future__ import annotations

import importlib
import sys

import typer

from zonekg.schema.errors import ZonekgError

app = typer.Typer(
    name="zonekg",
    help="Build a knowledge graph of Chinese development zones from documents, load it into Neo4j, query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# One module per concern; each exposes ``register(app)``.
_COMMAND_MODULES = ("server", "ingest", "extract", "graph", "bench")

for _name in _COMMAND_MODULES:
    importlib.import_module(f"zonekg.cli.{_name}").register(app)


def main() -> None:
    """Run the app; a ZonekgError becomes one line on stderr and exit status 1."""
    try:
        app()
    except ZonekgError as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        sys.exit(1)
