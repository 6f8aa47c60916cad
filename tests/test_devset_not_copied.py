"""The development set is third-party text read in place: no clause of it is copied into the
project's code, data or test sentences. A run of seven words shared with one of its articles
is a copied clause (a title with a name, "Azerbaycan Cumhurbaşkanı İlham Aliyev ile", is six).
Skips when ``../shared/devset`` is absent."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
RUN = 7  # words
# code, test sentences and documentation; the lexicons and the registry hold phrases and titles that real
# reporting shares (long office titles, group subjects), reviewed as data
CHECKED = ("kb/**/*.py", "tests/*.py", "ontology/**/*.md", "docs/*.md")

pytestmark = pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is absent")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@cache
def devset_runs() -> dict[str, str]:
    """Every run of RUN words of a devset text, with the article it comes from."""
    runs: dict[str, str] = {}
    for path in sorted(DEVSET.glob("*/*.txt")) + sorted(DEVSET.glob("*/*.html")):
        ws = words(path.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(ws) - RUN + 1):
            runs.setdefault(" ".join(ws[i : i + RUN]), path.name)
    return runs


def copied_lines(path: Path) -> list[str]:
    """The lines of a file that share a run of RUN words with a devset article."""
    runs, found = devset_runs(), []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        ws = words(line)
        shared = [" ".join(ws[i : i + RUN]) for i in range(len(ws) - RUN + 1)]
        run = next((r for r in shared if r in runs), None)
        if run is not None:
            found.append(f"{path}:{number}: '{run}' is in {runs[run]}")
    return found


def test_the_guard_sees_a_copied_clause_and_not_a_shorter_run(tmp_path: Path) -> None:
    run = next(iter(devset_runs()))
    copied = tmp_path / "copied.py"
    copied.write_text(f'SENTENCE = "{run}"\n', encoding="utf-8")
    own = tmp_path / "own.py"
    own.write_text('SENTENCE = "' + " ".join(run.split()[: RUN - 1]) + ' zzz"\n', encoding="utf-8")
    assert copied_lines(copied) and not copied_lines(own)


def test_no_clause_of_the_development_set_is_copied_into_the_project() -> None:
    files = sorted({p for pattern in CHECKED for p in ROOT.glob(pattern) if p.is_file()})
    copied = [line for path in files for line in copied_lines(path)]
    assert not copied, "devset text copied (write your own sentence):\n" + "\n".join(copied)
