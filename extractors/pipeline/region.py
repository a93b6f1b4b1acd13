"""The ``zonekg_region`` component: guess the document's administrative region from its place mentions."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from zonekg.extractors.data.places import Place
from zonekg.extractors.pipeline.automaton import places_by_name
from zonekg.extractors.pipeline.candidates import SHORT, Candidate
from zonekg.extractors.pipeline.spans import Region, doc_text, register_extensions

PLACE = "Place"


def guess_region(text: str, candidates: list[Candidate]) -> Region | None:
    """Return the region most place mentions agree on (province, then city, then county), or None."""
    provinces: Counter[str] = Counter()
    cities: Counter[tuple[str | None, str]] = Counter()
    counties: Counter[tuple[str | None, str]] = Counter()
    for c in candidates:
        if c.label != PLACE:
            continue
        surface = text[c.start:c.end]
        options = [p for p in places_by_name().get(surface, ()) if p.level != "town"]
        if not options:
            continue
        # an ambiguous short form gives each reading a fraction of a vote
        weight = (0.5 if c.kind == SHORT else 1.0) / len(options)
        for place in options:
            province, city, county = place.chain()
            if province:
                provinces[province] += weight
            if city:
                cities[(province, city)] += weight
            if county:
                counties[(city or province, county)] += weight
    if not provinces:
        return None
    province = _best(provinces)
    city_votes = Counter({c: v for (p, c), v in cities.items() if p == province})
    city = _best(city_votes) if city_votes else None
    county_votes = Counter({k: v for (parent, k), v in counties.items() if parent == (city or province)})
    county = _best(county_votes) if county_votes else None
    return Region(province, city, county)


def _best(votes: Counter) -> str:
    """Return the key with the most votes, ties broken by name so the choice is deterministic."""
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def pick_place(surface: str, region: Region | None) -> Place | None:
    """Return the division ``surface`` most likely means in ``region`` (higher levels first), or None."""
    options = places_by_name().get(surface, ())
    if not options:
        return None
    order = {"province": 0, "city": 1, "county": 2, "town": 3}

    def score(place: Place) -> tuple:
        province, city, county = place.chain()
        fit = 0
        if region is not None:
            fit += 4 if province and province == region.province else 0
            fit += 2 if city and city == region.city else 0
            fit += 1 if county and county == region.county else 0
        return (-fit, order[place.level], place.name, place.code or "")
    return min(options, key=score)


@Language.component("zonekg_region")
def region_component(doc: Doc) -> Doc:
    """Set ``doc._.region`` from the place candidates (needs the gazetteer before it)."""
    if doc._.region is None:
        doc._.region = guess_region(doc_text(doc), doc._.candidates)
    return doc


register_extensions()
