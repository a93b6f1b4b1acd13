"""The zonekg_relations component: registered by name, configurable rule families, validated before text runs."""

from __future__ import annotations

import pytest
import spacy

import zonekg.extractors.relations  # noqa: F401  (registers the factory)
from zonekg.extractors.relations import FAMILIES
from zonekg.extractors.relations.component import RelationFinder
from zonekg.schema.errors import ConfigError


def test_unknown_family_is_a_config_error_naming_the_valid_ones() -> None:
    with pytest.raises(ConfigError) as err:
        RelationFinder(["located", "telepathy"])
    message = str(err.value)
    assert "telepathy" in message and all(name in message for name in FAMILIES)


def test_factory_limits_the_families_run() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("zonekg_relations", config={"families": ["industry"]})
    doc = nlp.make_doc("青山经济开发区重点发展电子信息产业。")
    zone = doc.char_span(0, 7, label="Zone")
    industry = doc.char_span(11, 15, label="Industry")
    doc.ents = [zone, industry]
    for _name, component in nlp.pipeline:
        doc = component(doc)
    assert {c.type for c in doc._.relations} == {"HAS_INDUSTRY"}


def test_factory_rejects_unknown_family_when_added() -> None:
    nlp = spacy.blank("zh")
    with pytest.raises(ConfigError):
        nlp.add_pipe("zonekg_relations", config={"families": ["nope"]})
