"""``zonekg normalize``: read documents, normalise them, show or print them as JSON Lines."""

from __future__ import annotations

from pathlib import Path

import typer

from zonekg.extractors.ingest import load_documents
from zonekg.schema.errors import InputError
from zonekg.schema.jsonl import dumps

PREVIEW_CHARS = 600


def normalize(
    paths: list[Path] = typer.Argument(..., metavar="PATH...",
                                       help="Files or directories (walked recursively, in sorted order)."),
    as_json: bool = typer.Option(False, "--json", help="Print one FORMAT.md document record per line, with its text."),
    full: bool = typer.Option(False, "--full", help="Show the whole normalised text, not a preview."),
) -> None:
    """Read documents and show each article's metadata and normalised text.

    Unreadable inputs are reported on stderr, one line each, and the run goes on;
    the exit status is 0 when at least one article was produced, 1 otherwise.

    Example: zonekg normalize corpus/seeds --json > documents.jsonl
    """
    produced = 0
    for item in load_documents(paths):
        if isinstance(item, InputError):
            typer.secho(f"warning: {_printable(str(item))}", err=True, fg=typer.colors.YELLOW)
            continue
        produced += 1
        record = item.document
        if as_json:
            typer.echo(dumps(record, with_text=True))
            continue
        typer.secho(f"{record.id}  part {record.part}  {record.chars} chars  published {record.published or '-'}",
                    bold=True)
        typer.echo(f"  title:  {record.title or '-'}")
        typer.echo(f"  source: {record.source}")
        for key, value in sorted(item.metadata.items()):
            typer.echo(f"  {key}: {value}")
        text = record.text or ""
        shown = text if full or len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + " …(--full shows all)"
        typer.echo("")
        typer.echo(shown)
        typer.echo("")
    if not produced:
        raise typer.Exit(1)


def _printable(message: str) -> str:
    """Return ``message`` on one line, with undecodable file-name bytes escaped so any terminal can show it."""
    return " ".join(message.split()).encode("utf-8", "backslashreplace").decode("utf-8")


def register(app: typer.Typer) -> None:
    """Add ``normalize`` to the root app."""
    app.command("normalize")(normalize)
