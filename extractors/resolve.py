"""Resolve mentions to entities: per document (``resolve_document``) and across a run (``merge_documents``).

A document's spaCy Doc becomes plain, picklable :class:`DocFacts` (mentions
with grouping keys, relation candidates pointing at mentions); the run then
merges facts from every document into one :class:`Entity` per real thing and
one :class:`Relation` per (type, head, tail), with stable ids.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from zonekg.extractors.data.places import load_places
from zonekg.extractors.keys import clean, department_forms, firm_key, org_key, zone_key, zone_kind
from zonekg.extractors.pipeline.candidates import GENERIC
from zonekg.extractors.pipeline.orgs import AUTONOMOUS_REGION, LEVEL_CHARS, ZONE_BODIES, ZONE_PRONOUNS
from zonekg.extractors.pipeline.zones import GENERIC_ZONES
from zonekg.extractors.pipeline.automaton import places_by_name
from zonekg.extractors.pipeline.region import pick_place
from zonekg.extractors.pipeline.spans import NESTED, Region, doc_text
from zonekg.schema.ids import entity_id, relation_id
from zonekg.schema.records import Entity, Mention, Relation
from zonekg.schema.types import RELATION_TYPES

# Nested mentions of these types, inside a mention of another type, are entities in their own right.
_NESTED_KEEP = {"Zone": ("Organization", "Policy"), "Place": ("Zone", "Organization"),
                "Enterprise": ("Project",), "Organization": ("Policy",)}


@dataclass(frozen=True, order=True)
class MentionFact:
    """One resolved mention: its entity's type and grouping key, the document's best name, and the span."""

    type: str
    key: str
    name: str
    start: int
    end: int
    surface: str
    aliases: tuple[str, ...] = ()
    properties: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class RelationFact:
    """A relation candidate whose head and tail are indexes into ``DocFacts.mentions``."""

    type: str
    head: int
    tail: int
    evidence: tuple[int, int]
    evidence_text: str
    properties: tuple[tuple[str, Any], ...]
    confidence: float


@dataclass
class DocFacts:
    """Everything one document contributes to the run (plain data, safe to send between processes)."""

    doc_id: str
    region: str | None
    mentions: list[MentionFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)


@lru_cache(maxsize=1)
def _province_prefixes() -> tuple[str, ...]:
    names: set[str] = set()
    for place in load_places():
        if place.level == "province":
            names.add(place.name)
            if place.short:
                names.add(place.short)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def resolve_document(doc: Doc) -> DocFacts:
    """Return the mentions and relation candidates of one processed Doc, resolved within the document."""
    region: Region | None = doc._.region
    text = doc_text(doc)
    spans = _entity_spans(doc)
    raw: list[tuple[Span, MentionFact | None]] = [(span, _resolve_span(span, region)) for span in spans]
    # the document's own zone: the zone family mentioned most often (a bare 经开区 stands for it)
    zones = Counter(m.key for _s, m in raw if m is not None and m.type == "Zone")
    main_zone = _main_zone(raw, zones)
    resolved: dict[tuple[int, int, str], MentionFact] = {}
    for span, fact in raw:
        if fact is None:
            fact = _resolve_generic(span, region, main_zone)
        if fact is not None:
            resolved[(span.start_char, span.end_char, span.label_)] = fact
    resolved = _merge_suffix_keys(resolved, renamed=bool(_RENAMING.search(text) or _MERGING.search(text)))
    resolved = _attach_numbers(resolved, text)
    # one name per key in this document: the fullest surface form
    best: dict[tuple[str, str], str] = {}
    for fact in resolved.values():
        k = (fact.type, fact.key)
        if k not in best or _fuller(fact.name, best[k]):
            best[k] = fact.name
    mentions = sorted({_with_name(f, best[(f.type, f.key)]) for f in resolved.values()})
    index = {(m.start, m.end, m.type): i for i, m in enumerate(mentions)}
    relations: list[RelationFact] = []
    for cand in doc._.relations:
        head = index.get((cand.head.start_char, cand.head.end_char, cand.head.label_))
        tail = index.get((cand.tail.start_char, cand.tail.end_char, cand.tail.label_))
        if head is None or tail is None or cand.type not in RELATION_TYPES:
            continue
        if mentions[head].type == mentions[tail].type and mentions[head].key == mentions[tail].key:
            continue  # a thing related to itself is a resolution artefact
        if not RELATION_TYPES[cand.type].allows(mentions[head].type, mentions[tail].type):
            continue
        s, e = cand.evidence
        relations.append(RelationFact(cand.type, head, tail, (s, e), text[s:e],
                                      tuple(sorted(cand.properties.items())), float(cand.confidence)))
    relations.sort(key=lambda r: (r.type, r.head, r.tail, r.evidence))
    return DocFacts(doc._.doc_id or "", str(region) if region else None, mentions, relations)


# A document that tells of renaming names the old and the new zone: similar names are then two zones.
_RENAMING = re.compile(r"更名|改名|原名|原称|前身|升格|升级为")
_MERGING = re.compile(r"合并|整合|组建")  # zones merged into one: a short name may be the new zone's, not an old one's


def _merge_suffix_keys(resolved: dict[tuple[int, int, str], MentionFact],
                       renamed: bool = False) -> dict[tuple[int, int, str], MentionFact]:
    """Fold a zone or body into the longer one of the same document that ends with it (金钟经开区 → 丹寨金钟经开区)."""
    keys: dict[str, set[str]] = defaultdict(set)
    for fact in resolved.values():
        if fact.type in ("Zone", "Organization", "Policy", "Enterprise"):
            keys[fact.type].add(fact.key)
    target: dict[tuple[str, str], str] = {}
    for type_name, group in keys.items():
        for key in group:
            longer = sorted((k for k in group if k != key and k.endswith(key) and len(key) >= 4),
                            key=lambda k: (len(k), k))
            if type_name == "Policy":
                # 《条例》 after 《山西省开发区条例》: the bare kind word is the one document of that kind
                if len(longer) == 1 or (len(key) <= 3 and len([k for k in group if k.endswith(key)]) == 2):
                    target[(type_name, key)] = next(k for k in group if k != key and k.endswith(key))
                continue
            if longer:
                target[(type_name, key)] = longer[0]
            elif type_name == "Enterprise" and _brand_of(key, group):
                target[(type_name, key)] = _brand_of(key, group)
            elif type_name == "Zone" and len(key) >= 6 and _subsequence_of(key, group):
                # 蓝山皮具箱包小镇 and 蓝山皮具玩具箱包小镇: a shortened form of a longer name in the document
                target[(type_name, key)] = _subsequence_of(key, group)
            elif type_name == "Zone" and not renamed and key.endswith(("经开", "高新")) and len(key) >= 4:
                # 丹寨经开区 and 丹寨金钟经开区 in one document: the place's one zone of that family
                family = key[-2:]
                wider = [k for k in group if k != key and k.endswith(family) and k.startswith(key[:-2])]
                if len(wider) == 1:
                    target[(type_name, key)] = wider[0]
            elif type_name == "Zone" and not renamed and key.endswith("开发区") and len(key) >= 5:
                # 烟台开发区 and 烟台经济技术开发区 in one document: the place's one development zone
                place = key[:-3]
                named = [k for k in group if k != key and k.startswith(place) and k.endswith(("经开", "高新"))
                         and len(k) <= len(place) + 2]
                if len(named) == 1:
                    target[(type_name, key)] = named[0]
    if not target:
        return resolved
    out: dict[tuple[int, int, str], MentionFact] = {}
    for span_key, fact in resolved.items():
        key = fact.key
        seen = {key}
        while (fact.type, key) in target and target[(fact.type, key)] not in seen:
            key = target[(fact.type, key)]
            seen.add(key)
        out[span_key] = fact if key == fact.key else MentionFact(
            fact.type, key, fact.name, fact.start, fact.end, fact.surface, fact.aliases, fact.properties)
    return out


_DOC_NUMBER = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\d{1,4}\s*号$")


def _attach_numbers(resolved: dict[tuple[int, int, str], MentionFact], text: str) -> dict[tuple[int, int, str], MentionFact]:
    """Make a document number written right after a title ((冀政[2010]135号) after 《…意见》) an alias of it."""
    policies = sorted((k for k, f in resolved.items() if f.type == "Policy"), key=lambda k: k[0])
    out = dict(resolved)
    for title, number in zip(policies, policies[1:]):
        gap = text[title[1]:number[0]]
        if _DOC_NUMBER.search(resolved[number].surface) and not _DOC_NUMBER.search(resolved[title].surface) \
                and gap.strip() in ("》(", "》（", "(", "（", "》"):
            fact = resolved[number]
            out[number] = MentionFact(fact.type, resolved[title].key, resolved[title].name, fact.start, fact.end,
                                      fact.surface, fact.aliases, fact.properties + (("doc_number", fact.surface),))
    return out


def _brand_of(key: str, group: set[str]) -> str | None:
    """Return the one firm of the document named by brand ``key`` and a sector word (帅丰 → 帅丰建材), or None.

    A two-character rest counts as a sector word too: the text names a firm's trade briefly (凤雅藤茶).
    """
    from zonekg.extractors.pipeline.companies import SECTOR_END

    if not 2 <= len(key) <= 4:
        return None
    fuller = [k for k in group if k.startswith(key) and 0 < len(k) - len(key) <= 6
              and (SECTOR_END.search(k[len(key):]) or len(k) - len(key) <= 2)]  # 凤雅 → 凤雅藤茶
    return fuller[0] if len(fuller) == 1 else None


def _subsequence_of(key: str, group: set[str]) -> str | None:
    """Return the one longer key that keeps ``key``'s first two and last two characters and all its others in order."""
    found = []
    for other in group:
        if len(other) <= len(key) or other[:2] != key[:2] or other[-2:] != key[-2:]:
            continue
        chars = iter(other)
        if all(ch in chars for ch in key):
            found.append(other)
    return found[0] if len(found) == 1 else None


