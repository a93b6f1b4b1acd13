"""``zonekg extract`` and ``zonekg eval``: run the extraction pipeline, score it against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from zonekg.extractors.evaluate import Counts, Report, evaluate, load_gold
from zonekg.extractors.extract import Extraction, run_extraction
from zonekg.schema.errors import InputError
from zonekg.schema.jsonl import read_records, write_records

PROGRESS_AFTER = 20  # documents: shorter runs finish before a bar would help


def _run(paths: list[Path], workers: int) -> Extraction:
    """Run the extraction with a progress bar on stderr for long runs; report unreadable inputs."""
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if total < PROGRESS_AFTER:
            return
        if bar is None:
            bar = typer.progressbar(length=total, label="extracting", file=sys.stderr)
            bar.__enter__()
        bar.update(1)
        if done == total:
            bar.__exit__(None, None, None)

    result = run_extraction(paths, workers=workers, progress=progress)
    for error in result.errors:
        typer.secho(f"warning: {error}", err=True, fg=typer.colors.YELLOW)
    return result


def extract(
    paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively, in sorted order)."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the FORMAT.md JSON Lines graph ('-' = stdout)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes; the output is identical for any number."),
    with_text: bool = typer.Option(False, "--with-text", help="Store each document's normalised text in its record."),
) -> None:
    """Extract entities and relations from documents into a JSON Lines graph.

    Example: zonekg extract corpus/seeds corpus/dev --out graph.jsonl --workers 2
    """
    result = _run(paths, workers)
    records = result.records()
    if str(out) == "-":
        write_records(records, sys.stdout, with_text=with_text)
    else:
        with open(out, "w", encoding="utf-8") as handle:
            write_records(records, handle, with_text=with_text)
    typer.secho(f"{len(result.documents)} documents, {len(result.entities)} entities, "
                f"{len(result.relations)} relations, {len(result.errors)} unreadable inputs → {out}", err=True)


def eval_command(
    paths: list[Path] = typer.Argument(None, help="Documents to extract and score (files or directories)."),
    gold: Path = typer.Option(..., "--gold", help="Folder of gold <stem>.json files (searched recursively)."),
    graph: Path = typer.Option(None, "--graph", help="Score an existing JSON Lines graph instead of extracting."),
    errors: bool = typer.Option(False, "--errors", help="List missed and spurious entities and relations per file."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole report as JSON."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes for the extraction."),
) -> None:
    """Score extraction against gold files: P/R/F1 for entities and relations, per type and per file.

    Example: zonekg eval --gold ../shared/gold ../shared/corpus --errors
    """
    gold_files = load_gold(gold)
    if graph is not None:
        if not graph.is_file():
            raise InputError(str(graph), "graph file not found; write one with `zonekg extract … --out FILE`")
        records = list(read_records(graph))
    elif paths:
        records = list(_run(paths, workers).records())
    else:
        raise typer.BadParameter("give documents to extract, or --graph FILE")
    report = evaluate(records, gold_files)
    if as_json:
        typer.echo(json.dumps(report.to_json(errors=errors), ensure_ascii=False, indent=2))
        return
    _render(report, errors)


def _line(name: str, c: Counts) -> str:
    return f"  {name:<24} P {c.precision:6.3f}  R {c.recall:6.3f}  F1 {c.f1:6.3f}   (tp {c.tp}, fp {c.fp}, fn {c.fn})"


def _render(report: Report, errors: bool) -> None:
    typer.secho("entities", bold=True)
    typer.echo(_line("all", report.entities))
    for name in sorted(report.entity_types):
        typer.echo(_line(name, report.entity_types[name]))
    typer.secho("relations", bold=True)
    typer.echo(_line("all", report.relations))
    for name in sorted(report.relation_types):
        typer.echo(_line(name, report.relation_types[name]))
    typer.secho("files (entity F1 / relation F1)", bold=True)
    for f in report.files:
        typer.echo(f"  {f.stem:<24} {f.entities.f1:6.3f} / {f.relations.f1:6.3f}")
        if errors:
            for title, items in (("missed entity", f.missed_entities), ("spurious entity", f.spurious_entities),
                                 ("missed relation", f.missed_relations), ("spurious relation", f.spurious_relations)):
                for item in items:
                    typer.echo(f"      {title}: {item}")
    if report.unmatched_gold:
        typer.secho(f"gold files without a document: {', '.join(report.unmatched_gold)}", err=True,
                    fg=typer.colors.YELLOW)


def register(app: typer.Typer) -> None:
    """Add ``extract`` and ``eval`` to the root app."""
    app.command("extract")(extract)
    app.command("eval")(eval_command)
