"""The import contracts of `.importlinter` (run by `make lint`) hold, and they bite: a copy of
kb with a layer breach or a cycle injected fails them, naming the contract."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / ".importlinter")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


def copy_with(tmp_path: Path, module: str, line: str) -> Path:
    shutil.copytree(ROOT / "kb", tmp_path / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    with (tmp_path / module).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{line}  # injected by the test\n")
    return tmp_path


def test_kb_keeps_its_import_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-2000:]


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("kb/extract/normalize.py", "from ..kbase import add", "The extractor never imports"),
        ("kb/namespaces.py", "from .validation import Report", "Layers:"),
        ("kb/extract/segment.py", "from .pipeline import extract", "No import cycles"),
    ],
    ids=["extract-imports-the-write-path", "vocabulary-imports-a-higher-layer", "a-cycle"],
)
def test_a_breach_fails_the_contracts(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    result = lint_imports(copy_with(tmp_path, module, line))
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout[-2000:]
