"""Fold text for matching (letter variants, digits, ZWNJ, case) while keeping offsets.

>>> n = normalizer()
>>> folded, index = n.fold("Ali\u00a0ك ۱۴")
>>> folded
'ali ك 14'
>>> n.fold("حسن\u200cاف")[0] == n.fold("حسناف")[0]
True
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import common_lexicon


class Normalizer:
    def __init__(self, char_map: dict[str, str], delete_ranges: list[tuple[str, str]]) -> None:
        table: dict[int, str | None] = {}
        for source, target in char_map.items():
            table[ord(source)] = target if target else None
        for first, last in delete_ranges:
            for code in range(ord(first), ord(last) + 1):
                table[code] = None
        self.table = table
        self.deleted = frozenset(chr(c) for c, t in table.items() if t is None)

    def fold(self, text: str) -> tuple[str, list[int] | None]:
        """The folded text and, if lengths differ, the original offset of each folded character."""
        folded = text.translate(self.table)
        lowered = folded.lower()
        if len(folded) == len(text) and len(lowered) == len(folded):
            return lowered, None
        index: list[int] = []
        out: list[str] = []
        for position, char in enumerate(text):
            mapped = char.translate(self.table)
            if not mapped:
                continue
            low = mapped.lower()
            out.append(low)
            index.extend([position] * len(low))
        return "".join(out), index

    def key(self, text: str) -> str:
        """The folded form of a label or cue (no offsets needed)."""
        return " ".join(text.translate(self.table).lower().split())


@lru_cache(maxsize=1)
def normalizer() -> Normalizer:
    common = common_lexicon()
    ranges = [(str(a), str(b)) for a, b in common.get("delete_ranges", [])]
    return Normalizer({str(k): str(v) for k, v in common["char_map"].items()}, ranges)


TOKEN = __import__("re").compile(r"\w+(?:['\-]\w+)*|[^\w\s]")


def tokens_of(folded: str) -> list[tuple[int, int]]:
    """Spans of the words and punctuation marks of folded text."""
    return [m.span() for m in TOKEN.finditer(folded)]


def key_tokens(text: str) -> tuple[str, ...]:
    """A label or cue as the tuple of its folded tokens."""
    folded = normalizer().key(text)
    return tuple(folded[a:b] for a, b in tokens_of(folded))


def stem(token: str, suffixes: tuple[str, ...], minimum: int = 3) -> str:
    """The token without the longest inflection suffix that leaves at least ``minimum`` letters."""
    for suffix in suffixes:
        if token.endswith(suffix) and len(token) - len(suffix) >= minimum:
            return token[: -len(suffix)]
    return token


ARABIC_SCRIPT = __import__("re").compile(r"[\u0600-\u06FF]")


def slug(name: str) -> str:
    """An ASCII id for a name, transliterated (table in _common.yaml), words joined by '-'."""
    from .lexicon import common_lexicon

    table = common_lexicon().get("transliteration") or {}
    folded = normalizer().key(name)
    out = []
    for char in folded:
        if char.isascii():
            out.append(char if char.isalnum() else "-")
        else:
            out.append(str(table.get(char, "-")))
    text = "".join(out)
    return "-".join(part for part in text.split("-") if part) or "unnamed"
