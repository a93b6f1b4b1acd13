"""Neo4j label and relationship-type names, derived from the schema and checked against it.

Cypher cannot take a label as a parameter, so every label that reaches a query
string passes through here: it must be a name from ``ENTITY_TYPES`` or
``RELATION_TYPES`` (or one of the few structural names below), never input.
"""

from __future__ import annotations

from zonekg.schema.errors import SchemaError
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

# Structural names that are not entity or relation types of the schema.
ENTITY_LABEL = "Entity"
DOCUMENT_LABEL = "Document"
MENTIONED_IN = "MENTIONED_IN"
FULLTEXT_INDEX = "entity_names"
KEYS_INDEX = "entity_keys"  # whole names and aliases as single terms, for exact lookup


def entity_labels() -> tuple[str, ...]:
    """Return the entity labels in schema order."""
    return tuple(ENTITY_TYPES)


def relationship_types() -> tuple[str, ...]:
    """Return the relationship types of facts (not provenance) in schema order."""
    return tuple(RELATION_TYPES)


def entity_label(name: str) -> str:
    """Return ``name`` when it is an entity type of the schema, else raise SchemaError."""
    if name not in ENTITY_TYPES:
        raise SchemaError(f"label {name!r} is not an entity type; valid: {', '.join(ENTITY_TYPES)}")
    return name


def relationship_type(name: str) -> str:
    """Return ``name`` when it is a relation type of the schema, else raise SchemaError."""
    if name not in RELATION_TYPES:
        raise SchemaError(f"relationship type {name!r} is not in the schema; valid: {', '.join(RELATION_TYPES)}")
    return name


def fact_pattern() -> str:
    """Return ``LOCATED_IN|PART_OF|…``: every fact relationship type, for variable-length patterns."""
    return "|".join(relationship_types())
