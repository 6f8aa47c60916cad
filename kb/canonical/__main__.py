"""``python -m kb.canonical [--fix] [FILE ...]``: check (or rewrite) curated files' canonical form."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import LexiconFormError, TurtleFormError, canonical_text, curated_files, not_canonical


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.canonical", description=__doc__)
    parser.add_argument("--fix", action="store_true", help="rewrite the files in canonical form")
    parser.add_argument("files", nargs="*", type=Path, help="default: registry.ttl and lexicons")
    args = parser.parse_args(argv)
    failed = 0
    for path in args.files or curated_files():
        if args.fix:
            try:
                text = path.read_text(encoding="utf-8")
                canonical = canonical_text(path, text)
            except (LexiconFormError, TurtleFormError) as error:
                print(f"{path}: {error}", file=sys.stderr)
                failed += 1
                continue
            if canonical != text:
                path.write_text(canonical, encoding="utf-8")
                print(f"rewrote {path}", file=sys.stderr)
        elif (problem := not_canonical(path)) is not None:
            print(problem, file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
