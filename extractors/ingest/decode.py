"""Decode the bytes of a text file: BOMs first, then UTF-8, then charset-normalizer's best guess."""

from __future__ import annotations

import codecs
import re

from zonekg.schema.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Chinese legacy code pages, widest first: GB18030 decodes all of GBK and GB2312.
_CHINESE = ("gb18030", "big5hkscs")
_READABLE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2000-\u206f\x20-\x7e\n\r\t]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Share of control characters above which decoded text is binary, not a document.
BINARY_CONTROL_RATIO = 0.02


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a document's bytes; raise InputError if they are not text."""
    if not data.strip():
        raise InputError(path, "the file is empty; nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {encoding} byte-order mark but does not decode ({exc.reason}); "
                                       "re-save it as UTF-8") from exc
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    for encoding in ([guess] if guess else []) + [e for e in _CHINESE if e != guess]:
        try:
            return _checked(data.decode(encoding), path), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    # A legacy file cut in the middle of a character still holds readable text:
    # decode what is there and mark the broken bytes with U+FFFD.
    text = data.decode(guess or "gb18030", errors="replace")
    if text.count("\ufffd") <= max(4, len(text) // 200):
        return _checked(text, path), (guess or "gb18030") + "+replace"
    raise InputError(path, "is not text in UTF-8, GB18030/GBK, Big5 or UTF-16; convert it to UTF-8 or remove it")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Return UTF-16 text when one byte order reads as Chinese or ASCII text, else None."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        readable = len(_READABLE.findall(sample)) / max(1, len(sample))
        if best is None or readable > best[0]:
            best = (readable, text, encoding)
    # NUL bytes in UTF-8 or GBK are never text, so a byte order that reads as
    # nearly all Chinese, ASCII and punctuation is taken.
    if best is not None and best[0] >= 0.9:
        return best[1], best[2]
    return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: it is slow to import

    best = from_bytes(data[:200_000], cp_isolation=["gb18030", "gbk", "big5", "utf_16", "utf_8"]).best()
    return best.encoding if best is not None else None


def _checked(text: str, path: str) -> str:
    sample = text[:20_000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > BINARY_CONTROL_RATIO:
        raise InputError(path, "looks binary (control characters in the text); give a text, HTML, DOCX or PDF file")
    return text
