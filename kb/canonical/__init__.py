"""The canonical form of the curated files a person edits by hand: ``ontology/registry.ttl``
and ``ontology/lexicons/*.yaml``, comments kept (``turtle``, ``lexicons``).

One form means a diff shows what changed and nothing else, and two curators adding entries
at once merge cleanly. ``python -m kb.canonical`` checks the shipped files (exit 1 and the
fix when one is not canonical); ``python -m kb.canonical --fix`` (``make tidy``) rewrites them.
"""

from __future__ import annotations

from pathlib import Path

from ..resources import ONTOLOGY_DIR
from .lexicons import LexiconFormError, canonical_lexicon
from .turtle import TurtleFormError, canonical_turtle

FIX_COMMAND = "python -m kb.canonical --fix"  # also: make tidy

__all__ = [
    "FIX_COMMAND",
    "LexiconFormError",
    "TurtleFormError",
    "canonical_text",
    "curated_files",
    "not_canonical",
]


def curated_files(ontology: Path = ONTOLOGY_DIR) -> list[Path]:
    """The files kept in canonical form: the registry and every lexicon."""
    return [ontology / "registry.ttl", *sorted((ontology / "lexicons").glob("*.yaml"))]


def canonical_text(path: Path, text: str | None = None) -> str:
    """The canonical form of a curated file's text (read from ``path`` unless given)."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    if path.suffix == ".ttl":
        return canonical_turtle(text)
    if path.suffix in (".yaml", ".yml"):
        return canonical_lexicon(text)
    raise ValueError(f"{path}: no canonical form for this kind of file")


def not_canonical(path: Path) -> str | None:
    """Why a curated file is not in canonical form (with the fix), or None when it is."""
    try:
        text = path.read_text(encoding="utf-8")
        canonical = canonical_text(path, text)
    except (LexiconFormError, TurtleFormError) as error:
        return f"{path}: {error} (then run: {FIX_COMMAND})"
    if canonical == text:
        return None
    written, wanted = text.splitlines(), canonical.splitlines()
    line = next(
        (n for n, (a, b) in enumerate(zip(written, wanted, strict=False), 1) if a != b),
        min(len(written), len(wanted)) + 1,
    )
    return (
        f"{path} is not in canonical form (first at line {line}): run {FIX_COMMAND} (or make tidy)"
    )
