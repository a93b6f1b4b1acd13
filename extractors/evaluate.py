"""Score extracted records against gold files exactly as FORMAT.md says: P/R/F1, per type and per file.

A system entity belongs to a source file when one of its mentions is in a
document of that file; it matches a gold entity of the same type when any of
its names equals any gold name after normalisation (T→S, NFKC, no whitespace,
quotes, 《》「」, 〔〕→[]). Each gold entity is matched at most once (a maximum
matching; a second system entity for the same gold entity is a false
positive). A relation is correct when its type is equal and its head and tail
are matched to the gold relation's head and tail entities. Micro-averaged.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath

from zonekg.extractors.keys import clean
from zonekg.schema.errors import InputError
from zonekg.schema.records import Document, Entity, Record, Relation


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Return the form names are compared in: Simplified, NFKC, without spaces, quotes and 《》「」."""
    return clean(_t2s().convert(clean(name)))


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class FileScore:
    """The score of one source file, with the facts missed and the spurious ones."""

    stem: str
    entities: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    entity_types: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relation_types: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)


@dataclass
class Report:
    """The whole evaluation: micro-averaged totals, per type and per file."""

    files: list[FileScore] = field(default_factory=list)
    entities: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    entity_types: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relation_types: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    unmatched_gold: list[str] = field(default_factory=list)  # gold files with no system document

    def to_json(self, errors: bool = True) -> dict:
        def typed(d: dict[str, Counts]) -> dict:
            return {k: d[k].to_json() for k in sorted(d)}
        out: dict = {"entities": self.entities.to_json(), "relations": self.relations.to_json(),
                     "entity_types": typed(self.entity_types), "relation_types": typed(self.relation_types),
                     "files": {}, "gold_without_documents": self.unmatched_gold}
        for f in self.files:
            item: dict = {"entities": f.entities.to_json(), "relations": f.relations.to_json()}
            if errors:
                item.update(missed_entities=f.missed_entities, spurious_entities=f.spurious_entities,
                            missed_relations=f.missed_relations, spurious_relations=f.spurious_relations)
            out["files"][f.stem] = item
        return out


def load_gold(directory: str | Path) -> dict[str, dict]:
    """Return gold annotations by file stem from ``directory`` (searched recursively for *.json)."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError(str(root), "gold directory not found; pass the folder holding <stem>.json gold files")
    gold: dict[str, dict] = {}
    for path in sorted(root.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(str(path), f"not a readable gold JSON file ({exc}); fix or remove it") from exc
        if not isinstance(data, dict) or "entities" not in data:
            raise InputError(str(path), "gold file lacks 'entities'; see gold/GUIDELINES.md for the format")
        gold[path.stem] = data
    return gold


def source_stem(source: str) -> str:
    """Return the file stem a document's source path or URL names."""
    return PurePath(source.split("?")[0].rstrip("/")).stem


def evaluate(records: Iterable[Record], gold: dict[str, dict]) -> Report:
    """Return the evaluation of ``records`` (documents, entities, relations) against ``gold`` by file stem."""
    documents: dict[str, str] = {}
    entities: list[Entity] = []
    relations: list[Relation] = []
    for record in records:
        if isinstance(record, Document):
            documents[record.id] = source_stem(record.source)
        elif isinstance(record, Entity):
            entities.append(record)
        elif isinstance(record, Relation):
            relations.append(record)
    stems = sorted(set(documents.values()) & set(gold))
    report = Report(unmatched_gold=sorted(set(gold) - set(documents.values())))
    for stem in stems:
        score = _score_file(stem, gold[stem], entities, relations, documents)
        report.files.append(score)
        report.entities.add(score.entities)
        report.relations.add(score.relations)
        for kind, source in ((report.entity_types, score.entity_types), (report.relation_types, score.relation_types)):
            for t, c in source.items():
                kind[t].add(c)
    return report


