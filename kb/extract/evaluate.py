"""Compare the extractors' drafts with curated claims, per language and kind of claim.

Both are compiled by kb.claimform, then compared on the RDF:

- meetings: a drafted meeting matches a curated one with the same set of participants;
- dates: of matched meetings, bounds that are compatible (the intervals meet) or equal;
- positions: same speaker and overlapping quote spans (one-to-one, best overlap first);
- topics, stances: of matched positions, the same concept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pyoxigraph import Triple

from ..claimform import compile_form_file, load_form
from ..namespaces import KB, OA, RDF_TYPE
from ..registry import Registry
from ..resources import HOME, SEEDS_DIR
from ..textio import read_utf8
from .lexicon import LANGUAGES
from .pipeline import Options, extract

KINDS = ("meetings", "dates~", "dates=", "positions", "topics", "stances")


def discover(paths: Iterable[Path] = ()) -> list[Path]:
    """Claim forms to evaluate: the given files and directories (searched recursively), or by
    default the seeds and tests/articles/**."""
    paths = list(paths)
    if not paths:
        paths = [SEEDS_DIR, HOME / "tests" / "articles"]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.rglob("*.claims.yaml"))
        elif path.name.endswith(".claims.yaml"):
            found.append(path)
    return list(dict.fromkeys(p.resolve() for p in found))


@dataclass
class Claims:
    meetings: list[tuple[frozenset[str], date | None, date | None]] = field(default_factory=list)
    positions: list[tuple[str, int, int, str, str]] = field(default_factory=list)


def claims_of(triples: list[Triple]) -> Claims:
    by: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        by[t.subject.value][t.predicate.value].append(t.object)  # type: ignore[union-attr]
    out = Claims()

    def one(node: str, predicate: str) -> str | None:
        values = by[node].get(predicate)
        return values[0].value if values else None  # type: ignore[attr-defined]

    def day(node: str, predicate: str) -> date | None:
        value = one(node, predicate)
        return date.fromisoformat(value) if value else None

    for node, props in by.items():
        types = {o.value for o in props.get(RDF_TYPE.value, [])}  # type: ignore[attr-defined]
        if KB.MeetingAccount.value in types:
            people = frozenset(
                one(p.value, KB.participant.value) or ""
                for p in props.get(KB.participation.value, [])  # type: ignore[attr-defined]
            )
            out.meetings.append((people, day(node, KB.earliest.value), day(node, KB.latest.value)))
        elif KB.Statement.value in types:
            evidence = one(node, KB.evidence.value) or ""
            start = end = -1
            for selector in by[evidence].get(OA.hasSelector.value, []):
                s = selector.value  # type: ignore[attr-defined]
                if one(s, OA.start.value) is not None:
                    start, end = int(one(s, OA.start.value) or 0), int(one(s, OA.end.value) or 0)
            out.positions.append(
                (
                    one(node, KB.speaker.value) or "",
                    start,
                    end,
                    one(node, KB.position.value) or "",
                    one(node, KB.stance.value) or "",
                )
            )
    return out


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.predicted, self.gold = (
            self.tp + other.tp,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )

    def scores(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _compatible(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    return (a[0] is None or b[1] is None or a[0] <= b[1]) and (
        b[0] is None or a[1] is None or b[0] <= a[1]
    )


def compare(gold: Claims, predicted: Claims) -> dict[str, Tally]:
    tallies = {kind: Tally() for kind in KINDS}
    for kind in KINDS:
        if kind.startswith(("meetings", "dates")):
            tallies[kind] = Tally(0, len(predicted.meetings), len(gold.meetings))
        else:
            tallies[kind] = Tally(0, len(predicted.positions), len(gold.positions))
    unused = list(range(len(predicted.meetings)))
    for people, earliest, latest in gold.meetings:
        hit = next((k for k in unused if predicted.meetings[k][0] == people), None)
        if hit is None:
            continue
        unused.remove(hit)
        tallies["meetings"].tp += 1
        mine = predicted.meetings[hit][1:]
        if _compatible((earliest, latest), mine):
            tallies["dates~"].tp += 1
        if (earliest, latest) == mine:
            tallies["dates="].tp += 1
    pairs = []
    for g, (speaker, start, end, topic, stance) in enumerate(gold.positions):
        for p, (pspeaker, pstart, pend, ptopic, pstance) in enumerate(predicted.positions):
            overlap = min(end, pend) - max(start, pstart)
            if speaker == pspeaker and overlap > 0:
                pairs.append(((topic == ptopic, stance == pstance, overlap), g, p))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for (same_topic, same_stance, _), g, p in sorted(pairs, key=lambda x: x[0], reverse=True):
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        tallies["positions"].tp += 1
        tallies["topics"].tp += int(same_topic)
        tallies["stances"].tp += int(same_stance)
    return tallies


@dataclass
class Result:
    form: Path
    group: str
    language: str
    tallies: dict[str, Tally]


def evaluate(forms: list[Path], registry: Registry) -> Iterator[Result]:
    for path in forms:
        form = load_form(path)
        article = path.parent / str(form["source"].get("file", ""))
        text = read_utf8(article)
        gold = claims_of(compile_form_file(path, registry).triples)
        predicted = claims_of(extract(text, Options(file=article.name)).compile(registry).triples)
        yield Result(
            path,
            _group(path),
            str(form["source"].get("language") or "und"),
            compare(gold, predicted),
        )


def _group(form: Path) -> str:
    """The set a claim form is reported in: ``seeds``, or the folder that holds its language
    folders (``tests/articles/en/x.claims.yaml``: ``articles``), or else its own folder."""
    if SEEDS_DIR.resolve() in form.resolve().parents:
        return "seeds"
    folder = form.resolve().parent
    return folder.parent.name if folder.name in LANGUAGES else folder.name


def report(results: list[Result]) -> str:
    """Precision, recall and F1 per group (seeds, or the set's folder), language and kind."""
    table: dict[tuple[str, str], dict[str, Tally]] = defaultdict(
        lambda: {k: Tally() for k in KINDS}
    )
    for result in results:
        for key in ((result.group, result.language), (result.group, "all")):
            for kind, tally in result.tallies.items():
                table[key][kind].add(tally)
    width = max([5, *(len(group) for group, _ in table)])
    lines = [f"{'group':{width}} lang  kind       P      R      F1     (tp/pred/gold)"]
    for group, language in sorted(
        table, key=lambda k: (k[0] != "seeds", k[0], k[1] == "all", k[1])
    ):
        for kind in KINDS:
            t = table[(group, language)][kind]
            p, r, f = t.scores()
            lines.append(
                f"{group:{width}} {language:5} {kind:9} {p:6.3f} {r:6.3f} {f:6.3f}"
                f"  ({t.tp}/{t.predicted}/{t.gold})"
            )
    return "\n".join(lines)
