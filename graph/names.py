"""Find an entity by a name a person types: exact name or alias first, then the CJK full-text index."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import neo4j

from zonekg.graph import cypher
from zonekg.graph.labels import FULLTEXT_INDEX, KEYS_INDEX
from zonekg.schema.errors import DatabaseError, QueryError
from zonekg.schema.types import ENTITY_TYPES

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_QUOTES = "《》〈〉「」『』“”‘’\"'"
# Short and long forms of zone names that documents use interchangeably; each pair is tried both ways.
_ZONE_FORMS = (
    ("经开区", "经济技术开发区"),
    ("经开区", "经济开发区"),
    ("高新区", "高新技术产业开发区"),
    ("高新区", "高新技术开发区"),
    ("综保区", "综合保税区"),
    ("工业园", "工业园区"),
)
# A full-text hit is taken without asking when it scores this much above the next one.
DOMINANCE = 1.5
FULLTEXT_LIMIT = 25
# More exact hits than this are reported as ambiguous anyway; the bound keeps a common name cheap.
EXACT_LIMIT = 50
# A full-text hit must contain at least this share of the typed name's character pairs;
# otherwise a shared generic pair such as 园区 would make any zone a match.
MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class Candidate:
    """An entity a name may refer to."""

    id: str
    name: str
    type: str
    score: float = 0.0

    def describe(self) -> str:
        """Return ``name (Type, id)`` for listings."""
        return f"{self.name} ({self.type}, {self.id})"


def escape_lucene(text: str) -> str:
    """Return ``text`` with every Lucene query operator character backslash-escaped."""
    return _LUCENE_SPECIAL.sub(r"\\\1", text)


_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]"})


def normalize_name(text: str) -> str:
    """Return the comparable form of a name: NFKC, no whitespace, quotes or book-title marks, 〔〕 as []."""
    folded = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    return "".join(ch for ch in folded if not ch.isspace() and ch not in _QUOTES)


def name_variants(text: str) -> list[str]:
    """Return the normalised name and its long/short zone-name forms, the name itself first."""
    base = normalize_name(text)
    out = [base]
    for short, long in _ZONE_FORMS:
        for old, new in ((short, long), (long, short)):
            if base.endswith(old) and not base.endswith(new):
                variant = base[: -len(old)] + new
                if variant not in out:
                    out.append(variant)
    return out


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def coverage(variants: list[str], forms: list[str]) -> float:
    """Return the largest share of a variant's character pairs found in any of ``forms``."""
    have: set[str] = set()
    for form in forms:
        have |= _bigrams(normalize_name(form))
    return max(len(_bigrams(v) & have) / len(_bigrams(v)) for v in variants)


def _type_of(labels: list[str]) -> str | None:
    return next((label for label in labels if label in ENTITY_TYPES), None)


def _candidates(records: list[dict], types: tuple[str, ...]) -> list[dict]:
    out = []
    for r in records:
        type_name = _type_of(r["labels"])
        if type_name and (not types or type_name in types):
            out.append({**r, "type": type_name})
    return out


def _pick_exact(rows: list[dict], wanted: set[str], field: str) -> list[Candidate]:
    hits = {}
    for r in rows:
        forms = [r["name"]] if field == "name" else list(r.get("aliases") or [])
        if any(normalize_name(f) in wanted for f in forms):
            hits[r["id"]] = Candidate(r["id"], r["name"], r["type"], float(r["score"]))
    return [hits[k] for k in sorted(hits)]


def _ambiguous(text: str, candidates: list[Candidate]) -> QueryError:
    shown = "; ".join(c.describe() for c in candidates[:8])
    return QueryError(f"the name {text!r} is ambiguous: {shown}; pass the full name or the id")


def exact_query(forms: list[str]) -> str:
    """Return the keyword-index query matching any of ``forms`` as a whole name or alias."""
    return " OR ".join(f'"{escape_lucene(f)}"' for f in forms)


def _later(row: dict, found: Candidate) -> Candidate:
    later = (row.get("later") or [None])[0]
    return Candidate(later["id"], later["name"], found.type, found.score) if later else found


