"""Relation recall given the entities: how many gold relations could be found, and were.

Relation F1 mixes two failures: an entity never recognised (no rule can relate
it) and a relation missed between entities that were found. This separates
them, reading an evaluation report (zonekg.extractors.evaluate.Report): a gold
relation is *reachable* when neither its head nor its tail is among the missed
entities of its file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

_MISSED_RELATION = re.compile(r"^(?P<type>\S+) (?P<head>.+) -> (?P<tail>.+)$")


@dataclass
class Reachability:
    """Per relation type: gold relations found (tp), missed though both ends were found, missed otherwise."""

    found: Counter[str] = field(default_factory=Counter)
    missed_reachable: Counter[str] = field(default_factory=Counter)
    missed_unreachable: Counter[str] = field(default_factory=Counter)

    def recall_given_entities(self, rel_type: str | None = None) -> float:
        """Return found / (found + missed with both ends found), for one type or all."""
        if rel_type is None:
            tp, fn = sum(self.found.values()), sum(self.missed_reachable.values())
        else:
            tp, fn = self.found[rel_type], self.missed_reachable[rel_type]
        return tp / (tp + fn) if tp + fn else 0.0

    def to_json(self) -> dict[str, Any]:
        types = sorted(set(self.found) | set(self.missed_reachable) | set(self.missed_unreachable))
        return {
            "all": {"found": sum(self.found.values()), "missed_reachable": sum(self.missed_reachable.values()),
                    "missed_unreachable": sum(self.missed_unreachable.values()),
                    "recall_given_entities": round(self.recall_given_entities(), 4)},
            "types": {t: {"found": self.found[t], "missed_reachable": self.missed_reachable[t],
                          "missed_unreachable": self.missed_unreachable[t],
                          "recall_given_entities": round(self.recall_given_entities(t), 4)} for t in types},
        }


def reachability(report: Any) -> Reachability:
    """Return the reachability of gold relations in an evaluation report (its files' missed lists)."""
    result = Reachability()
    for score in report.files:
        for rel_type, counts in score.relation_types.items():
            result.found[rel_type] += counts.tp
        missed_names = {item.split(" ", 1)[1] for item in score.missed_entities if " " in item}
        for label in score.missed_relations:
            match = _MISSED_RELATION.match(label)
            if not match:
                continue
            reachable = match.group("head") not in missed_names and match.group("tail") not in missed_names
            (result.missed_reachable if reachable else result.missed_unreachable)[match.group("type")] += 1
    return result
