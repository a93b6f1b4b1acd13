"""The named, parameterised Cypher queries that answer the questions zonekg is built for.

Entity parameters are names a person types; ``zonekg.graph.query`` resolves
them to ids (exact name or alias, then full-text) before the Cypher runs, so
every query here matches by ``id`` and takes values only as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Any

from zonekg.graph.labels import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    MENTIONED_IN,
    entity_labels,
    fact_pattern,
    relationship_types,
)

# How far variable-length patterns may reach: parks of parks, chains of renames, policy lineage.
PARK_DEPTH = 5
LINEAGE_DEPTH = 10
PATH_DEPTH = 8
_FACTS = fact_pattern()


class ParamKind(str, Enum):
    """How a preset parameter's text is turned into a value."""

    ENTITY = "entity"  # a name or id, resolved to one entity id
    TEXT = "text"      # a string used as is (after NFKC and trimming)
    INT = "int"


@dataclass(frozen=True)
class Param:
    """One parameter of a preset: its kind, meaning, an example and, for entities, the allowed types."""

    name: str
    kind: ParamKind
    description: str
    example: str
    types: tuple[str, ...] = ()
    required: bool = True
    default: Any = None
    follow_renames: bool = False  # a former name stands for the zone it became


@dataclass(frozen=True)
class Preset:
    """A named query: what it answers, its Cypher and its typed parameters."""

    name: str
    description: str
    cypher: str
    params: tuple[Param, ...] = ()

    def example_params(self) -> dict[str, str]:
        """Return ``{param: example}`` for every parameter."""
        return {p.name: p.example for p in self.params}


def _stats_cypher() -> str:
    """Return the counts query: one count per schema label and type, each read from the count store, not a scan.

    Each count is its own ``CALL`` (a ``UNION`` of counts would be planned as scans).
    """
    counts = [("node", label, f"MATCH (n:{label})", "n") for label in (ENTITY_LABEL, DOCUMENT_LABEL, *entity_labels())]
    counts += [("relationship", rel, f"MATCH ()-[r:{rel}]->()", "r") for rel in (*relationship_types(), MENTIONED_IN)]
    calls = "".join(f"CALL () {{ {match} RETURN count({var}) AS c{i} }}\n"
                    for i, (_, _, match, var) in enumerate(counts))
    rows = ", ".join(f"{{kind: '{kind}', type: '{name}', count: c{i}}}" for i, (kind, name, _, _) in enumerate(counts))
    return (f"{calls}UNWIND [{rows}] AS row\n"
            "WITH row WHERE row.count > 0\n"
            "RETURN row.kind AS kind, row.type AS type, row.count AS count\n"
            "ORDER BY kind, type")


def _zone(example: str = "来凤经济开发区") -> Param:
    return Param("zone", ParamKind.ENTITY, "the zone or park, by name, short name, former name or id", example,
                 ("Zone",), follow_renames=True)


