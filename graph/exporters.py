"""RDF export formats by name: each maps to a module imported on first use that serialises and parses."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import MappingProxyType, ModuleType

from rdflib import Graph

from zonekg.schema.errors import ConfigError


@dataclass(frozen=True)
class ExportFormat:
    """One RDF serialisation: its name, aliases, file suffix, media type and the module that writes it."""

    name: str
    aliases: tuple[str, ...]
    suffix: str
    media_type: str
    module: str

    def _impl(self) -> ModuleType:
        return importlib.import_module(self.module)

    def serialize(self, graph: Graph) -> str:
        """Return ``graph`` written in this format."""
        return self._impl().serialize(graph)

    def parse(self, text: str) -> Graph:
        """Return the graph read from ``text`` in this format."""
        return self._impl().parse(text)


_FORMATS = (
    ExportFormat("turtle", ("ttl", "text/turtle"), ".ttl", "text/turtle", "zonekg.graph.rdf_turtle"),
    ExportFormat("jsonld", ("json-ld", "application/ld+json"), ".jsonld", "application/ld+json",
                 "zonekg.graph.rdf_jsonld"),
    ExportFormat("nt", ("ntriples", "n-triples", "application/n-triples"), ".nt", "application/n-triples",
                 "zonekg.graph.rdf_ntriples"),
)

FORMATS: MappingProxyType[str, ExportFormat] = MappingProxyType({f.name: f for f in _FORMATS})
_BY_ALIAS = {alias: f for f in _FORMATS for alias in (f.name, *f.aliases)}

# The closed choice for ``zonekg export --format``.
ExportFormatName = Enum("ExportFormatName", {f.name: f.name for f in _FORMATS}, type=str)


def get_format(name: str) -> ExportFormat:
    """Return the format called ``name`` (or one of its aliases); raise ConfigError listing them."""
    try:
        return _BY_ALIAS[name.lower()]
    except KeyError:
        raise ConfigError(f"unknown RDF format {name!r}; valid: {', '.join(_BY_ALIAS)}") from None


def format_for_path(path: str | Path) -> ExportFormat:
    """Return the format a file's suffix names (``.ttl``, ``.jsonld``, ``.nt``)."""
    suffix = Path(path).suffix.lower()
    for fmt in _FORMATS:
        if fmt.suffix == suffix:
            return fmt
    raise ConfigError(f"{path}: cannot tell the RDF format from the suffix {suffix!r}; "
                      f"use one of {', '.join(f.suffix for f in _FORMATS)}")
