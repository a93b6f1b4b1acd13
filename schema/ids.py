"""Stable ids: the same input gives the same id on every run and machine."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import PurePath

from zonekg.schema.types import entity_type


def document_id(source: str, part: int = 0) -> str:
    """Return ``doc:<file stem>`` for part 0 and ``doc:<file stem>#<part>`` after it."""
    stem = PurePath(source.split("?")[0].rstrip("/")).stem or _digest(source)
    base = f"doc:{stem}"
    return base if part == 0 else f"{base}#{part}"


def entity_id(type_name: str, name: str) -> str:
    """Return ``<prefix>:<name>`` for an entity, the name NFKC-folded and stripped of spaces."""
    folded = "".join(unicodedata.normalize("NFKC", name).split())
    return f"{entity_type(type_name).prefix}:{folded}"


def relation_id(type_name: str, head: str, tail: str) -> str:
    """Return ``rel:<16 hex digits>`` from the relation's type, head id and tail id."""
    return "rel:" + _digest(f"{type_name}\x1f{head}\x1f{tail}")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
