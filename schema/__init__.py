"""The ground floor of zonekg: entity and relation types, the records that flow
between stages (FORMAT.md), stable ids and the error hierarchy.

Nothing here imports another zonekg package.
"""

from zonekg.schema.errors import ZonekgError
from zonekg.schema.records import Amount, Document, Entity, Evidence, Mention, Relation
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES, EntityType, RelationType

__all__ = [
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "Amount",
    "Document",
    "Entity",
    "EntityType",
    "Evidence",
    "Mention",
    "Relation",
    "RelationType",
    "ZonekgError",
]
