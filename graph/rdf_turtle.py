"""Turtle: the readable RDF export, prefixes bound."""

from __future__ import annotations

from rdflib import Graph


def serialize(graph: Graph) -> str:
    """Return ``graph`` as Turtle."""
    return graph.serialize(format="turtle")


def parse(text: str) -> Graph:
    """Return the graph read from Turtle text."""
    return Graph().parse(data=text, format="turtle")
