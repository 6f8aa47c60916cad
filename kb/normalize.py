"""The one text normaliser: folds letter variants, digits, joiners and case the same way for
the extractor, the registry's title lookup and the evaluation (data in
``ontology/lexicons/_common.yaml``).

``fold`` keeps offsets (the extractor quotes the original text) and reads the HTML character
references a scraper left in a text ("&quot;", "&#171;", "&nbsp;") as their characters; ``key``
folds a label or a cue; ``loose_key`` also drops accents, punctuation and a leading article, for comparing whole
names and titles ("the Azeri President", "Dışişleri" / "Disisleri").

>>> n = normalizer()
>>> folded, index = n.fold("Ali\u00a0ك ۱۴")
>>> folded
'ali ك 14'
>>> n.fold("&laquo;Yes&raquo;, he said")[0][:6]
'«yes»,'
>>> n.key("حسن\u200cاف") == n.key("حسناف")
True
>>> loose_key("The President (of Azerbaijan)") == loose_key("president of azerbaijan")
True
>>> loose_key("رئیس جمهور") == loose_key("رئيس جمهور")
True
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .lexicons import LEXICON_DIR, read_lexicon

COMMON = LEXICON_DIR / "_common.yaml"


class Normalizer:
    def __init__(
        self,
        char_map: dict[str, str],
        delete_ranges: list[tuple[str, str]],
        punctuation: str = "",
        articles: tuple[str, ...] = (),
    ) -> None:
        table: dict[int, str | None] = {}
        for source, target in char_map.items():
            table[ord(source)] = target if target else None
        for first, last in delete_ranges:
            for code in range(ord(first), ord(last) + 1):
                table[code] = None
        self.table = table
        self.invisible: dict[int, None] = {c: None for c, t in table.items() if t is None}
        self.punctuation = re.compile(f"[{re.escape(punctuation)}]") if punctuation else None
        self.article = (
            re.compile(r"^(?:" + "|".join(map(re.escape, articles)) + r")\s+") if articles else None
        )

    def fold(self, text: str) -> tuple[str, list[int] | None]:
        """The folded text and, unless each character stays in place, the original offset of each
        folded character."""
        folded = text.translate(self.table)
        lowered = folded.lower()
        if len(folded) == len(text) and len(lowered) == len(folded) and not _REFERENCE.search(text):
            return lowered, None
        index: list[int] = []
        out: list[str] = []
        characters = _characters(text) if _REFERENCE.search(text) else enumerate(text)
        for position, chars in characters:
            mapped = chars.translate(self.table)
            if not mapped:
                continue
            low = mapped.lower()
            out.append(low)
            index.extend([position] * len(low))
        return "".join(out), index

    def visible(self, text: str) -> str:
        """The text as a reader sees it: without the characters folding deletes (soft hyphens,
        joiners, Arabic diacritics), otherwise as written."""
        return text.translate(self.invisible)

    def key(self, text: str) -> str:
        """The folded form of a label or cue (no offsets needed)."""
        return " ".join(text.translate(self.table).lower().split())

    def loose_key(self, text: str) -> str:
        """A whole name or title compared loosely: folded, without accents, punctuation or a
        leading article."""
        text = unicodedata.normalize("NFKD", text or "")
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = self.key(text)
        if self.punctuation is not None:
            text = " ".join(self.punctuation.sub(" ", text).split())
        if self.article is not None:
            text = self.article.sub("", text)
        return text


_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _characters(text: str) -> Iterator[tuple[int, str]]:
    """Each character of a text with its offset, an HTML character reference read as the
    character(s) it stands for, at the reference's offset."""
    position = 0
    for reference in _REFERENCE.finditer(text):
        for offset in range(position, reference.start()):
            yield offset, text[offset]
        character = html.unescape(reference.group())
        if character == reference.group():  # no reference HTML knows: its characters as they are
            yield from ((offset, text[offset]) for offset in range(*reference.span()))
        else:
            yield reference.start(), character
        position = reference.end()
    for offset in range(position, len(text)):
        yield offset, text[offset]


@lru_cache(maxsize=1)
def common() -> dict[str, Any]:
    """``_common.yaml``: the folding table, quotation marks and transliteration."""
    return read_lexicon(COMMON)


@lru_cache(maxsize=1)
def normalizer() -> Normalizer:
    data = common()
    ranges = [(str(a), str(b)) for a, b in data.get("delete_ranges", [])]
    return Normalizer(
        {str(k): str(v) for k, v in data["char_map"].items()},
        ranges,
        str(data.get("loose_punctuation") or ""),
        tuple(str(a) for a in data.get("leading_articles") or ()),
    )


def loose_key(text: str) -> str:
    """``normalizer().loose_key``."""
    return normalizer().loose_key(text)
