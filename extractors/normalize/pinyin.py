"""Find pinyin annotations such as ``經(jīng)`` and return the edits that delete them."""

from __future__ import annotations

import re

from zonekg.extractors.normalize.matching import has_matches
from zonekg.extractors.normalize.offsets import Edit

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PLAIN = "a-zü"
# A toned syllable in parentheses is never anything but an annotation.
_TONED_GROUP = re.compile(rf"[(（][{_PLAIN}{_TONED}]{{0,5}}[{_TONED}][{_PLAIN}{_TONED}]{{0,5}}[)）]")
# An annotation whose opening parenthesis was eaten by mojibake (總?cè)丝): in an
# annotated text a toned syllable closed by ")" is still an annotation.
_ORPHAN_GROUP = re.compile(rf"(?<![(（{_PLAIN}{_TONED}a-zA-Z])[{_PLAIN}]{{0,5}}[{_TONED}][{_PLAIN}{_TONED}]{{0,5}}[)）]")
# Toneless candidates (de, le, men …) right after a CJK character; they are only
# removed when the document carries the toned signature.
_TONELESS_GROUP = re.compile(r"(?<=[\u3400-\u9fff])[(（]([a-zü]{1,6})[)）]")
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|in|un|ün|"
          r"ia|ie|iu|ua|uo|ui|üe|ve|ue|er|a|o|e|i|u|ü|v)")
_SYLLABLE = re.compile(rf"{_INITIAL}{_FINAL}r?")
# Enough toned annotations to be sure the text is annotated throughout.
SIGNATURE_MIN = 5


def pinyin_edits(text: str) -> list[Edit]:
    """Return deletions of parenthesised pinyin: every toned one, toneless ones only in annotated texts."""
    edits = [Edit(m.start(), m.end()) for m in _TONED_GROUP.finditer(text)]
    if len(edits) < SIGNATURE_MIN:
        return edits
    toneless = [Edit(m.start(), m.end()) for m in _TONELESS_GROUP.finditer(text)
                if _SYLLABLE.fullmatch(m.group(1))]
    orphans = [Edit(m.start(), m.end()) for m in _ORPHAN_GROUP.finditer(text)]
    extra = toneless + orphans
    return sorted(edits + extra) if extra else edits


def has_pinyin_signature(text: str) -> bool:
    """Return True when the text carries pinyin annotations after its characters."""
    return has_matches(_TONED_GROUP, text, SIGNATURE_MIN)
