"""The Neo4j Browser style sheet (GraSS) generated from the schema: one colour per label, Chinese names as captions."""

from __future__ import annotations

from importlib import resources

from zonekg.graph.labels import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONED_IN
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

STYLE_FILE = "style.grass"
_DOCUMENT_COLOR = "#A5ABB6"


def _darker(color: str, factor: float = 0.8) -> str:
    """Return ``color`` (``#RRGGBB``) darkened, for the node's border."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{int(c * factor):02x}" for c in rgb)


def _block(selector: str, rules: list[tuple[str, str]]) -> str:
    body = "".join(f"  {key}: {value};\n" for key, value in rules)
    return f"{selector} {{\n{body}}}\n"


def grass() -> str:
    """Return the GraSS text: default node and relationship rules, then one rule per label and type."""
    blocks = [
        _block("node", [("diameter", "50px"), ("color", _DOCUMENT_COLOR), ("border-color", _darker(_DOCUMENT_COLOR)),
                        ("border-width", "2px"), ("text-color-internal", "#FFFFFF"), ("font-size", "10px")]),
        _block("relationship", [("color", "#A5ABB6"), ("shaft-width", "1px"), ("font-size", "8px"),
                                ("padding", "3px"), ("text-color-external", "#000000"),
                                ("text-color-internal", "#FFFFFF"), ("caption", '"<type>"')]),
    ]
    # Every entity also carries the common label; a neutral rule for it, placed before the
    # type rules, keeps Browser from inventing a colour for it that would hide the type's.
    blocks.append(_block(f"node.{ENTITY_LABEL}", [("caption", '"{name}"')]))
    for t in ENTITY_TYPES.values():
        blocks.append(_block(f"node.{t.name}", [
            ("color", t.color), ("border-color", _darker(t.color)), ("text-color-internal", "#FFFFFF"),
            ("diameter", "55px"), ("caption", '"{name}"')]))
    blocks.append(_block(f"node.{DOCUMENT_LABEL}", [
        ("color", _DOCUMENT_COLOR), ("border-color", _darker(_DOCUMENT_COLOR)), ("diameter", "30px"),
        ("caption", '"{title}"')]))
    for name in RELATION_TYPES:
        blocks.append(_block(f"relationship.{name}", [("caption", '"<type>"')]))
    blocks.append(_block(f"relationship.{MENTIONED_IN}", [("color", "#D3D3D3"), ("caption", '""')]))
    return "\n".join(blocks)


def shipped_grass() -> str:
    """Return the style sheet shipped with the package (``graph/style.grass``)."""
    return resources.files("zonekg.graph").joinpath(STYLE_FILE).read_text(encoding="utf-8")


def style_command() -> str:
    """Return the one-line ``:style`` command that applies the sheet when pasted into Neo4j Browser.

    One line, because Enter in the Browser editor runs what has been typed so far.
    """
    return ":style " + " ".join(line.strip() for line in grass().splitlines() if line.strip())
