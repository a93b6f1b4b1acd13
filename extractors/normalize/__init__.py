"""Normalisation of raw document text, with an offset map back to the raw text.

``normalize_text(raw)`` runs the steps of ``Step`` in order and returns a
``NormalizedText`` whose ``to_raw(start, end)`` maps any span of the
normalised text to the raw span it came from. Each step is a function
``text -> list[Edit]``; ``apply_edits`` turns the edits into the new text and
an ``OffsetMap``; the maps of all steps form a ``ChainMap``.

What the steps decide:

- newlines: ``\\r\\n``/``\\r`` become ``\\n``.
- wiki (MediaWiki sources only, detected by content): headings, links,
  templates, references, files and categories go; an infobox's
  ``|key = value`` lines become ``key:value`` lines; table rows become lines.
- markdown (Markdown sources, by extension or content): markup goes, link and
  emphasis text stays; table rows become tab-separated lines.
- unwrap (PDF text layers only): a line break inside a sentence of a
  hard-wrapped page goes.
- pinyin: every parenthesised toned syllable goes (經(jīng) → 經); toneless
  ones (de, le) only in texts that carry the toned signature. Real
  parentheses ((試行), (3363畝), (cms)) stay.
- simplified: OpenCC t2s, only for texts whose share of Traditional
  characters is ≥ 3 % (a Simplified text is never run through t2s: it would
  write 乾县 as 干县).
- width: full-width ASCII and the ideographic space fold to ASCII, 〔〕【】 to
  [ ]; 。、“”《》 stay, as in the corpus and its gold files.
- regulation: a law database's status fields (法规效力, 时效性 …) go, in
  texts with two or more of them near the top.
- encyclopedia: in texts with an encyclopedia page's signature, widget lines
  (播报, 编辑, 有用+1, 词条统计 …), 目录 lists and citation marks [1] go;
  reference lists under 参考资料/参考文献 go in every text.
- chrome: whole lines of site frame, ads, notices, related links go
  (content-aware scoring, see ``chrome``). The publish-date line at the top
  stays, and so do short credit lines that name an outlet or a writer
  (来源:…, 作者:…, 编辑:…, a photo caption's …记者 X 摄): their names are the
  article's own, so extraction sees them with offsets. Metadata is read
  from the raw text too.
- roundtrip: the word-processor round trip (发展→开展, 服务→效劳, 项目→工程,
  基础→根底, 安全→平安) is repaired only in texts with its signature.
- brackets: 潜政发?2008?18号 → 潜政发[2008]18号.
- whitespace / edges: line edges trimmed, runs of spaces and blank lines
  collapsed (a blank line between paragraphs stays).
"""

from zonekg.extractors.normalize.offsets import ChainMap, Edit, OffsetMap, apply_edits
from zonekg.extractors.normalize.pipeline import (
    DEFAULT_STEPS,
    MARKDOWN_STEPS,
    PDF_STEPS,
    STEPS,
    WIKI_STEPS,
    NormalizedText,
    Step,
    normalize_text,
)

__all__ = ["ChainMap", "DEFAULT_STEPS", "Edit", "MARKDOWN_STEPS", "NormalizedText", "OffsetMap", "PDF_STEPS", "STEPS",
           "Step", "WIKI_STEPS", "apply_edits", "normalize_text"]