def resolve_name(driver: neo4j.Driver, text: str, types: tuple[str, ...] = (), database: str | None = None,
                 follow_renames: bool = False) -> Candidate:
    """Return the one entity of ``types`` that ``text`` names, or raise QueryError (none, or several).

    An id (``zone:…``) is taken as is. Otherwise the text as typed wins over its
    long/short zone forms, an exact name over an exact alias, and both over
    full-text hits; a full-text hit must cover half the name's character pairs
    and is accepted only when it clearly outscores the next. With
    ``follow_renames`` the entity a former name was renamed into is returned.
    All of it is one query.
    """
    variants = name_variants(text)
    if not variants[0]:
        raise QueryError("an empty name was given; pass the entity's name, e.g. zone=来凤经济开发区")
    kinds = "/".join(types) if types else "entity"
    # Stored names keep their quotes and marks, so the text as typed is tried too.
    names = sorted({*variants, text.strip()})
    params = {"id": text.strip() if ":" in variants[0] else None, "keys_index": KEYS_INDEX,
              "exact": exact_query(names), "exact_limit": EXACT_LIMIT, "index": FULLTEXT_INDEX,
              "query": " ".join(escape_lucene(v) for v in variants), "limit": FULLTEXT_LIMIT,
              "follow": follow_renames, "types": list(types)}
    try:
        records = [r.data() for r in driver.execute_query(cypher.RESOLVE_NAME, params, database_=database,
                                                          routing_=neo4j.RoutingControl.READ).records]
    except neo4j.exceptions.Neo4jError as exc:
        raise DatabaseError(f"looking up the name {text!r} failed ({exc.code}): {exc.message}; "
                            "load a graph first (zonekg load) so the name indexes exist") from exc
    except neo4j.exceptions.DriverError as exc:
        raise DatabaseError(f"looking up the name {text!r} failed: {exc}; "
                            "is the server running (zonekg neo4j status)?") from exc
    rows = _candidates(records, types)
    by_id = {r["id"]: r for r in rows}
    found = _pick(text, variants, [r for r in rows if r["how"] == "id"], [r for r in rows if r["how"] == "exact"],
                  [r for r in rows if r["how"] == "text"], kinds)
    return _later(by_id[found.id], found) if follow_renames else found


def _pick(text: str, variants: list[str], by_id: list[dict], exact: list[dict], fuzzy: list[dict],
          kinds: str) -> Candidate:
    """Return the candidate the tiers choose, or raise QueryError."""
    if by_id:
        return Candidate(by_id[0]["id"], by_id[0]["name"], by_id[0]["type"])
    # The text as typed beats its long/short variants; a name beats an alias. Full-text hits are
    # compared too, as their normalised forms match names typed without quotes or marks.
    typed = {variants[0], normalize_name(text)}
    others = set(variants[1:]) - typed
    tiers = ((exact + fuzzy, typed, "name"), (exact + fuzzy, typed, "aliases"),
             (exact + fuzzy, others, "name"), (exact + fuzzy, others, "aliases"))
    for rows, wanted, field in tiers:
        found = _pick_exact(rows, wanted, field)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise _ambiguous(text, found)
    scored = sorted(((coverage(variants, [r["name"], *(r.get("aliases") or [])]), float(r["score"]), r)
                     for r in fuzzy), key=lambda x: (-x[0], -x[1], x[2]["id"]))
    hits = [(cov, Candidate(r["id"], r["name"], r["type"], score)) for cov, score, r in scored if cov >= MIN_COVERAGE]
    if not hits:
        raise QueryError(f"no {kinds} is named {text!r} or anything like it; check the spelling or run "
                         "zonekg query stats to see what is loaded")
    if len(hits) == 1 or hits[0][0] > hits[1][0] or hits[0][1].score >= DOMINANCE * hits[1][1].score:
        return hits[0][1]
    raise _ambiguous(text, [c for _, c in hits])


def latest_name(driver: neo4j.Driver, found: Candidate, database: str | None = None) -> Candidate:
    """Return the entity ``found`` was renamed into (following RENAMED_FROM forward), or ``found`` itself."""
    try:
        records = driver.execute_query(cypher.latest_name(), {"id": found.id}, database_=database).records
    except neo4j.exceptions.Neo4jError as exc:
        raise DatabaseError(f"following renames of {found.id} failed ({exc.code}): {exc.message}") from exc
    if not records or records[0]["id"] == found.id:
        return found
    return Candidate(records[0]["id"], records[0]["name"], found.type, found.score)
