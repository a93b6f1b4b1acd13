"""What a person needs to look at the graph in Neo4j Browser: URL, login, style command, preset queries."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import neo4j

from zonekg.graph.names import resolve_name
from zonekg.graph.presets import PRESETS, ParamKind
from zonekg.graph.style import style_command
from zonekg.schema.errors import ZonekgError
from zonekg.schema.ids import entity_id


@dataclass
class BrowserQuery:
    """One preset ready to paste: the ``:param`` lines with example values, then the Cypher."""

    name: str
    description: str
    params: dict[str, object]
    cypher: str

    def text(self) -> str:
        """Return the comment, ``:param`` lines and Cypher as one pasteable block."""
        lines = [f"// {self.name}: {self.description}"]
        lines += [f":param {k} => {json.dumps(v, ensure_ascii=False)}" for k, v in self.params.items()]
        lines.append(self.cypher + ";")
        return "\n".join(lines)


@dataclass
class BrowserInfo:
    """Where Neo4j Browser is, how to log in, and what to paste into it."""

    url: str | None
    bolt_uri: str
    user: str
    password_file: str | None
    password: str | None
    style: str
    queries: list[BrowserQuery] = field(default_factory=list)


def _example_value(driver: neo4j.Driver | None, database: str | None, kind: ParamKind, example: str,
                   types: tuple[str, ...]) -> object:
    if kind is ParamKind.INT:
        return int(example)
    if kind is not ParamKind.ENTITY:
        return example
    if driver is not None:
        try:
            return resolve_name(driver, example, types, database).id
        except ZonekgError:
            pass  # not in this graph: fall back to the id the name would have
    # Not checked against a graph: the id the name would have (for any-type parameters, the name itself).
    return entity_id(types[0], example) if types else example


def browser_queries(driver: neo4j.Driver | None = None, database: str | None = None) -> list[BrowserQuery]:
    """Return every preset with example parameters; entity examples are resolved to ids when a driver is given."""
    out = []
    for preset in PRESETS.values():
        params = {p.name: _example_value(driver, database, p.kind, p.example, p.types) for p in preset.params}
        out.append(BrowserQuery(preset.name, preset.description, params, preset.cypher))
    return out


def browser_info(bolt_uri: str, user: str, http_url: str | None, password_file: str | None,
                 password: str | None = None, driver: neo4j.Driver | None = None,
                 database: str | None = None) -> BrowserInfo:
    """Return the Browser details; ``password`` is kept only when the caller asked to show it."""
    url = http_url.rstrip("/") + "/browser/" if http_url else None
    return BrowserInfo(url, bolt_uri, user, password_file, password, style_command(),
                       browser_queries(driver, database))


def browser_text(info: BrowserInfo) -> str:
    """Return the instructions as plain text for the terminal."""
    if info.password is not None:
        secret = info.password
    elif info.password_file:
        secret = f"in {info.password_file} (add --show-password to print it)"
    else:
        secret = "the NEO4J_PASSWORD you set"
    lines = [
        f"Neo4j Browser: {info.url or 'unknown (not the managed server; open your server’s /browser/ page)'}",
        f"Connect URL:   {info.bolt_uri}",
        f"User:          {info.user}",
        f"Password:      {secret}",
        "",
        "1. Apply the zonekg style: paste this into the Browser editor and run it.",
        "",
        info.style.rstrip(),
        "",
        "2. Run a preset: run each :param line (it sets a parameter), then paste and run the query.",
        "   With 'Enable multi statement query editor' on in Browser settings, a whole block runs at once.",
        "",
    ]
    for query in info.queries:
        lines += [query.text(), ""]
    return "\n".join(lines)