def _entity_spans(doc: Doc) -> list[Span]:
    """Return top-level mentions plus the nested ones that name a thing of their own."""
    spans = list(doc.ents)
    if NESTED in doc.spans:
        owners = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        tops = sorted(doc.ents, key=lambda e: e.start_char)
        for span in doc.spans[NESTED]:
            outer = next((t for t in tops if t.start_char <= span.start_char and span.end_char <= t.end_char), None)
            if outer is not None and outer.label_ in _NESTED_KEEP.get(span.label_, ()):
                if (span.start_char, span.end_char) not in owners and not _foreign_place(span, doc._.region):
                    spans.append(span)
    return spans


def _foreign_place(span: Span, region: Region | None) -> bool:
    """Return whether a place inside a name lies outside the document's province (台湾石化产业园 in Fujian).

    Such a place describes the name (its partners, its market) rather than where the zone is.
    """
    if span.label_ != "Place" or region is None or region.province is None:
        return False
    place = pick_place(span.text, region)
    return place is not None and (place.province or place.name) != region.province


def _resolve_span(span: Span, region: Region | None) -> MentionFact | None:
    """Return the fact for a named mention, or None when it is generic and needs the document context."""
    surface = span.text
    label = span.label_
    if span.kb_id_.startswith(GENERIC):
        return None
    if label == "Place":
        place = pick_place(surface, region)
        if place is None:
            if surface.endswith("村"):  # villages are named by the text only (…镇桂花树村)
                return MentionFact(label, surface, surface, span.start_char, span.end_char, surface, (),
                                   (("level", "village"),))
            return None
        props = (("level", place.level),) + ((("code", place.code),) if place.code else ())
        return MentionFact(label, place.name, place.name, span.start_char, span.end_char, surface, (), props)
    if label == "Zone":
        return MentionFact(label, zone_key(surface, _province_prefixes()), clean(surface), span.start_char,
                           span.end_char, surface)
    if label == "Organization":
        name = _SESSION.sub("", clean(surface))  # 山西省十三届人大常委会 is the standing body of every session
        return MentionFact(label, org_key(name, _province_prefixes()), name, span.start_char,
                           span.end_char, surface, _level_alias(name) + department_forms(name))
    if label == "Project":
        name = clean(surface)
        bare = name[:-2] if name.endswith("项目") and len(name) >= 5 else None
        return MentionFact(label, name[:-2] if bare else name, name, span.start_char, span.end_char, surface,
                           (bare,) if bare else ())
    if label == "Enterprise":
        return MentionFact(label, firm_key(surface), clean(surface), span.start_char, span.end_char, surface)
    return MentionFact(label, clean(surface), clean(surface), span.start_char, span.end_char, surface)


