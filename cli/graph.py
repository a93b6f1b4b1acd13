"""``zonekg load|build|query|browser|export|validate`` and ``zonekg schema …``: the graph in Neo4j and RDF."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from zonekg.graph.exporters import ExportFormatName
from zonekg.graph.loader import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS
from zonekg.graph.presets import PresetName
from zonekg.graph.render import OutputFormat

# The CLI prints reports itself; the driver's per-query schema notifications would only add noise.
logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)

schema_app = typer.Typer(name="schema", help="Write what the schema generates: docs, Neo4j schema, RDF terms, style.",
                         no_args_is_help=True)


@contextmanager
def _driver() -> Iterator[tuple]:
    """Yield ``(driver, settings)`` for the configured Neo4j, closing the driver afterwards."""
    from zonekg.graph.connection import open_driver, resolve_settings

    settings = resolve_settings()
    driver = open_driver(settings)
    try:
        yield driver, settings
    finally:
        driver.close()


PROGRESS_AFTER = 2000  # rows of one kind: smaller loads finish before a progress line would help


def _progress(kind: str, done: int, total: int) -> None:
    if total >= PROGRESS_AFTER:
        typer.secho(f"  {kind}: {done}/{total}", err=True, fg=typer.colors.BRIGHT_BLACK)


def _report(report, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{report.documents} documents, {report.entities} entities, {report.relations} relations: "
                   f"{report.nodes_created} nodes and {report.relationships_created} relationships created, "
                   f"{report.properties_set} properties set in {report.seconds:.2f}s "
                   f"({report.facts_per_second:.0f} facts/s)")
    for problem in report.problems:
        typer.secho(f"warning: {problem}", err=True, fg=typer.colors.YELLOW)


def load(
    paths: list[Path] = typer.Argument(..., help="JSON Lines graph files (FORMAT.md), e.g. from zonekg extract."),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1,
                                   help="Rows per UNWIND batch (one transaction each)."),
    writers: int = typer.Option(DEFAULT_WRITERS, "--writers", min=1,
                                help="Batches written side by side (the graph is the same for any number)."),
    fresh: bool = typer.Option(False, "--fresh", help="First delete the graph already loaded (not the schema)."),
    as_json: bool = typer.Option(False, "--json", help="Print the load report as JSON."),
) -> None:
    """Load a JSON Lines graph into Neo4j; loading the same file again creates nothing.

    Example: zonekg load graph.jsonl
    """
    from zonekg.graph.inputs import read_graph
    from zonekg.graph.loader import clear_graph, load_records

    graph = read_graph(paths)
    with _driver() as (driver, settings):
        if fresh:
            typer.secho(f"deleted {clear_graph(driver, settings.database)} nodes", err=True)
        report = load_records(driver, graph.records, settings.database, batch_size, _progress, writers)
    report.problems[:0] = graph.problems
    _report(report, as_json)


def build(
    paths: list[Path] = typer.Argument(..., help="Documents: files or folders (walked recursively)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Also write the extracted JSON Lines graph here."),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1,
                                   help="Rows per UNWIND batch (one transaction each)."),
    writers: int = typer.Option(DEFAULT_WRITERS, "--writers", min=1,
                                help="Batches written side by side (the graph is the same for any number)."),
    fresh: bool = typer.Option(False, "--fresh", help="First delete the graph already loaded (not the schema)."),
    as_json: bool = typer.Option(False, "--json", help="Print the load report as JSON."),
) -> None:
    """Extract a graph from documents and load it into Neo4j (extract, then load).

    Example: zonekg build /work/shared/corpus --workers 2
    """
    from zonekg.extractors.extract import run_extraction
    from zonekg.graph.loader import clear_graph, load_records
    from zonekg.schema.jsonl import write_records

    extraction = run_extraction(paths, workers=workers)
    for error in extraction.errors:
        typer.secho(f"warning: {error}", err=True, fg=typer.colors.YELLOW)
    if out is not None:
        with open(out, "w", encoding="utf-8") as handle:
            write_records(extraction.records(), handle)
    with _driver() as (driver, settings):
        if fresh:
            typer.secho(f"deleted {clear_graph(driver, settings.database)} nodes", err=True)
        report = load_records(driver, extraction.records(), settings.database, batch_size, _progress, writers)
    _report(report, as_json)


def query(
    name: PresetName | None = typer.Argument(None, help="Preset name; see --list."),
    param: list[str] = typer.Option([], "--param", "-p", help="A preset parameter, key=value; repeatable."),
    fmt: OutputFormat = typer.Option(OutputFormat.table.value, "--format", "-f", help="How to print the rows."),
    list_presets: bool = typer.Option(False, "--list", help="List the presets and their parameters."),
) -> None:
    """Run a named query preset; entity names may be short or former names.

    Example: zonekg query enterprises-in-zone --param zone=来凤经济开发区
    """
    from zonekg.graph.presets import PRESETS
    from zonekg.graph.query import parse_params, run_preset
    from zonekg.graph.render import render

    if list_presets or name is None:
        for preset in PRESETS.values():
            params = " ".join(f"--param {p.name}={p.example}" for p in preset.params)
            typer.echo(f"{preset.name}\n    {preset.description}\n    zonekg query {preset.name} {params}".rstrip())
        return
    with _driver() as (driver, settings):
        result = run_preset(driver, name.value, parse_params(param), settings.database)
    for key, found in result.resolved.items():
        typer.secho(f"{key} = {found} ({result.params[key]})", err=True, fg=typer.colors.BRIGHT_BLACK)
    typer.echo(render(result, fmt))
    typer.secho(f"{len(result.rows)} rows; names resolved in {result.resolve_seconds * 1000:.1f} ms, "
                f"query ran in {result.seconds * 1000:.1f} ms", err=True, fg=typer.colors.BRIGHT_BLACK)


def browser(
    show_password: bool = typer.Option(False, "--show-password", help="Print the password itself."),
) -> None:
    """Show how to open the graph in Neo4j Browser: URL, login, the :style to apply and preset queries.

    Example: zonekg browser
    """
    from zonekg.graph.browser import browser_info, browser_text
    from zonekg.graph.connection import open_driver, resolve_settings
    from zonekg.schema.errors import DatabaseError

    settings = resolve_settings()
    try:
        driver = open_driver(settings)
    except DatabaseError as exc:
        typer.secho(f"note: {exc}; example ids are not checked against the graph", err=True, fg=typer.colors.YELLOW)
        driver = None
    try:
        info = browser_info(settings.uri, settings.user, settings.http_url, settings.password_file,
                            settings.password if show_password else None, driver, settings.database)
    finally:
        if driver is not None:
            driver.close()
    typer.echo(browser_text(info))


def export(
    fmt: ExportFormatName = typer.Option(ExportFormatName.turtle.value, "--format", "-f", help="RDF serialisation."),
    out: Path = typer.Option(..., "--out", "-o", help="File to write ('-' = stdout)."),
    graph: list[Path] = typer.Option([], "--graph", "-g", help="Export these JSON Lines files instead of Neo4j."),
    base: str | None = typer.Option(None, "--base", help="Base IRI for entity, document and fact IRIs."),
) -> None:
    """Export the graph as RDF (ORG, PROV-O, SKOS, schema.org), from Neo4j or from JSON Lines files.

    Example: zonekg export --format turtle --out zonekg.ttl
    """
    from zonekg.graph.exporters import get_format
    from zonekg.graph.inputs import read_graph
    from zonekg.graph.rdf import records_to_rdf
    from zonekg.graph.readback import read_back
    from zonekg.graph.vocab import DEFAULT_BASE

    problems: list[str] = []
    if graph:
        source = read_graph(graph)
        records, problems = source.records, source.problems
    else:
        with _driver() as (driver, settings):
            records = read_back(driver, settings.database)
    result = records_to_rdf(records, base or DEFAULT_BASE)
    text = get_format(fmt.value).serialize(result.graph)
    if str(out) == "-":
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    for problem in problems + result.problems:
        typer.secho(f"warning: {problem}", err=True, fg=typer.colors.YELLOW)
    typer.secho(f"{result.entities} entities, {result.facts} facts, {len(result.graph)} triples → {out}", err=True)


def validate(
    path: Path = typer.Argument(..., help="An exported RDF file (.ttl, .jsonld or .nt)."),
) -> None:
    """Check an RDF export against zonekg's SHACL shapes; exit 1 when it does not conform.

    Example: zonekg validate zonekg.ttl
    """
    from zonekg.graph.validate import validate_file

    report = validate_file(path)
    if report.conforms:
        typer.echo(f"{path}: conforms ({report.triples} triples)")
        return
    typer.echo(report.text)
    typer.secho(f"{path}: does not conform to the zonekg shapes", err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


@schema_app.command("docs")
def schema_docs() -> None:
    """Print the schema documentation (entity and relation tables, constraints, presets) as Markdown.

    Example: zonekg schema docs > docs/SCHEMA.md
    """
    from zonekg.graph.schema_docs import schema_markdown

    sys.stdout.write(schema_markdown())


@schema_app.command("cypher")
def schema_cypher() -> None:
    """Print the Neo4j constraints and indexes the loader creates.

    Example: zonekg schema cypher > schema.cypher
    """
    from zonekg.graph.constraints import schema_statements

    typer.echo("\n".join(s + ";" for s in schema_statements()))


@schema_app.command("rdf")
def schema_rdf(
    shapes: bool = typer.Option(False, "--shapes", help="Print the SHACL shapes instead of the ontology."),
) -> None:
    """Print the RDF ontology (or, with --shapes, the SHACL shapes) as Turtle.

    Example: zonekg schema rdf --shapes > shapes.ttl
    """
    from zonekg.graph.ontology import ontology_graph
    from zonekg.graph.shapes import shapes_graph

    sys.stdout.write((shapes_graph() if shapes else ontology_graph()).serialize(format="turtle"))


@schema_app.command("style")
def schema_style() -> None:
    """Print the Neo4j Browser style sheet (GraSS) generated from the schema.

    Example: zonekg schema style > style.grass
    """
    from zonekg.graph.style import grass

    sys.stdout.write(grass())


def register(app: typer.Typer) -> None:
    """Add the graph commands and the ``schema`` sub-app to the root app."""
    app.command("load")(load)
    app.command("build")(build)
    app.command("query")(query)
    app.command("browser")(browser)
    app.command("export")(export)
    app.command("validate")(validate)
    app.add_typer(schema_app, name="schema")
