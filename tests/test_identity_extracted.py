"""Two outlets, two languages, one meeting: extracted reports merge in either order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kb.resources import SEEDS_DIR

from .conftest import KbRunner

TURAN = SEEDS_DIR / "001_35c6b722bd335644.txt"
AL_ALAM = SEEDS_DIR / "003_0d083f3321f654a4.txt"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from click.testing import CliRunner

    from kb.cli import main

    out = tmp_path_factory.mktemp("drafts")
    paths = {}
    for name, article in (("turan", TURAN), ("al-alam", AL_ALAM)):
        paths[name] = out / f"{name}.trig"
        result = CliRunner().invoke(main, ["extract", str(article), "-o", str(paths[name])])
        assert result.exit_code == 0, result.output
    return paths


@pytest.mark.parametrize("order", [("turan", "al-alam"), ("al-alam", "turan")], ids="-then-".join)
def test_the_khalafov_amir_abdollahian_meeting_has_two_sources_in_either_order(
    kb: KbRunner, tmp_path: Path, drafts: dict[str, Path], order: tuple[str, str]
) -> None:
    store = tmp_path / "kb"
    assert kb("init", store=store).exit_code == 0
    for name in order:
        result = kb("add", str(drafts[name]), store=store)
        assert result.exit_code == 0, result.output
    rows = list(
        csv.DictReader(io.StringIO(kb("query", "meetings", "--format", "csv", store=store).output))
    )
    khalafov = {r["meeting"] for r in rows if r["participantLabel"] == "Khalaf Khalafov"}
    with_minister = {
        r["meeting"]
        for r in rows
        if r["participantLabel"] == "Hossein Amir-Abdollahian" and r["meeting"] in khalafov
    }
    assert len(with_minister) == 1
    (meeting,) = with_minister
    sources = {r["source"] for r in rows if r["meeting"] == meeting}
    assert len(sources) == 2