_SESSION = re.compile(r"第?[一二三四五六七八九十百]+届(?=人大|人民代表大会|政协|委员会)")


def _level_alias(name: str) -> tuple[str, ...]:
    """Return the form with the place reduced to its level word (永州市工信局 → 市工信局), as people write it."""
    index = places_by_name()
    for size in range(min(len(name) - 2, 10), 1, -1):
        place = name[:size]
        if place[-1] in LEVEL_CHARS and any(p.name == place for p in index.get(place, ())):
            return (place[-1] + name[size:],)
    return ()


def _main_zone(raw: list[tuple[Span, MentionFact | None]], zones: Counter) -> dict[str, MentionFact]:
    """Return, per zone family (经开, 高新, … and '' for any), the document's most mentioned zone."""
    by_key: dict[str, MentionFact] = {}
    for _span, fact in raw:
        if fact is not None and fact.type == "Zone":
            current = by_key.get(fact.key)
            if current is None or _fuller(fact.name, current.name):
                by_key[fact.key] = fact
    ranked = sorted(by_key.values(), key=lambda f: (-zones[f.key], -len(f.name), f.name))
    out: dict[str, MentionFact] = {}
    for fact in ranked:
        out.setdefault(zone_kind(fact.name), fact)
        out.setdefault("", fact)
    return out


