"""Scoring against a development set of real articles with gold claims (``../shared/devset``).

The set keeps its own gold form (``gold/<id>.yaml``: meetings with participants' canonical
names, positions with speaker and verbatim quote) and its annotation conventions (its
README). Each article goes the way a user's does: ``extract``, ``add`` to an empty KB, then
the saved queries ``positions`` and ``meetings``; the rows are matched as the set's README
says: a gold position is found by a row whose speaker label contains one of the name's
forms (``eval/aliases.yaml`` beside the set, else the surname) and whose quote covers at
least half of the gold quote while at least 30% of it lies inside; a gold meeting is found
by an extracted meeting that names at least two of its participants. Every claim drawn from
a negative article is false. Of the gold positions found, the stance is compared too: the gold
word ("calls for") names the stance concept of that label (stance:calls-for), and the row that
found it with the largest share of the gold quote must give that concept; a gold word the
scheme has no concept for counts as a disagreement, and is named in the report.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from .errors import KBError
from .extract.pipeline import Options, extract
from .kbase import add, init
from .model import model_graphs, model_registry
from .namespaces import GRAPH, PREFIXES, SKOS, STANCE, local
from .normalize import loose_key
from .queries import load_query, run
from .resources import HOME
from .store.embedded import EmbeddedStore
from .view import BUCKETS

ENVIRONMENT = "KB_DEVSET"


def locate(explicit: Path | None = None) -> Path | None:
    """The development set: the given folder, ``$KB_DEVSET``, or ``../shared/devset``."""
    candidates = (
        [explicit] if explicit else [os.environ.get(ENVIRONMENT), HOME.parent / "shared" / "devset"]
    )
    for candidate in candidates:
        if candidate and (Path(candidate) / "gold").is_dir():
            return Path(candidate)
    return None


_fold = lru_cache(maxsize=None)(loose_key)  # names and labels recur across every comparison


@lru_cache(maxsize=4096)
def _spaces(text: str) -> str:
    """The text with every run of white space as one space, trimmed."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@dataclass
class Tally:
    """Gold items found, and answers right, of one kind of claim."""

    found: int = 0
    gold: int = 0
    right: int = 0
    answers: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.gold += other.gold
        self.right += other.right
        self.answers += other.answers
        self.misses += other.misses
        self.extras += other.extras

    @property
    def precision(self) -> float:
        return self.right / self.answers if self.answers else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Agreement:
    """Of the gold positions found, how many the statement that found them gives the gold
    stance; the gold words no stance concept has; what was found instead."""

    same: int = 0
    compared: int = 0
    unknown: Counter[str] = field(default_factory=Counter)
    differences: list[str] = field(default_factory=list)

    def add(self, other: Agreement) -> None:
        self.same += other.same
        self.compared += other.compared
        self.unknown += other.unknown
        self.differences += other.differences

    @property
    def share(self) -> float:
        return self.same / self.compared if self.compared else 1.0


@dataclass
class ArticleScore:
    id: str
    language: str
    negative: bool
    positions: Tally
    meetings: Tally
    failure: str | None = None
    stances: Agreement = field(default_factory=Agreement)


@lru_cache(maxsize=1)
def stance_concepts() -> frozenset[str]:
    """The local ids of the stance scheme's concepts (ontology/stances.ttl)."""
    return frozenset(
        local(t.subject.value)
        for t in model_graphs()[GRAPH["stances"]]
        if isinstance(t.subject, ox.NamedNode)
        and t.predicate == SKOS.inScheme
        and t.object == STANCE["scheme"]
    )


def stance_of(word: str) -> str:
    """The stance concept a gold stance word names: "calls for" is stance:calls-for."""
    return "-".join(word.strip().lower().split())


