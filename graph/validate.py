"""Validate an RDF graph or file against zonekg's SHACL shapes with pyshacl."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Graph

from zonekg.graph.exporters import format_for_path
from zonekg.graph.shapes import shapes_graph
from zonekg.schema.errors import InputError


@dataclass
class ValidationReport:
    """Whether the data conforms, and pyshacl's text report when it does not."""

    conforms: bool
    text: str
    triples: int


def validate_graph(data: Graph) -> ValidationReport:
    """Return the SHACL validation of ``data`` (no inference: the export states every type it relies on)."""
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    return ValidationReport(bool(conforms), str(text), len(data))


def validate_file(path: str | Path) -> ValidationReport:
    """Parse an exported RDF file (format from its suffix) and validate it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the RDF file ({exc.strerror}); export one with zonekg export") from exc
    try:
        data = format_for_path(path).parse(text)
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        raise InputError(str(path), f"not valid {format_for_path(path).name} RDF ({exc}); "
                                    "re-export it with zonekg export") from exc
    return validate_graph(data)
