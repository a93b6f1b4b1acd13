"""The contract inside a spaCy Doc: extension attributes, span groups and relation candidates.

Entity components write ``doc.ents`` (non-overlapping mentions labelled with a
type name from ``zonekg.schema.types.ENTITY_TYPES``) and ``doc.spans["nested"]``
(mentions inside other mentions). ``Doc._.region`` is the document's guessed
administrative region, ``Doc._.doc_id`` its id, and ``Doc._.relations`` the
list of :class:`RelationCandidate` that relation components append to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

NESTED = "nested"  # span group key of mentions nested inside other mentions
TEXT_KEY = "zonekg_text"  # Doc.user_data key caching doc.text (see doc_text)


@dataclass
class RelationCandidate:
    """A relation proposed by a rule: type, head/tail spans, evidence offsets and properties.

    ``evidence`` is ``(start, end)`` char offsets into ``doc.text`` of the sentence or
    clause that states the fact. ``properties`` may hold ``date`` (ISO, partial allowed),
    ``amount`` (a ``zonekg.schema.records.Amount``) and ``title`` (HOLDS_POSITION).
    """

    type: str
    head: Span
    tail: Span
    evidence: tuple[int, int]
    properties: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.8


@dataclass(frozen=True)
class Region:
    """A document's administrative region: province, city and county names (any may be None)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None

    def __str__(self) -> str:
        return "".join(p for p in (self.province, self.city, self.county) if p)

    def lowest(self) -> str | None:
        """Return the most specific level named (county, else city, else province)."""
        return self.county or self.city or self.province


def register_extensions() -> None:
    """Register the Doc extension attributes once per process (idempotent)."""
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("region"):
        Doc.set_extension("region", default=None)
    # a default list would be shared between docs: each list lives in a per-doc store set on first access
    for name in ("relations", "candidates"):
        if not Doc.has_extension(name):
            Doc.set_extension(f"{name}_store", default=None)
            Doc.set_extension(name, getter=_per_doc_list(f"{name}_store"))


def _per_doc_list(store_name: str):
    """Return a getter giving each Doc its own list kept in the extension ``store_name``."""
    def getter(doc: Doc) -> list:
        store = getattr(doc._, store_name)
        if store is None:
            store = []
            setattr(doc._, store_name, store)
        return store
    return getter


def nested_spans(doc: Doc) -> list[Span]:
    """Return the nested-mention span group of ``doc`` (an empty list when absent)."""
    return list(doc.spans[NESTED]) if NESTED in doc.spans else []


register_extensions()


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, computed once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text