class Scorer:
    """Matches query rows with gold claims by the set's conventions."""

    def __init__(self, aliases: dict[str, list[str]]) -> None:
        self.aliases = aliases

    def names(self, gold: str, label: str | None) -> bool:
        forms = self.aliases.get(gold) or [gold.split()[-1]]
        if not label:
            return False
        folded = _fold(label)
        return any(_fold(f) and _fold(f) in folded for f in forms)

    @staticmethod
    def shares(text: str, gold_quote: str, quote: str) -> tuple[float, float]:
        """The share of the gold quote that the quote covers, and of the quote that lies
        inside the gold quote (0, 0 when either is not in the text)."""
        text, gold_quote, quote = _spaces(text), _spaces(gold_quote), _spaces(quote)
        g, x = text.find(gold_quote), text.find(quote)
        if g < 0 or x < 0 or not quote or not gold_quote:
            return 0.0, 0.0
        g_end, x_end = g + len(gold_quote), x + len(quote)
        inside = max(0, min(g_end, x_end) - max(g, x))
        return inside / (g_end - g), inside / (x_end - x)

    @staticmethod
    def overlaps(text: str, gold_quote: str, quote: str) -> bool:
        covered, within = Scorer.shares(text, gold_quote, quote)
        return covered >= 0.5 and within >= 0.3

    def positions(self, gold: dict[str, Any], text: str, rows: list[dict[str, str]]) -> Tally:
        golds = gold.get("positions") or []
        statements = {r["statement"]: r for r in rows}
        tally = Tally(gold=len(golds), answers=len(statements))

        def hit(g: dict[str, Any], r: dict[str, str]) -> bool:
            return self.names(g["speaker"], r.get("speakerLabel")) and self.overlaps(
                text, g["quote"], r.get("quote", "")
            )

        for g in golds:
            if any(hit(g, r) for r in statements.values()):
                tally.found += 1
            else:
                tally.misses.append(f"{gold['id']}: {g['speaker']} / {g['quote'][:60]}")
        for r in statements.values():
            if any(hit(g, r) for g in golds):
                tally.right += 1
            else:
                tally.extras.append(
                    f"{gold['id']}: {r.get('speakerLabel')} / {r.get('quote', '')[:60]}"
                )
        return tally

    def stances(self, gold: dict[str, Any], text: str, rows: list[dict[str, str]]) -> Agreement:
        """Of the gold positions found, whether the row with the largest share of the gold
        quote (the first, on a tie) gives the gold stance."""
        agreement = Agreement()
        for g in gold.get("positions") or []:
            found = [
                r
                for r in rows
                if self.names(g["speaker"], r.get("speakerLabel"))
                and self.overlaps(text, g["quote"], r.get("quote", ""))
            ]
            if not found or not g.get("stance"):
                continue
            best = max(found, key=lambda r: self.shares(text, g["quote"], r.get("quote", ""))[0])
            wanted, given = stance_of(str(g["stance"])), local(best.get("stance", ""))
            agreement.compared += 1
            if wanted not in stance_concepts():
                agreement.unknown[str(g["stance"])] += 1
            if wanted == given:
                agreement.same += 1
            else:
                agreement.differences.append(
                    f"{gold['id']}: {g['speaker']} / {g['stance']} -> {given} / {g['quote'][:50]}"
                )
        return agreement

    def meetings(self, gold: dict[str, Any], rows: list[dict[str, str]]) -> Tally:
        found: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            found[r["meeting"]].add(r.get("participantLabel") or r.get("participant") or "")
        golds = [g for g in gold.get("meetings") or [] if not g.get("optional")]
        tally = Tally(gold=len(golds), answers=len(found))

        def hit(g: dict[str, Any], labels: set[str]) -> bool:
            named = [p["name"] for p in g["participants"] if p.get("name")]
            need = min(2, len(named))
            return (
                need > 0 and sum(any(self.names(n, lab) for lab in labels) for n in named) >= need
            )

        for g in golds:
            if any(hit(g, labels) for labels in found.values()):
                tally.found += 1
            else:
                names = [p.get("name") for p in g["participants"]]
                tally.misses.append(f"{gold['id']}: meeting {names}")
        every = gold.get("meetings") or []
        for labels in found.values():
            if any(hit(g, labels) for g in every):
                tally.right += 1
            else:
                tally.extras.append(f"{gold['id']}: meeting {sorted(labels)}")
        return tally


def _rows(store: EmbeddedStore, query: str) -> list[dict[str, str]]:
    solutions = run(store, load_query(query))
    return [
        {k: v.value for k, v in row.items() if v is not None}  # type: ignore[attr-defined]
        for row in solutions.rows
    ]


class _Sandbox:
    """An in-memory KB holding the model; each article is added alone, then taken out."""

    def __init__(self) -> None:
        self.store = EmbeddedStore.in_memory()
        init(self.store)
        # the model, and the view's bucket list with its stamp (kb.view), stay between articles
        self.model = {*model_graphs(), BUCKETS}

    def add(self, text: str, name: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        compiled = extract(text, Options(file=name)).compile(model_registry())
        quads = [
            ox.Quad(t.subject, t.predicate, t.object, compiled.graph) for t in compiled.triples
        ]
        with tempfile.TemporaryDirectory() as tmp:
            draft = Path(tmp) / "draft.trig"
            draft.write_bytes(
                ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)) or b""
            )
            try:
                add(self.store, [draft])
                return _rows(self.store, "positions"), _rows(self.store, "meetings")
            finally:
                self.store.remove_graphs(
                    [g for g in self.store.graph_names() if g not in self.model]
                )


