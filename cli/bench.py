"""``zonekg bench``: run the benchmark and print its table; ``zonekg bench scale-corpus``: write a scale corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click
import typer
from typer.core import TyperGroup

from zonekg.bench.alternatives import AlternativeName
from zonekg.bench.harness import BenchOptions, run_benchmark
from zonekg.bench.report import render_table
from zonekg.bench.scale import build_scale_corpus
from zonekg.bench.sources import corpus_files, default_corpus


class _RunByDefault(TyperGroup):
    """A group whose arguments go to ``run`` unless they start with a subcommand's name."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["run", *args]
        return super().parse_args(ctx, args)


bench_app = typer.Typer(cls=_RunByDefault, no_args_is_help=False, add_completion=False,
                        help="Measure zonekg: extraction, alternatives, load, presets, scale.\n\n"
                             "Example: zonekg bench ../shared/corpus --scale 1,10,100 --json bench.json")


def _scales(text: str) -> tuple[int, ...]:
    try:
        values = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise typer.BadParameter(f"{text!r}: give whole numbers separated by commas, e.g. 1,10,100") from None
    if not values or min(values) < 1:
        raise typer.BadParameter(f"{text!r}: every scale must be ≥ 1, e.g. 1,10,100")
    return values


@bench_app.command("run")
def run(
    corpus: Path = typer.Argument(None, help="Corpus folder (default: $ZONEKG_SHARED/corpus or ../shared/corpus)."),
    scale: str = typer.Option("1,10,100", "--scale", help="Scale corpora to measure, as multiples of the corpus."),
    json_file: Path = typer.Option(None, "--json", help="Also write every number, with machine info, to this file."),
    workers: int = typer.Option(2, "--workers", help="Largest process count of the worker curve (and Ray CPUs)."),
    alternative: list[AlternativeName] = typer.Option(list(AlternativeName), "--alternative",
                                                      help="Offline alternatives to compare with (repeatable)."),
    neo4j: bool = typer.Option(True, "--neo4j/--no-neo4j", help="Measure load and presets (needs a server)."),
    wipe: bool = typer.Option(False, "--wipe", help="Allow emptying a Neo4j database that already holds data."),
    distributed: bool = typer.Option(True, "--ray/--no-ray", help="Include the Ray run (needs zonekg[distributed])."),
    seed: int = typer.Option(0, "--seed", help="Seed of the scale corpus's name rotation."),
    scale_dir: Path = typer.Option(None, "--scale-dir", help="Where scale corpora are cached (default: user cache)."),
    curve_scale: int = typer.Option(None, "--curve-scale",
                                    help="Scale the worker curve runs on (default: 10 if measured, else the smallest)."),
) -> None:
    """Measure extraction (end to end, per stage), the alternatives, Neo4j load and presets at each scale.

    Neo4j is the managed server (zonekg neo4j start) or NEO4J_URI; the benchmark
    empties the database before each load, so it refuses a non-empty one unless
    --wipe is given. Progress goes to stderr, the table to stdout.

    Example: zonekg bench ../shared/corpus --scale 1,10,100 --workers 2 --json bench.json
    """
    options = BenchOptions(corpus=corpus or default_corpus(), scales=_scales(scale), workers=workers,
                           alternatives=tuple(alternative), neo4j=neo4j, wipe=wipe, distributed=distributed,
                           seed=seed, scale_dir=scale_dir, curve_scale=curve_scale)
    result = run_benchmark(options, progress=lambda message: typer.echo(f"· {message}", err=True))
    typer.echo(render_table(result))
    for note in result["notes"]:
        typer.secho(f"note: {note}", err=True, fg=typer.colors.YELLOW)
    if json_file:
        json_file.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        typer.echo(f"wrote {json_file}", err=True)


@bench_app.command("scale-corpus")
def scale_corpus(
    corpus: Path = typer.Argument(None, help="Corpus folder to grow (default: the shared corpus)."),
    scale: str = typer.Option("1,10,100", "--scale", help="Scales to report; the largest is written."),
    out: Path = typer.Option(None, "--out", help="Parent folder of the corpus (default: the user cache folder)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the name rotation; the same seed gives the same bytes."),
) -> None:
    """Write rotated copies of the corpus (new place, zone and company names per copy) for scale runs.

    A scale-k corpus is copies 0…k-1; copy 0 is the corpus itself. Copies are
    reused while the corpus, seed and generator are unchanged.

    Example: zonekg bench scale-corpus ../shared/corpus --scale 1,10,100,1000
    """
    scales = _scales(scale)
    built = build_scale_corpus(corpus_files(corpus or default_corpus()), max(scales), out, seed)
    typer.echo(f"{built.directory}")
    for k in scales:
        typer.echo(f"{k:>6}×  {len(built.files(k)):>7,} files  {built.chars(k):>13,} chars")


def register(app: typer.Typer) -> None:
    """Add the ``bench`` group to the root app."""
    app.add_typer(bench_app, name="bench")
