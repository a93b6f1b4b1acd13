"""The records of FORMAT.md as typed data classes, with their JSON forms.

These are the contract between ``zonekg.extractors`` (which writes them) and
``zonekg.graph`` (which loads and exports them). ``to_json``/``from_json``
round-trip exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zonekg.schema.errors import RecordError
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES


@dataclass(frozen=True)
class Document:
    """One article: a file, or one part of a multi-article file."""

    id: str
    source: str
    part: int = 0
    title: str | None = None
    published: str | None = None
    sha256: str = ""
    chars: int = 0
    text: str | None = None  # the normalised text; written only when asked for

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "document", "id": self.id, "source": self.source, "part": self.part,
            "title": self.title, "published": self.published, "sha256": self.sha256, "chars": self.chars,
        }
        if with_text and self.text is not None:
            out["text"] = self.text
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Document:
        return cls(id=obj["id"], source=obj["source"], part=obj.get("part", 0), title=obj.get("title"),
                   published=obj.get("published"), sha256=obj.get("sha256", ""),
                   chars=obj.get("chars", 0), text=obj.get("text"))


@dataclass(frozen=True, order=True)
class Mention:
    """A span ``[start, end)`` of a document's normalised text."""

    doc: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Mention:
        return cls(obj["doc"], int(obj["start"]), int(obj["end"]), obj["text"])


# Evidence has the same shape as a mention: the sentence or clause that states a fact.
Evidence = Mention


@dataclass(frozen=True)
class Amount:
    """A money amount normalised to its unit (CNY or USD), with the text it came from."""

    value: float
    unit: str
    text: str

    def to_json(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "text": self.text}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Amount:
        return cls(obj["value"], obj["unit"], obj["text"])


@dataclass
class Entity:
    """One real-world thing across the whole run, with every surface form seen."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise RecordError(f"entity {self.id}: unknown type {self.type!r}; valid: {', '.join(ENTITY_TYPES)}")

    def to_json(self) -> dict[str, Any]:
        return {"kind": "entity", "id": self.id, "type": self.type, "name": self.name,
                "aliases": list(self.aliases), "properties": dict(self.properties),
                "mentions": [m.to_json() for m in self.mentions]}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Entity:
        return cls(id=obj["id"], type=obj["type"], name=obj["name"], aliases=list(obj.get("aliases", [])),
                   properties=dict(obj.get("properties", {})),
                   mentions=[Mention.from_json(m) for m in obj.get("mentions", [])])


@dataclass
class Relation:
    """A typed, directed fact between two entities, with the evidence that states it."""

    id: str
    type: str
    head: str
    tail: str
    properties: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.type not in RELATION_TYPES:
            raise RecordError(f"relation {self.id}: unknown type {self.type!r}; valid: {', '.join(RELATION_TYPES)}")

    def to_json(self) -> dict[str, Any]:
        props = {k: (v.to_json() if isinstance(v, Amount) else v) for k, v in self.properties.items()}
        return {"kind": "relation", "id": self.id, "type": self.type, "head": self.head, "tail": self.tail,
                "properties": props, "confidence": self.confidence,
                "evidence": [e.to_json() for e in self.evidence]}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Relation:
        props = dict(obj.get("properties", {}))
        if isinstance(props.get("amount"), dict):
            props["amount"] = Amount.from_json(props["amount"])
        return cls(id=obj["id"], type=obj["type"], head=obj["head"], tail=obj["tail"], properties=props,
                   confidence=float(obj.get("confidence", 1.0)),
                   evidence=[Mention.from_json(e) for e in obj.get("evidence", [])])


Record = Document | Entity | Relation
