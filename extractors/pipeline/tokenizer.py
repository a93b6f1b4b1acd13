"""The ``zonekg.char_tokenizer``: one token per character (whitespace included), so token and char offsets agree.

spaCy's Chinese ``char`` segmenter does the same but aligns whitespace through
a slower generic path; building the Doc from the characters directly is about
five times faster and keeps ``doc.text`` identical to the input.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab


class CharTokenizer:
    """Split a text into one token per character, with no trailing spaces."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=list(text), spaces=[False] * len(text))

    # spaCy serialises tokenizers with the pipeline; this one has no state.
    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> CharTokenizer:
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> CharTokenizer:
        return self


@registry.tokenizers("zonekg.char_tokenizer")
def create_char_tokenizer() -> Callable[[Language], CharTokenizer]:
    """Return the factory spaCy calls with the pipeline to make the tokenizer."""
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)
    return make
