"""The ``zonekg_names`` component: zones, bodies, companies, people, policies and projects from name grammar."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from zonekg.extractors.pipeline.automaton import places_by_name
from zonekg.extractors.pipeline.candidates import GENERIC, SHORT, Candidate
from zonekg.extractors.pipeline.companies import find_brands, find_companies, find_partners_and_amounts
from zonekg.extractors.pipeline.orgs import find_orgs, find_outlets
from zonekg.extractors.pipeline.persons import find_persons
from zonekg.extractors.pipeline.policies import find_policies
from zonekg.extractors.pipeline.projects import find_projects
from zonekg.extractors.pipeline.spans import doc_text, register_extensions
from zonekg.extractors.pipeline.works import find_works
from zonekg.extractors.pipeline.zones import find_zones

PLACE = "Place"


def ends_index(candidates: list[Candidate]) -> dict[int, int]:
    """Return a map from each candidate's end offset to the smallest start of a candidate ending there."""
    index: dict[int, int] = {}
    for c in candidates:
        if c.start < index.get(c.end, c.end):
            index[c.end] = c.start
    return index


def upper_ends(text: str, places: list[Candidate]) -> frozenset[int]:
    """Return the end offsets of place candidates that name a province or a city (湖南省, 永州市)."""
    index = places_by_name()
    # a city only in its full form (永州市工业园区 = the city's parks; 苏州工业园区 is one park's name)
    return frozenset(c.end for c in places
                     if all(p.level == "province" or (p.level == "city" and c.kind != SHORT)
                            for p in index.get(text[c.start:c.end], ())))


def find_names(text: str, places: list[Candidate]) -> list[Candidate]:
    """Return every name-grammar candidate in ``text`` given the place candidates already found."""
    place_ends = ends_index(places)
    zones = find_zones(text, place_ends, upper_ends(text, places))
    zone_ends = ends_index([z for z in zones if z.kind != GENERIC])
    generic_zone_ends = ends_index([z for z in zones if z.kind == GENERIC])
    return [*zones, *find_orgs(text, place_ends, zone_ends, generic_zone_ends), *find_outlets(text), *find_companies(text, place_ends), *find_brands(text), *find_partners_and_amounts(text), *find_persons(text),
            *find_policies(text), *find_projects(text, frozenset(z.end for z in zones)),
            *find_works(text, frozenset(z.end for z in zones))]


@Language.component("zonekg_names")
def names_component(doc: Doc) -> Doc:
    """Add name-grammar candidates to ``doc._.candidates`` (needs the gazetteer's places before it)."""
    places = [c for c in doc._.candidates if c.label == PLACE]
    doc._.candidates.extend(find_names(doc_text(doc), places))
    return doc


register_extensions()
