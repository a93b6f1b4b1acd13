"""Normalisation of raw document text, with an offset map back to the raw text.

``normalize_text(raw)`` runs the steps of ``Step`` in order and returns a
``NormalizedText`` whose ``to_raw(start, end)`` maps any span of the normalised
text to the raw span it came from.
"""

from zonekg.extractors.normalize.offsets import ChainMap, Edit, OffsetMap, apply_edits
from zonekg.extractors.normalize.pipeline import (
    DEFAULT_STEPS,
    MARKDOWN_STEPS,
    STEPS,
    NormalizedText,
    Step,
    normalize_text,
)

__all__ = ["ChainMap", "DEFAULT_STEPS", "Edit", "MARKDOWN_STEPS", "NormalizedText", "OffsetMap", "STEPS", "Step",
           "apply_edits", "normalize_text"]
