"""Typed names: Lucene escaping, short/long zone forms and the coverage rule of the full-text fallback."""

from __future__ import annotations

import pytest

from zonekg.graph.names import coverage, escape_lucene, name_variants, normalize_name


@pytest.mark.parametrize("text,escaped", [
    ("永州经开区", "永州经开区"),
    ("鄂体改[2001]127号", r"鄂体改\[2001\]127号"),
    ("A+B园区", r"A\+B园区"),
    ('“五好”园区 OR *', r'“五好”园区 OR \*'),
    ("(筹)", r"\(筹\)"),
    ("a:b/c", r"a\:b\/c"),
    ("x&&y||!z", r"x\&\&y\|\|\!z"),
])
def test_lucene_specials_are_escaped(text, escaped):
    assert escape_lucene(text) == escaped


@pytest.mark.parametrize("text,normal", [
    ("《湖北省经济技术开发区条例》", "湖北省经济技术开发区条例"),
    ("来凤 经济开发区", "来凤经济开发区"),
    ("鄂体改〔2001〕127号", "鄂体改[2001]127号"),
    ("“五好”园区", "五好园区"),
    ("ＡＢＣ工业园", "ABC工业园"),
])
def test_names_are_normalised_before_comparison(text, normal):
    assert normalize_name(text) == normal


@pytest.mark.parametrize("text,variant", [
    ("永州经开区", "永州经济技术开发区"),
    ("永州经开区", "永州经济开发区"),
    ("永州经济技术开发区", "永州经开区"),
    ("宁远高新区", "宁远高新技术产业开发区"),
    ("桂花树工业园", "桂花树工业园区"),
    ("桂花树工业园区", "桂花树工业园"),
])
def test_zone_short_and_long_forms_are_tried(text, variant):
    variants = name_variants(text)
    assert variants[0] == normalize_name(text)
    assert variant in variants


@pytest.mark.parametrize("query,forms,enough", [
    ("永州经开区", ["永州经济技术开发区", "永州经开区"], True),
    ("不存在的园区", ["云溪工业园区"], False),
    ("华锐", ["华锐电子科技有限公司"], True),
    ("开发区", ["来凤经济开发区"], True),
    ("白河新区", ["来凤经济开发区"], False),
])
def test_full_text_hits_must_cover_half_the_name(query, forms, enough):
    assert (coverage(name_variants(query), forms) >= 0.5) is enough


@pytest.mark.neo4j
@pytest.mark.parametrize("typed,meant", [
    ("石门经开区", "石门经济开发区"),              # the typed text is an alias: it beats the long forms
    ("石门经济技术开发区", "石门经济技术开发区"),  # an exact name
    ("石门高新区", "石门高新技术产业开发区"),      # only a long form exists
])
def test_the_text_as_typed_beats_its_variants(clean_neo4j, neo4j_settings, typed, meant):
    from zonekg.graph.loader import load_records
    from zonekg.graph.names import resolve_name
    from zonekg.schema.records import Entity

    zones = [Entity("zone:石门经济技术开发区", "Zone", "石门经济技术开发区"),
             Entity("zone:石门经济开发区", "Zone", "石门经济开发区", ["石门经开区"]),
             Entity("zone:石门高新技术产业开发区", "Zone", "石门高新技术产业开发区")]
    load_records(clean_neo4j, zones, neo4j_settings.database)
    assert resolve_name(clean_neo4j, typed, ("Zone",), neo4j_settings.database).name == meant


@pytest.mark.neo4j
@pytest.mark.parametrize("typed,meant", [
    ("鄂政发[2019]12号", "关于加快开发区转型升级的意见"),   # an alias with Lucene operator characters
    ("青山 工业园", "青山工业园区"),                         # typed with a space, stored without
    ("青山工业园", "青山工业园区"),                          # the short zone form is an alias
    ("原青山开发区", "青山工业园区"),                        # a former name, renamed forward
    ("zone:青山工业园区", "青山工业园区"),                   # an id
])
def test_exact_names_and_aliases_resolve_in_one_query(clean_neo4j, neo4j_settings, typed, meant):
    from zonekg.graph.loader import load_records
    from zonekg.graph.names import resolve_name
    from zonekg.schema.ids import relation_id
    from zonekg.schema.records import Entity, Mention, Relation

    old, new = "zone:原青山开发区", "zone:青山工业园区"
    records = [Entity("policy:意见", "Policy", "关于加快开发区转型升级的意见", ["鄂政发[2019]12号"]),
               Entity(new, "Zone", "青山工业园区", ["青山工业园"]),
               Entity(old, "Zone", "原青山开发区"),
               Relation(relation_id("RENAMED_FROM", new, old), "RENAMED_FROM", new, old, {}, 0.9,
                        [Mention("doc:qs", 0, 10, "原青山开发区更名为青山工业园区")])]
    load_records(clean_neo4j, records, neo4j_settings.database)
    found = resolve_name(clean_neo4j, typed, (), neo4j_settings.database, follow_renames=True)
    assert found.name == meant
