"""The development set printed other ways: how much of its score each way of printing keeps.

Run: .venv/bin/python benchmarks/page_variants.py [--devset ../shared/devset] [--only wrap,soft]

Real pages print the same article in many ways: hard-wrapped at a fixed width, with soft hyphens
inside long words, Windows line ends, no-break spaces, HTML character references a scraper left
("&quot;"), typographic or straight quotation marks, Persian text with Arabic letters, Azerbaijani
with the Cyrillic schwa, Russian with ё. Each variant rewrites every article of the set (and the
gold quotes, where it changes letters) into a temporary copy, which is scored in-process as
`kb evaluate --devset` scores the set; the figures print beside those of the set as it is. The
third-party text is only read, and the copy deleted.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb import devset as devsets  # noqa: E402
from kb.devset import Tally  # noqa: E402

Variant = Callable[[str, str], str]  # (text, language) -> text


def wrapped(text: str, width: int = 72) -> str:
    """Each paragraph broken into lines of at most ``width`` characters."""
    out = []
    for paragraph in text.split("\n"):
        line, lines = "", []
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append("\n".join([*lines, line]))
    return "\n".join(out)


def soft_hyphenated(text: str) -> str:
    """Every word of ten letters or more with a soft hyphen after its fifth letter."""
    return re.sub(r"\w{10,}", lambda m: m.group()[:5] + "\u00ad" + m.group()[5:], text)


def _letters(table: dict[str, dict[str, str]]) -> Variant:
    """Letters of one language replaced by others."""
    return lambda text, language: text.translate(str.maketrans(table.get(language, {})))


def _curly(text: str, language: str) -> str:
    count = iter(range(len(text)))
    text = re.sub('"', lambda _: "“" if next(count) % 2 == 0 else "”", text)
    opening, closing = ("„", "“") if language in ("ru", "uk") else ("“", "”")
    return text.replace("«", opening).replace("»", closing)


# name -> (variant, whether it rewrites the gold quotes too); the white-space variants need not:
# the scorer reads quotes with white space as one space.
VARIANTS: dict[str, tuple[Variant, bool]] = {
    "hard-wrapped": (lambda text, _: wrapped(text), False),
    "windows line ends": (lambda text, _: text.replace("\n", "\r\n"), False),
    "one line a paragraph": (lambda text, _: re.sub(r"\n\s*\n", "\n", text), False),
    "no-break spaces": (lambda text, _: text.replace(" ", "\u00a0"), False),
    "soft hyphens": (lambda text, _: soft_hyphenated(text), True),
    "character references": (
        lambda text, _: text.replace('"', "&quot;").replace("«", "&laquo;").replace("»", "&raquo;"),
        True,
    ),
    "typographic quotes": (_curly, True),
    "straight quotes": (lambda text, _: re.sub("[«»“”„]", '"', text), True),
    "Arabic letters in Persian": (_letters({"fa": {"ی": "ي", "ک": "ك"}}), True),
    "Arabic without hamza": (_letters({"ar": {"أ": "ا", "إ": "ا"}}), True),
    "Eastern digits": (
        _letters({"fa": dict(zip("0123456789", "۰۱۲۳۴۵۶۷۸۹", strict=True))}),
        True,
    ),
    "Cyrillic schwa in Azerbaijani": (_letters({"az": {"ə": "ә", "Ə": "Ә"}}), True),
}


def printed(devset: Path, into: Path, variant: Variant, gold_too: bool) -> Path:
    """A copy of the set at ``into`` with every text printed the variant's way."""
    copy = into / "devset"
    for folder in ("gold", "articles", "negatives"):
        (copy / folder).mkdir(parents=True)
    languages = {}
    for gold_file in sorted((devset / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        language = languages[gold["id"]] = gold["source"]["language"]
        if gold_too:
            for position in gold.get("positions") or []:
                position["quote"] = variant(position["quote"], language)
        (copy / "gold" / gold_file.name).write_text(
            yaml.safe_dump(gold, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    for folder in ("articles", "negatives"):
        for article in sorted((devset / folder).glob("*.txt")):
            language = languages.get(article.stem) or article.stem.split("-")[1]
            text = article.read_bytes().decode("utf-8")
            (copy / folder / article.name).write_bytes(variant(text, language).encode("utf-8"))
    aliases = devset.parent / "eval" / "aliases.yaml"
    if aliases.exists():
        (into / "eval").mkdir()
        shutil.copy(aliases, into / "eval" / "aliases.yaml")
    return copy


def figures(devset: Path) -> str:
    """Found/gold and F1 of positions and meetings, and the negatives' claims, of a set."""
    positions, meetings, false = Tally(), Tally(), 0
    for result in devsets.score(devset):
        if result.negative:
            false += result.positions.answers + result.meetings.answers
        else:
            positions.add(result.positions)
            meetings.add(result.meetings)
    return (
        f"positions {positions.found:3}/{positions.gold} F1 {positions.f1:.2f}  "
        f"meetings {meetings.found:2}/{meetings.gold} F1 {meetings.f1:.2f}  "
        f"negatives' claims {false}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devset", type=Path, default=devsets.locate())
    parser.add_argument("--only", default="", help="comma-separated variant names")
    args = parser.parse_args()
    if args.devset is None or not (args.devset / "gold").is_dir():
        parser.error("no development set: give --devset DIR (with gold/ and articles/)")
    only = [name for name in args.only.split(",") if name]
    print(f"{'as it is':32} {figures(args.devset)}", flush=True)
    for name, (variant, gold_too) in VARIANTS.items():
        if only and not any(o in name for o in only):
            continue
        with tempfile.TemporaryDirectory() as into:
            copy = printed(args.devset, Path(into), variant, gold_too)
            print(f"{name:32} {figures(copy)}", flush=True)


if __name__ == "__main__":
    main()
