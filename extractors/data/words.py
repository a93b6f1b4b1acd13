"""Return the general Chinese word list with part-of-speech tags, read from jieba's dictionary file.

jieba ships ``dict.txt`` (word, frequency, tag); it is read directly (jieba is
not imported) and cached once per process. It tells a verb or a pronoun
before a zone suffix (加强开发区, 我省开发区) from a proper stem (桂花树工业园).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from zonekg.schema.errors import ConfigError

MAX_WORD = 4  # longer dictionary words are not needed to segment short name stems


def dictionary_file() -> Path:
    """Return the path of jieba's dict.txt, or raise ConfigError when jieba is missing."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("jieba: package not installed; run `pip install 'jieba>=0.42,<0.43'` for the word list")
    path = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
    if not path.is_file():
        raise ConfigError(f"{path}: jieba's dictionary is missing; reinstall jieba")
    return path


@lru_cache(maxsize=1)
def word_tags() -> dict[str, tuple[int, str]]:
    """Return ``{word: (frequency, tag)}`` for dictionary words of up to MAX_WORD characters."""
    out: dict[str, tuple[int, str]] = {}
    with open(dictionary_file(), encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) <= MAX_WORD:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def segment_right(text: str) -> list[str]:
    """Return ``text`` cut into dictionary words by right-to-left maximum matching (unknown chars alone)."""
    words = word_tags()
    out: list[str] = []
    end = len(text)
    while end > 0:
        for size in range(min(MAX_WORD, end), 0, -1):
            piece = text[end - size:end]
            if size == 1 or piece in words:
                out.append(piece)
                end -= size
                break
    out.reverse()
    return out
