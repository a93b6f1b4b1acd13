"""Building the pipeline from its config: validation before any text runs, raw-text use via nlp.pipe."""

from __future__ import annotations

import pytest

from zonekg.extractors.pipeline import DEFAULT_CONFIG, build_pipeline, component_names
from zonekg.schema.errors import ConfigError


def test_default_pipeline_has_the_configured_components():
    nlp = build_pipeline()
    assert nlp.pipe_names == ["zonekg_gazetteer", "zonekg_names", "zonekg_region", "zonekg_entity_merge",
                              "zonekg_relations"]


def test_unknown_component_is_refused_with_the_valid_names(tmp_path):
    config = DEFAULT_CONFIG.read_text(encoding="utf-8").replace('"zonekg_region"', '"zonekg_regoin"')
    path = tmp_path / "pipeline.cfg"
    path.write_text(config, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        build_pipeline(path)
    message = str(info.value)
    assert "zonekg_regoin" in message
    for name in component_names():
        assert name in message


def test_missing_config_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        build_pipeline(tmp_path / "absent.cfg")


def test_broken_config_is_a_config_error(tmp_path):
    path = tmp_path / "broken.cfg"
    path.write_text("[nlp\npipeline = [", encoding="utf-8")
    with pytest.raises(ConfigError):
        build_pipeline(path)


def test_a_shorter_pipeline_runs_without_relations(tmp_path):
    config = DEFAULT_CONFIG.read_text(encoding="utf-8").replace(',"zonekg_relations"', "")
    path = tmp_path / "entities.cfg"
    path.write_text(config, encoding="utf-8")
    nlp = build_pipeline(path)
    doc = nlp("岳阳经济技术开发区发展电子信息产业。")
    assert ("岳阳经济技术开发区", "Zone") in {(e.text, e.label_) for e in doc.ents}
    assert doc._.relations == []


def test_pipe_runs_on_raw_strings_and_keeps_docs_apart():
    nlp = build_pipeline()
    texts = ["岳阳经济技术开发区发展电子信息产业。", "市委书记刘建平视察岳阳经开区。"]
    docs = list(nlp.pipe(texts))
    assert [d.text for d in docs] == texts
    assert docs[0]._.relations is not docs[1]._.relations
    assert all(len(t) == 1 for d in docs for t in d)  # one token per character
