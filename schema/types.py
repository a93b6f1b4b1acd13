"""The entity and relation types of the zonekg graph: the single source.

Neo4j constraints and indexes, the RDF ontology, the SHACL shapes, the Browser
style and the documentation tables are all generated from these two tables;
no other module spells a type name out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from zonekg.schema.errors import SchemaError


@dataclass(frozen=True)
class EntityType:
    """One kind of node: its label, id prefix, Chinese caption and Browser colour."""

    name: str
    prefix: str
    label_zh: str
    description: str
    examples: tuple[str, ...]
    color: str
    properties: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationType:
    """One kind of edge: which entity types may stand at its head and tail."""

    name: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]
    label_zh: str
    description: str
    properties: tuple[str, ...] = ()

    def allows(self, head_type: str, tail_type: str) -> bool:
        """Return whether a head of ``head_type`` may point at a tail of ``tail_type``."""
        return head_type in self.heads and tail_type in self.tails


_ENTITY_TYPES = (
    EntityType("Zone", "zone", "开发区/园区",
               "a development zone or a park inside one (经开区, 高新区, 工业园, 产业园, 综合保税区)",
               ("永州经济技术开发区", "桂花树工业园"), "#F79767", ("level",)),
    EntityType("Enterprise", "enterprise", "企业",
               "a named company or a brand acting as a company",
               ("长丰猎豹", "燕京啤酒"), "#57C7E3"),
    EntityType("Person", "person", "人物",
               "a named person; the post goes on HOLDS_POSITION",
               ("陈文浩", "卢红鹂"), "#F16667"),
    EntityType("Organization", "org", "机构",
               "a government body, party committee, agency, association or university",
               ("国家发改委", "永州市委"), "#8DCC93"),
    EntityType("Policy", "policy", "政策文件",
               "a policy document, regulation, plan, notice or official reply (title or number)",
               ("湖北省经济技术开发区条例", "鄂体改[2001]127号"), "#D9C8AE", ("doc_number",)),
    EntityType("Place", "place", "行政区",
               "a province, city, county/district or town named as a location",
               ("湖南省", "来凤县"), "#4C8EDA", ("level", "code")),
    EntityType("Industry", "industry", "产业",
               "an industry sector or cluster named as a line of business",
               ("电子信息", "先进装备制造"), "#C990C0"),
    EntityType("Project", "project", "项目",
               "a named investment or construction project",
               ("烟草产业园", "北斗数据中心"), "#FFC454"),
)

_ANY_ACTOR = ("Organization", "Zone", "Enterprise")

_RELATION_TYPES = (
    RelationType("LOCATED_IN", ("Enterprise", "Project"), ("Zone",), "位于",
                 "the enterprise or project sits (or is being built) in the zone or park"),
    RelationType("PART_OF", ("Zone",), ("Zone",), "隶属",
                 "a park is part of a larger zone"),
    RelationType("IN_REGION", ("Zone",), ("Place",), "所在地区",
                 "the zone lies in that administrative area"),
    RelationType("RENAMED_FROM", ("Zone",), ("Zone",), "原名",
                 "the zone was formerly called / upgraded from the other", ("date",)),
    RelationType("MERGED_FROM", ("Zone",), ("Zone",), "合并自",
                 "the zone was formed by merging the other", ("date",)),
    RelationType("HAS_INDUSTRY", ("Zone", "Enterprise"), ("Industry",), "产业",
                 "a leading or planned industry of the zone, or the enterprise's sector"),
    RelationType("INVESTS_IN", ("Enterprise",), ("Project", "Zone"), "投资",
                 "the enterprise invests in or signs for the project or zone", ("amount", "date")),
    RelationType("ISSUED_BY", ("Policy",), ("Organization",), "发布机关",
                 "the body that issued or approved the document", ("date",)),
    RelationType("IMPLEMENTS", ("Policy",), ("Policy",), "依据",
                 "the head document implements, details or is based on the tail document"),
    RelationType("APPLIES_TO", ("Policy",), ("Zone",), "适用",
                 "the document governs or concerns that zone"),
    RelationType("HOLDS_POSITION", ("Person",), ("Organization", "Zone"), "任职",
                 "the person holds a post there", ("title",)),
    RelationType("VISITED", ("Person",), ("Zone",), "视察",
                 "the person inspected or visited the zone", ("date",)),
    RelationType("COOPERATES_WITH", _ANY_ACTOR, _ANY_ACTOR, "合作",
                 "a signed cooperation, assistance or partnership", ("date",)),
)

ENTITY_TYPES: MappingProxyType[str, EntityType] = MappingProxyType({t.name: t for t in _ENTITY_TYPES})
RELATION_TYPES: MappingProxyType[str, RelationType] = MappingProxyType({t.name: t for t in _RELATION_TYPES})
PREFIX_TO_TYPE: MappingProxyType[str, str] = MappingProxyType({t.prefix: t.name for t in _ENTITY_TYPES})

# Enums for closed choices on the command line (Typer lists them in --help).
EntityTypeName = Enum("EntityTypeName", {name: name for name in ENTITY_TYPES}, type=str)
RelationTypeName = Enum("RelationTypeName", {name: name for name in RELATION_TYPES}, type=str)


def entity_type(name: str) -> EntityType:
    """Return the entity type called ``name`` or raise SchemaError listing the valid ones."""
    try:
        return ENTITY_TYPES[name]
    except KeyError:
        raise SchemaError(f"unknown entity type {name!r}; valid: {', '.join(ENTITY_TYPES)}") from None


def relation_type(name: str) -> RelationType:
    """Return the relation type called ``name`` or raise SchemaError listing the valid ones."""
    try:
        return RELATION_TYPES[name]
    except KeyError:
        raise SchemaError(f"unknown relation type {name!r}; valid: {', '.join(RELATION_TYPES)}") from None
