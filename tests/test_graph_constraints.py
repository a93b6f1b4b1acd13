"""Neo4j constraints and indexes come from the schema, one per label and relation type."""

from __future__ import annotations

import re

from zonekg.graph.constraints import schema_statements
from zonekg.schema.types import ENTITY_TYPES, RELATION_TYPES


def test_every_entity_label_has_a_unique_id_constraint():
    text = "\n".join(schema_statements())
    for label in ENTITY_TYPES:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text
    assert "FOR (n:Entity) REQUIRE n.id IS UNIQUE" in text
    assert "FOR (n:Document) REQUIRE n.id IS UNIQUE" in text


def test_every_relation_type_has_a_unique_id_constraint():
    text = "\n".join(schema_statements())
    for rel in RELATION_TYPES:
        assert f"FOR ()-[r:{rel}]-() REQUIRE r.id IS UNIQUE" in text


def test_names_and_aliases_have_a_cjk_and_an_exact_full_text_index():
    fulltext = [s for s in schema_statements() if s.startswith("CREATE FULLTEXT INDEX")]
    assert fulltext == ["CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases] "
                        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
                        "CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.aliases, n.name] "
                        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}"]


def test_statements_are_idempotent_and_uniquely_named():
    statements = schema_statements()
    assert all("IF NOT EXISTS" in s for s in statements)
    names = [re.match(r"CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS", s).group(1)
             for s in statements]
    assert len(names) == len(set(names))
