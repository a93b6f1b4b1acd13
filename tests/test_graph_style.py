"""The shipped Browser style and docs/SCHEMA.md are what the schema generates today."""

from __future__ import annotations

import re
from pathlib import Path

from zonekg.graph.schema_docs import schema_markdown
from zonekg.graph.style import grass, shipped_grass, style_command
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_style_equals_the_generated_one():
    assert shipped_grass() == grass(), "regenerate: zonekg schema style > graph/style.grass"


def test_each_label_has_its_schema_colour_and_the_chinese_name_as_caption():
    text = grass()
    for t in ENTITY_TYPES.values():
        block = re.search(rf"node\.{t.name} \{{\n(.*?)\n\}}", text, re.S).group(1)
        assert f"color: {t.color};" in block
        assert 'caption: "{name}";' in block
    for rel in RELATION_TYPES:
        assert f"relationship.{rel} {{" in text


def test_style_command_is_pasteable():
    assert style_command().startswith(":style node {")


def test_schema_doc_is_up_to_date():
    committed = (ROOT / "docs" / "SCHEMA.md").read_text(encoding="utf-8")
    assert committed == schema_markdown(), "regenerate: zonekg schema docs > docs/SCHEMA.md"


def test_schema_doc_lists_every_type():
    text = schema_markdown()
    for name in [*ENTITY_TYPES, *RELATION_TYPES]:
        assert f"| {name} |" in text
