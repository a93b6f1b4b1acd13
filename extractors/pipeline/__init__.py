"""The zonekg spaCy pipeline: ``build_pipeline`` assembles registered components from ``pipeline.cfg``.

Importing this package registers the entity components (``zonekg_gazetteer``,
``zonekg_names``, ``zonekg_region``, ``zonekg_entity_merge``); building a
pipeline also imports ``zonekg.extractors.relations`` so that
``zonekg_relations`` is registered.
"""

from zonekg.extractors.pipeline.build import DEFAULT_CONFIG, build_pipeline, component_names
from zonekg.extractors.pipeline.spans import NESTED, RelationCandidate, Region

__all__ = ["DEFAULT_CONFIG", "NESTED", "RelationCandidate", "Region", "build_pipeline", "component_names"]
