"""Commands for ingest (filled in by its stage)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