_PRESETS = (
    Preset(
        "enterprises-in-zone",
        f"Enterprises located in a zone or in any of its parks (PART_OF, up to {PARK_DEPTH} levels), with their park.",
        "MATCH (z:Zone {id: $zone})\n"
        f"MATCH (e:Enterprise)-[:LOCATED_IN]->(park:Zone)-[:PART_OF*0..{PARK_DEPTH}]->(z)\n"
        "WITH e, park ORDER BY park.name\n"
        "WITH e, collect(DISTINCT park.name) AS parks\n"
        "RETURN e.name AS enterprise, parks AS located_in, e.id AS id\n"
        "ORDER BY enterprise",
        (_zone(),),
    ),
    Preset(
        "zones-of-enterprise",
        "The zones an enterprise sits in, invests in (directly or through a project) or cooperates with.",
        "MATCH (e:Enterprise {id: $enterprise})\n"
        "CALL (e) {\n"
        "  MATCH (e)-[r:LOCATED_IN|INVESTS_IN|COOPERATES_WITH]-(z:Zone) RETURN z, type(r) AS how\n"
        "  UNION\n"
        "  MATCH (e)-[:INVESTS_IN]->(p:Project)-[:LOCATED_IN]->(z:Zone) RETURN z, 'INVESTS_IN ' + p.name AS how\n"
        "}\n"
        "WITH z, how ORDER BY how\n"
        "WITH z, collect(DISTINCT how) AS via\n"
        "RETURN z.name AS zone, via,\n"
        f"  COLLECT {{ MATCH (z)-[:PART_OF*1..{PARK_DEPTH}]->(p:Zone) RETURN DISTINCT p.name AS n ORDER BY n }} AS part_of,\n"
        "  COLLECT { MATCH (z)-[:IN_REGION]->(pl:Place) RETURN pl.name AS n ORDER BY n } AS region\n"
        "ORDER BY zone",
        (Param("enterprise", ParamKind.ENTITY, "the enterprise, by full or short name", "湖南熙可食品有限公司",
               ("Enterprise",)),),
    ),
    Preset(
        "zone-profile",
        "One zone at a glance: aliases and former names, region, parks, industries, leaders, policies, enterprise count.",
        "MATCH (z:Zone {id: $zone})\n"
        "RETURN z.name AS name, z.aliases AS aliases, z.level AS level,\n"
        f"  COLLECT {{ MATCH (z)-[:RENAMED_FROM|MERGED_FROM*1..{PARK_DEPTH}]->(f:Zone) RETURN DISTINCT f.name AS n ORDER BY n }} AS former_names,\n"
        f"  COLLECT {{ MATCH (z)<-[:RENAMED_FROM*1..{PARK_DEPTH}]-(f:Zone) RETURN DISTINCT f.name AS n ORDER BY n }} AS later_names,\n"
        "  COLLECT { MATCH (z)-[:IN_REGION]->(p:Place) RETURN p.name AS n ORDER BY n } AS region,\n"
        "  COLLECT { MATCH (z)-[:PART_OF]->(p:Zone) RETURN p.name AS n ORDER BY n } AS part_of,\n"
        f"  COLLECT {{ MATCH (p:Zone)-[:PART_OF*1..{PARK_DEPTH}]->(z) RETURN DISTINCT p.name AS n ORDER BY n }} AS parks,\n"
        "  COLLECT { MATCH (z)-[:HAS_INDUSTRY]->(i:Industry) RETURN i.name AS n ORDER BY n } AS industries,\n"
        "  COLLECT { MATCH (p:Person)-[h:HOLDS_POSITION]->(z) RETURN p.name + coalesce(' ' + h.title, '') AS n ORDER BY n } AS leaders,\n"
        "  COLLECT { MATCH (p:Policy)-[:APPLIES_TO]->(z) RETURN p.name AS n ORDER BY n } AS policies,\n"
        f"  size(COLLECT {{ MATCH (e:Enterprise)-[:LOCATED_IN]->(:Zone)-[:PART_OF*0..{PARK_DEPTH}]->(z) RETURN DISTINCT e.id AS n }}) AS enterprises",
        (_zone(),),
    ),
    Preset(
        "zone-timeline",
        "Dated events of a zone in date order: renames and mergers along its name chain, policies, visits, investments.",
        "MATCH (z:Zone {id: $zone})\n"
        f"WITH COLLECT {{ MATCH (z)-[:RENAMED_FROM|MERGED_FROM*0..{PARK_DEPTH}]-(a:Zone) RETURN DISTINCT a }} AS chain\n"
        "CALL (chain) {\n"
        "  UNWIND chain AS a MATCH (a)-[r:RENAMED_FROM|MERGED_FROM]->(b:Zone)\n"
        "  RETURN r.date AS date, CASE type(r) WHEN 'RENAMED_FROM' THEN 'renamed' ELSE 'merged' END AS event,\n"
        "         b.name + ' -> ' + a.name AS detail, r.evidence_text[0] AS evidence\n"
        "  UNION\n"
        "  UNWIND chain AS a MATCH (p:Policy)-[:APPLIES_TO]->(a)\n"
        "  MATCH (p)-[i:ISSUED_BY]->(o:Organization) WHERE i.date IS NOT NULL\n"
        "  RETURN i.date AS date, 'policy' AS event, p.name + ' (' + o.name + ')' AS detail, i.evidence_text[0] AS evidence\n"
        "  UNION\n"
        "  UNWIND chain AS a MATCH (x:Entity)-[r:VISITED|INVESTS_IN|COOPERATES_WITH]-(a) WHERE r.date IS NOT NULL\n"
        "  RETURN r.date AS date, toLower(type(r)) AS event, startNode(r).name + ' -> ' + endNode(r).name AS detail,\n"
        "         r.evidence_text[0] AS evidence\n"
        "}\n"
        "RETURN date, event, detail, evidence\n"
        "ORDER BY date, event, detail",
        (_zone(),),
    ),
    Preset(
        "policy-lineage",
        "A policy's lineage: the documents it implements (upstream, IMPLEMENTS*) and those implementing it (downstream).",
        "MATCH (p:Policy {id: $policy})\n"
        "CALL (p) {\n"
        f"  MATCH path = (p)-[:IMPLEMENTS*1..{LINEAGE_DEPTH}]->(u:Policy) RETURN u AS other, length(path) AS depth\n"
        "  UNION\n"
        f"  MATCH path = (d:Policy)-[:IMPLEMENTS*1..{LINEAGE_DEPTH}]->(p) RETURN d AS other, -length(path) AS depth\n"
        "  UNION\n"
        "  RETURN p AS other, 0 AS depth\n"
        "}\n"
        "WITH other, max(depth) AS level\n"
        "RETURN level,\n"
        "  CASE WHEN level > 0 THEN 'upstream' WHEN level < 0 THEN 'downstream' ELSE 'this' END AS direction,\n"
        "  other.name AS policy,\n"
        "  COLLECT { MATCH (other)-[:ISSUED_BY]->(o:Organization) RETURN o.name AS n ORDER BY n } AS issuers,\n"
        "  COLLECT { MATCH (other)-[i:ISSUED_BY]->(:Organization) WHERE i.date IS NOT NULL RETURN i.date AS d ORDER BY d }[0] AS date,\n"
        "  COLLECT { MATCH (other)-[:IMPLEMENTS]->(t:Policy) RETURN t.name AS n ORDER BY n } AS implements\n"
        "ORDER BY level DESC, policy",
        (Param("policy", ParamKind.ENTITY, "the policy document, by title or document number",
               "湖北省经济技术开发区条例", ("Policy",)),),
    ),
    Preset(
        "policies-for-zone",
        "Policy documents that apply to a zone, its parks or its former names, with issuers and dates.",
        "MATCH (z:Zone {id: $zone})\n"
        # the zone's own parks and names first, then their policies: no scan of every APPLIES_TO
        "CALL (z) {\n"
        "  RETURN z AS t\n"
        "  UNION\n"
        f"  MATCH (t:Zone)-[:PART_OF*1..{PARK_DEPTH}]->(z) RETURN t\n"
        "  UNION\n"
        f"  MATCH (z)-[:RENAMED_FROM*1..{PARK_DEPTH}]-(t:Zone) RETURN t\n"
        "}\n"
        "MATCH (p:Policy)-[:APPLIES_TO]->(t)\n"
        "WITH p, t ORDER BY t.name\n"
        "WITH p, collect(DISTINCT t.name) AS applies_to\n"
        "RETURN p.name AS policy, applies_to,\n"
        "  COLLECT { MATCH (p)-[:ISSUED_BY]->(o:Organization) RETURN o.name AS n ORDER BY n } AS issuers,\n"
        "  COLLECT { MATCH (p)-[i:ISSUED_BY]->(:Organization) WHERE i.date IS NOT NULL RETURN i.date AS d ORDER BY d }[0] AS date,\n"
        "  COLLECT { MATCH (p)-[:IMPLEMENTS]->(u:Policy) RETURN u.name AS n ORDER BY n } AS implements\n"
        "ORDER BY date, policy",
        (_zone(),),
    ),
    Preset(
        "officials",
        "People and their posts, everywhere or at one organisation or zone.",
        # one organisation is found by id and expanded; only without one are all posts listed
        "CALL () {\n"
        "  MATCH (org:Entity {id: $at})<-[h:HOLDS_POSITION]-(person:Person) RETURN person, h, org\n"
        "  UNION ALL\n"
        "  WITH 1 AS one WHERE $at IS NULL\n"
        "  MATCH (person:Person)-[h:HOLDS_POSITION]->(org:Entity) RETURN person, h, org\n"
        "}\n"
        "RETURN person.name AS person, h.title AS title, org.name AS organization,\n"
        "       h.evidence_text[0] AS evidence\n"
        "ORDER BY organization, person, title\n"
        "LIMIT $limit",
        (Param("at", ParamKind.ENTITY, "optional: only posts at this organisation or zone", "来凤经济开发区",
               ("Organization", "Zone"), required=False),
         # a listing of every post grows with the graph; the first ones in order are what a reader scans
         Param("limit", ParamKind.INT, "most posts shown", "200", required=False, default=200)),
    ),
    Preset(
        "investments-in-zone",
        "Investments into a zone, its parks or projects located there, ranked by amount (per unit, largest first).",
        "MATCH (z:Zone {id: $zone})\n"
        "CALL (z) {\n"
        f"  MATCH (e:Enterprise)-[r:INVESTS_IN]->(p:Project)-[:LOCATED_IN]->(:Zone)-[:PART_OF*0..{PARK_DEPTH}]->(z)\n"
        "  RETURN e, r, p.name AS target\n"
        "  UNION\n"
        f"  MATCH (e:Enterprise)-[r:INVESTS_IN]->(t:Zone)-[:PART_OF*0..{PARK_DEPTH}]->(z)\n"
        "  RETURN e, r, t.name AS target\n"
        "}\n"
        "RETURN e.name AS investor, target, r.amount_value AS amount, r.amount_unit AS unit,\n"
        "       r.amount_text AS amount_text, r.date AS date\n"
        "ORDER BY amount IS NULL, unit, amount DESC, investor, target",
        (_zone(),),
    ),
    Preset(
        "zones-by-industry",
        "Zones with a leading or planned industry whose name (or alias) contains the given text.",
        "MATCH (z:Zone)-[:HAS_INDUSTRY]->(i:Industry)\n"
        "WHERE i.name CONTAINS $industry OR any(a IN coalesce(i.aliases, []) WHERE a CONTAINS $industry)\n"
        "WITH z, i ORDER BY i.name\n"
        "WITH z, collect(DISTINCT i.name) AS industries\n"
        "RETURN z.name AS zone, industries,\n"
        "  COLLECT { MATCH (z)-[:IN_REGION]->(p:Place) RETURN p.name AS n ORDER BY n } AS region\n"
        "ORDER BY zone",
        (Param("industry", ParamKind.TEXT, "part of an industry name", "电子信息"),),
    ),
    Preset(
        "path",
        "The shortest chain of facts linking two named entities.",
        "MATCH (a:Entity {id: $source})\n"
        "MATCH (b:Entity {id: $target}) WHERE b <> a  // a path needs two different ends\n"
        f"MATCH p = shortestPath((a)-[:{_FACTS}*..{PATH_DEPTH}]-(b))\n"
        "RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relations, p AS path",
        (Param("source", ParamKind.ENTITY, "where the path starts, any entity", "卢红鹂"),
         Param("target", ParamKind.ENTITY, "where it ends, any entity", "来凤县")),
    ),
    Preset(
        "evidence",
        "The sentences behind every fact between two named entities, with the document they come from.",
        f"MATCH (a:Entity {{id: $source}})-[r:{_FACTS}]-(b:Entity {{id: $target}})\n"
        "UNWIND range(0, size(coalesce(r.evidence_docs, [])) - 1) AS i\n"
        "OPTIONAL MATCH (d:Document {id: r.evidence_docs[i]})\n"
        "RETURN type(r) AS relation, startNode(r).name AS head, endNode(r).name AS tail,\n"
        "       r.evidence_docs[i] AS doc, d.title AS title, r.evidence_spans[i] AS span, r.evidence_text[i] AS text\n"
        "ORDER BY relation, head, tail, doc, span",
        (Param("source", ParamKind.ENTITY, "one entity", "桂花树工业园"),
         Param("target", ParamKind.ENTITY, "the other entity", "来凤经济开发区")),
    ),
    Preset(
        "neighbourhood",
        "An entity and its direct facts as a graph (for Neo4j Browser), with each neighbour's name.",
        "MATCH (n:Entity {id: $entity})\n"
        f"MATCH p = (n)-[r:{_FACTS}]-(m:Entity)\n"
        "RETURN type(r) AS relation, m.name AS neighbour, p AS path\n"
        "ORDER BY relation, neighbour\n"
        "LIMIT $limit",
        (Param("entity", ParamKind.ENTITY, "any entity, by name", "来凤经济开发区"),
         Param("limit", ParamKind.INT, "most facts shown", "100", required=False, default=100)),
    ),
    Preset(
        "stats",
        "How many nodes of each label and relationships of each type the graph holds.",
        _stats_cypher(),
    ),
)

PRESETS: MappingProxyType[str, Preset] = MappingProxyType({p.name: p for p in _PRESETS})

# The closed choice for the command line; Typer lists it in --help.
PresetName = Enum("PresetName", {p.name.replace("-", "_"): p.name for p in _PRESETS}, type=str)
