"""Reading text files the way every kb command does: strict UTF-8, one byte-order-mark rule.

Articles, claim forms and RDF files are all read here, so one article has one text (and
one source IRI) whether it comes in raw through ``kb extract`` or as a reviewed claim form:
a UTF-8 byte-order mark is not part of the text. Anything else that is not UTF-8 text
(UTF-16, binary, another encoding, mojibake) is refused with a hint on how to convert it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError

BOM = b"\xef\xbb\xbf"

# A UTF-8 sequence read as Latin-1 or Windows-1252: a lead byte (Â-ß, à-ï) followed by
# continuation bytes, which Latin-1 shows as C1 controls or ¡-¿ and Windows-1252 as €‚ƒ„….
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}")
_C1 = re.compile("[\u0080-\u009f]")


def read_utf8(path: Path) -> str:
    """The file as text, refusing binary files, other encodings and mojibake with a hint."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from error
    return decode_utf8(path, data)


def decode_utf8(path: Path | str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise InputError(
            f"{path}: UTF-16 text; kb reads UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8"
        )
    if b"\x00" in data or _control_share(data) > 0.01:
        raise InputError(f"{path}: binary file (control bytes), expected UTF-8 text")
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path}: line {line}: not UTF-8 "
            f"(byte {error.start}: {data[error.start : error.start + 1]!r}); "
            f"{_guess_encoding(data)}"
        ) from error
    _refuse_mojibake(path, text)
    return text


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: mostly ASCII, so every other byte is NUL."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > 0.3 * (len(sample) / 2) and min(even, odd) < 0.05 * (len(sample) / 2)


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _control_share(data: bytes) -> float:
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROLS))  # counted in C
    return controls / max(1, len(sample))


def _guess_encoding(data: bytes) -> str:
    for encoding, script, letters in (
        ("cp1251", "Cyrillic", re.compile("[\u0400-\u04ff]")),
        ("cp1256", "Arabic", re.compile("[\u0600-\u06ff]")),
    ):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        high = sum(1 for ch in text if ord(ch) > 127)
        if high and len(letters.findall(text)) > 0.7 * high:
            return (
                f"it looks like {encoding} ({script}): "
                f"convert it, e.g. iconv -f {encoding} -t UTF-8"
            )
    return (
        "convert it to UTF-8 first, e.g. iconv -f LATIN1 -t UTF-8 (name the file's real encoding)"
    )


def _refuse_mojibake(path: Path | str, text: str) -> None:
    """UTF-8 that was once read as Latin-1 or Windows-1252 and saved again as UTF-8.

    Such text is valid UTF-8, so only its look gives it away: Cyrillic turns into pairs
    such as "Ð\\x90Ð·", Arabic into "Ø§Ù", accents into "Ã©". kb refuses a text when such
    pairs make up a large share of its non-ASCII characters and undoing them gives UTF-8.
    """
    pairs = _MOJIBAKE.findall(text)
    if len(pairs) < 3:
        return
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    covered = sum(len(p) for p in pairs)
    if covered < 0.5 * non_ascii and not (_C1.search(text) and covered >= 0.2 * non_ascii):
        return
    sample = next(iter(_mojibake_samples(text)), "")
    raise InputError(
        f"{path}: looks like mojibake (UTF-8 read as Latin-1 and saved again): {pairs[0]!r}…"
        + (f" reads as {sample!r}" if sample else "")
        + "; undo it, e.g. iconv -f UTF-8 -t LATIN1 (or CP1252), then check the text"
    )


def _mojibake_samples(text: str) -> Iterator[str]:
    for match in re.finditer(f"(?:{_MOJIBAKE.pattern}|[ .,]){{4,}}", text):
        for encoding in ("latin-1", "cp1252"):
            try:
                yield match.group().encode(encoding).decode("utf-8").strip()[:40]
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