def _resolve_generic(span: Span, region: Region | None, main_zone: dict[str, MentionFact]) -> MentionFact | None:
    """Return the fact for a bare 经开区 / 市委 / 管委会 by the document's zone and region, or None."""
    surface = span.text
    if span.label_ == "Zone":
        zone = main_zone.get(zone_kind(surface)) if surface != "开发区" else main_zone.get("")
        if zone is None:
            return None
        return MentionFact("Zone", zone.key, zone.name, span.start_char, span.end_char, surface)
    if span.label_ != "Organization":
        return None
    # longest word first, in a fixed order: set iteration order changes with the hash seed
    words = sorted((*GENERIC_ZONES, *ZONE_PRONOUNS), key=lambda w: (-len(w), w))
    zone_word = next((w for w in words if surface.startswith(w)), None)
    if zone_word is None and any(surface == b for b in ZONE_BODIES):
        zone_word = ""
    if zone_word is None and surface[:1] == "区" and surface[1:] in ZONE_BODIES:
        zone_word = "区"  # 任区管委会主任: a 管委会 is always a zone's, never a district's
    if zone_word is not None:
        # a bare 开发区 is any kind of zone, as for the Zone mention itself: 开发区管委会 is the body of the
        # document's zone (来凤经济开发区); its units and other bodies (开发区评估组) are not named by it
        if zone_word == "开发区" and surface[len(zone_word):] in ZONE_BODIES:
            zone = main_zone.get(zone_kind(zone_word)) or main_zone.get("")
        else:
            zone = main_zone.get(zone_kind(zone_word)) if zone_word in GENERIC_ZONES else main_zone.get("")
        if zone is None:
            return None
        full = zone.name + surface[len(zone_word):]
        return MentionFact("Organization", org_key(full), full, span.start_char, span.end_char, surface)
    if surface.startswith(AUTONOMOUS_REGION):
        province = region.province if region is not None else None
        if not province or not province.endswith(AUTONOMOUS_REGION) or len(surface) <= len(AUTONOMOUS_REGION):
            return None
        full = province + surface[len(AUTONOMOUS_REGION):]
        return MentionFact("Organization", org_key(full), full, span.start_char, span.end_char, surface,
                           department_forms(full))
    listed = span.kb_id_.partition("@")[2]  # 县发改局、商务局: the list's prefix goes before 商务局
    if listed and listed not in LEVEL_CHARS:
        full = listed + surface
        return MentionFact("Organization", org_key(full), full, span.start_char, span.end_char, surface)
    level = listed or surface[0]
    if listed and surface[0] not in LEVEL_CHARS:
        surface = level + surface
    if level not in LEVEL_CHARS or region is None:
        return None
    municipality = region.province if region.province and region.province.endswith("市") else None
    # a county-level city under the province itself (仙桃市) is what 市 means when no prefecture is known
    county_city = region.county if region.county and region.county.endswith("市") else None
    owner = {"省": region.province, "市": region.city or municipality or county_city, "州": region.city,
             "县": region.county, "区": region.county}.get(level)
    if not owner or owner[-1] != level:
        return None
    full = owner + surface[1:]
    return MentionFact("Organization", org_key(full), full, span.start_char, span.end_char, span.text,
                       department_forms(full))