def _score_file(stem: str, gold: dict, entities: list[Entity], relations: list[Relation],
                documents: dict[str, str]) -> FileScore:
    score = FileScore(stem)
    system = sorted((e for e in entities if any(documents.get(m.doc) == stem for m in e.mentions)), key=lambda e: e.id)
    gold_entities = gold.get("entities", [])
    gold_names = [{norm(n) for n in [g["name"], *g.get("aliases", [])] if norm(n)} for g in gold_entities]
    candidates: list[list[int]] = []
    for e in system:
        names = {norm(n) for n in [e.name, *e.aliases] if norm(n)}
        exact = norm(e.name)
        options = [i for i, g in enumerate(gold_entities) if g["type"] == e.type and names & gold_names[i]]
        # prefer gold entities whose own name is this entity's name: the matching stays intuitive
        options.sort(key=lambda i: (norm(gold_entities[i]["name"]) != exact, i))
        candidates.append(options)
    matched = _max_matching(candidates, len(gold_entities))  # system index -> gold index
    gold_of = {system[s].id: g for s, g in matched.items()}
    for s, e in enumerate(system):
        if s in matched:
            score.entities.tp += 1
            score.entity_types[e.type].tp += 1
        else:
            score.entities.fp += 1
            score.entity_types[e.type].fp += 1
            score.spurious_entities.append(f"{e.type} {e.name}")
    taken = set(matched.values())
    for i, g in enumerate(gold_entities):
        if i not in taken:
            score.entities.fn += 1
            score.entity_types[g["type"]].fn += 1
            score.missed_entities.append(f"{g['type']} {g['name']}")
    _score_relations(score, gold, gold_entities, gold_names, relations, documents, gold_of)
    return score


def _score_relations(score: FileScore, gold: dict, gold_entities: list[dict], gold_names: list[set[str]],
                     relations: list[Relation], documents: dict[str, str], gold_of: dict[str, int]) -> None:
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(gold_entities):
        by_name[norm(g["name"])].append(i)
    wanted: dict[tuple[str, int | str, int | str], int] = {}
    labels: list[str] = []
    for r in gold.get("relations", []):
        head = _gold_index(r["head"], by_name, gold_names)
        tail = _gold_index(r["tail"], by_name, gold_names)
        key = (r["type"], head if head is not None else f"?{r['head']}", tail if tail is not None else f"?{r['tail']}")
        if key in wanted:
            continue  # a fact counts once per document
        wanted[key] = len(labels)
        labels.append(f"{r['type']} {r['head']} -> {r['tail']}")
    found: set[tuple] = set()
    system = sorted((r for r in relations if any(documents.get(e.doc) == score.stem for e in r.evidence)),
                    key=lambda r: r.id)
    for r in system:
        key = (r.type, gold_of.get(r.head, f"!{r.head}"), gold_of.get(r.tail, f"!{r.tail}"))
        if key in wanted and key not in found:
            found.add(key)
            score.relations.tp += 1
            score.relation_types[r.type].tp += 1
        else:
            score.relations.fp += 1
            score.relation_types[r.type].fp += 1
            score.spurious_relations.append(f"{r.type} {r.head} -> {r.tail}")
    for key, index in wanted.items():
        if key not in found:
            score.relations.fn += 1
            score.relation_types[key[0]].fn += 1
            score.missed_relations.append(labels[index])


def _gold_index(name: str, by_name: dict[str, list[int]], gold_names: list[set[str]]) -> int | None:
    """Return the gold entity a relation end names (by canonical name, else by alias), or None."""
    key = norm(name)
    if by_name.get(key):
        return by_name[key][0]
    return next((i for i, names in enumerate(gold_names) if key in names), None)


def _max_matching(options: list[list[int]], size: int) -> dict[int, int]:
    """Return a maximum matching system index → gold index (augmenting paths, deterministic order)."""
    owner: list[int | None] = [None] * size

    def augment(s: int, seen: set[int]) -> bool:
        for g in options[s]:
            if g in seen:
                continue
            seen.add(g)
            if owner[g] is None or augment(owner[g], seen):
                owner[g] = s
                return True
        return False

    for s in range(len(options)):
        augment(s, set())
    return {s: g for g, s in enumerate(owner) if s is not None}