def score(devset: Path) -> Iterator[ArticleScore]:
    """Score every gold article and every negative of the set, one at a time."""
    aliases_file = devset.parent / "eval" / "aliases.yaml"
    aliases = (
        yaml.safe_load(aliases_file.read_text(encoding="utf-8")) if aliases_file.exists() else {}
    )
    scorer = Scorer(aliases or {})
    sandbox = _Sandbox()
    for gold_file in sorted((devset / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        yield _scored(sandbox, scorer, gold, devset / "articles" / f"{gold['id']}.txt", False)
    for article in sorted((devset / "negatives").glob("*.txt")):
        stem = article.stem
        gold = {"id": stem, "positions": [], "meetings": []}
        yield _scored(sandbox, scorer, gold, article, True)


def _scored(
    sandbox: _Sandbox, scorer: Scorer, gold: dict[str, Any], article: Path, negative: bool
) -> ArticleScore:
    text = article.read_text(encoding="utf-8")
    language = str((gold.get("source") or {}).get("language") or article.stem.split("-")[1])
    try:
        positions, meetings = sandbox.add(text, article.name)
    except KBError as error:
        failed = ArticleScore(gold["id"], language, negative, Tally(), Tally(), str(error)[:200])
        failed.positions = scorer.positions(gold, text, [])
        failed.meetings = scorer.meetings(gold, [])
        return failed
    return ArticleScore(
        gold["id"],
        language,
        negative,
        scorer.positions(gold, text, positions),
        scorer.meetings(gold, meetings),
        stances=scorer.stances(gold, text, positions),
    )


def report(results: list[ArticleScore], show: int = 0) -> str:
    """Per language and in all: precision, recall and F1 of positions and meetings; the
    negatives' claims; failures; the stance agreement of the gold positions found; and up to
    ``show`` misses and extras of each kind, and stance differences."""
    languages: dict[str, dict[str, Tally]] = defaultdict(
        lambda: {"positions": Tally(), "meetings": Tally()}
    )
    negatives = {"positions": Tally(), "meetings": Tally()}
    for result in results:
        into = negatives if result.negative else languages[result.language]
        keys = [into] if result.negative else [into, languages["all"]]
        for target in keys:
            target["positions"].add(result.positions)
            target["meetings"].add(result.meetings)
    lines = ["lang  kind       P      R      F1     (found/gold, right/answers)"]
    order = sorted(k for k in languages if k != "all") + (["all"] if "all" in languages else [])
    for language in order:
        for kind, tally in languages[language].items():
            lines.append(
                f"{language:5} {kind:9} {tally.precision:6.2f} {tally.recall:6.2f} {tally.f1:6.2f}"
                f"  ({tally.found}/{tally.gold}, {tally.right}/{tally.answers})"
            )
    claims = negatives["positions"].answers + negatives["meetings"].answers
    lines.append(
        f"negatives: {claims} claim(s) drawn from {sum(r.negative for r in results)} articles"
    )
    for result in results:
        if result.failure:
            lines.append(f"failed: {result.id}: {result.failure}")
    stances = _agreement(results)
    lines.append("stances of the gold positions found: share agreeing (same/compared)")
    for language in sorted(k for k in stances if k != "all") + ["all"]:
        agreement = stances[language]
        lines.append(
            f"{language:5} stances   {agreement.share:6.2f}  ({agreement.same}/{agreement.compared})"
        )
    unknown = stances["all"].unknown
    if unknown:
        words = ", ".join(f"{word} ({n})" for word, n in sorted(unknown.items()))
        lines.append(f"stances: gold words with no concept in the scheme (disagreements): {words}")
    if show:
        every = languages.get("all", {"positions": Tally(), "meetings": Tally()})
        for kind in ("positions", "meetings"):
            lines += [f"  miss: {m}" for m in every[kind].misses[:show]]
            lines += [f"  extra: {e}" for e in every[kind].extras[:show]]
            lines += [f"  negative: {e}" for e in negatives[kind].extras[:show]]
        lines += [f"  stance: {d}" for d in stances["all"].differences[:show]]
    return "\n".join(lines)


def _agreement(results: list[ArticleScore]) -> dict[str, Agreement]:
    """The stance agreement of the gold articles, per language and in all."""
    out: dict[str, Agreement] = defaultdict(Agreement)
    out["all"] = Agreement()
    for result in results:
        if not result.negative:
            out[result.language].add(result.stances)
            out["all"].add(result.stances)
    return out