def _fuller(a: str, b: str) -> bool:
    """Return whether name ``a`` is a fuller form than ``b`` (longer; ties by code point order)."""
    return (len(a), b) > (len(b), a)


def _with_name(fact: MentionFact, name: str) -> MentionFact:
    return MentionFact(fact.type, fact.key, name, fact.start, fact.end, fact.surface, fact.aliases, fact.properties)


def merge_documents(facts: list[DocFacts]) -> tuple[list[Entity], list[Relation]]:
    """Return the run's entities and relations (each sorted by id) from every document's facts."""
    names: dict[tuple[str, str], str] = {}
    for doc in facts:
        for m in doc.mentions:
            k = (m.type, m.key)
            if k not in names or _fuller(m.name, names[k]):
                names[k] = m.name
    entities: dict[str, Entity] = {}
    forms: dict[str, set[str]] = defaultdict(set)
    props: dict[str, dict[str, Any]] = defaultdict(dict)
    ids: dict[tuple[str, str], str] = {}
    for doc in sorted(facts, key=lambda d: d.doc_id):
        for m in doc.mentions:
            name = names[(m.type, m.key)]
            eid = ids.setdefault((m.type, m.key), entity_id(m.type, name))
            entity = entities.get(eid)
            if entity is None:
                entity = entities[eid] = Entity(eid, m.type, name)
            entity.mentions.append(Mention(doc.doc_id, m.start, m.end, m.surface))
            forms[eid].update((clean(m.surface), m.name, *m.aliases))
            for key, value in m.properties:
                props[eid].setdefault(key, value)
    for eid, entity in entities.items():
        entity.aliases = sorted(f for f in forms[eid] if f and f != entity.name)
        entity.properties = dict(sorted(props[eid].items()))
        entity.mentions.sort()
    relations: dict[str, Relation] = {}
    for doc in sorted(facts, key=lambda d: d.doc_id):
        for r in doc.relations:
            head, tail = doc.mentions[r.head], doc.mentions[r.tail]
            hid, tid = ids[(head.type, head.key)], ids[(tail.type, tail.key)]
            rid = relation_id(r.type, hid, tid)
            rel = relations.get(rid)
            if rel is None:
                rel = relations[rid] = Relation(rid, r.type, hid, tid, {}, r.confidence, [])
            rel.confidence = max(rel.confidence, r.confidence)
            for key, value in r.properties:
                if value is not None:
                    rel.properties.setdefault(key, value)
            evidence = Mention(doc.doc_id, r.evidence[0], r.evidence[1], r.evidence_text)
            if evidence not in rel.evidence:
                rel.evidence.append(evidence)
    for rel in relations.values():
        rel.evidence.sort()
        rel.properties = dict(sorted(rel.properties.items()))
    return [entities[k] for k in sorted(entities)], [relations[k] for k in sorted(relations)]
