"""Deterministic synthetic KBs and articles, built from kb's own curated data.

A synthetic KB is the model kb ships (ontology, shapes, registry, positions, stances), a
synthetic extension of the registry (more people, offices and terms of office, so that the
number of speakers grows with the KB), and synthetic sources: one named graph per article,
holding the article (``kb:Source`` with its full text and hash) and the claims read from it,
exactly as ``kb.claimform`` compiles them: meeting accounts with participations, stated
positions with their evidence (a Web Annotation text quote selector and text position
selector whose offsets point into the article's text), dates or bounds and why.

The articles are made of the curated lexicons: people, places and outlets are named by their
registry labels in the article's language (seven languages, three scripts), every quote
carries a kb:cue phrase of its position and is introduced by a kb:cue of its stance, and the
filler words come from the project's own test articles. Quotes are short, medium or long.
Everything follows from ``seed``: the same arguments give byte-identical N-Quads.

``statements`` counts kb:Statement nodes. Each comes with its evidence (about 25 triples
together); sources and meeting accounts add about 6 more per statement on average.

    python -m benchmarks.generate --statements 1000 -o kb-1000.nq
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kb.dates import parse_partial
from kb.kbase import model_graphs
from kb.namespaces import (
    DCTERMS,
    ENT,
    GRAPH,
    KB,
    OA,
    OFFICE,
    PREFIXES,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    source_graph,
    sparql_prologue,
)
from kb.resources import HOME, SEEDS_DIR
from kb.view import BUCKETS, definition_stamp, derive, stamp

GENERATOR_VERSION = "2"  # 2: with the derived view (kb.view)
# the data also follow the view's definition: a generated file is named by both
DATA_VERSION = f"{GENERATOR_VERSION}-{definition_stamp()[:8]}"
LANGUAGES = ("en", "uk", "ru", "fa", "ar", "az", "tr")
LANGUAGE_WEIGHTS = (30, 12, 14, 16, 10, 10, 8)
SCRIPT = {
    "en": "latin",
    "az": "latin",
    "tr": "latin",
    "uk": "cyrillic",
    "ru": "cyrillic",
    "fa": "persian",
    "ar": "arabic",
}
FIRST_DAY, LAST_DAY = date(2001, 1, 1), date(2025, 6, 30)
BENCH_REGISTRY = GRAPH["bench/registry"]
TERM_NS = PREFIXES["term"]
CLAIM_NS = PREFIXES["claim"]
MTG_NS = PREFIXES["mtg"]
SRC_NS = PREFIXES["src"]

# Weights of positions and stances: the headline topic (Azerbaijan's territorial integrity)
# is a few percent of all statements, as in the seed articles' coverage.
POSITION_WEIGHTS = {
    "territorial-integrity-of-azerbaijan": 4,
    "territorial-integrity": 3,
    "territorial-integrity-of-armenia": 2,
    "bilateral-relations": 12,
    "military-cooperation": 6,
    "regional-peace-and-stability": 8,
    "karabakh-conflict-settlement": 6,
    "regional-cooperation": 5,
    "diplomatic-exchanges": 6,
}
STANCE_WEIGHTS = {
    "affirms": 30,
    "supports": 15,
    "opposes": 8,
    "proposes": 5,
    "calls-for": 10,
    "welcomes": 8,
    "hopes": 8,
    "warns": 6,
    "rejects": 5,
    "offers": 5,
}
MEETING_TEMPLATES = {
    "en": "{a} met {b} in {place}.",
    "uk": "{a} зустрівся з {b} у {place}.",
    "ru": "{a} встретился с {b} в {place}.",
    "fa": "{a} در {place} با {b} دیدار و گفت‌وگو کرد.",
    "ar": "التقى {a} مع {b} في {place}.",
    "az": "{a} {place} şəhərində {b} ilə görüşüb.",
    "tr": "{a}, {place} kentinde {b} ile görüştü.",
}
AND = {"en": "and", "uk": "і", "ru": "и", "fa": "و", "ar": "و", "az": "və", "tr": "ve"}
QUOTES = {
    "en": ("\u201c", "\u201d"),
    "uk": ("«", "»"),
    "ru": ("«", "»"),
    "fa": ("«", "»"),
    "ar": ("«", "»"),
    "az": ("\u201c", "\u201d"),
    "tr": ("\u201c", "\u201d"),
}

# Latin syllables of synthetic names, and how each letter is written in the other scripts.
GIVEN = [
    "ra",
    "mi",
    "el",
    "nur",
    "far",
    "id",
    "ka",
    "mal",
    "sa",
    "bir",
    "ta",
    "hir",
    "ar",
    "dan",
    "le",
    "von",
    "za",
    "ur",
]
SURNAME = [
    "ha",
    "sa",
    "nov",
    "ri",
    "zad",
    "eh",
    "ka",
    "rim",
    "li",
    "yev",
    "ba",
    "gi",
    "rov",
    "ta",
    "hma",
    "si",
    "an",
    "pur",
]
_LATIN = "a b d e f g h i j k l m n o p r s t u v y z".split()
_CYRILLIC = dict(zip(_LATIN, "а б д е ф г х и дж к л м н о п р с т у в й з".split(), strict=True))
_PERSIAN = dict(zip(_LATIN, "ا ب د ه ف گ ه ی ج ک ل م ن و پ ر س ت و و ی ز".split(), strict=True))
_ARABIC = dict(zip(_LATIN, "ا ب د ه ف ج ه ي ج ك ل م ن و ب ر س ت و ف ي ز".split(), strict=True))
SYNTHETIC_OFFICES = {
    "deputy-minister-of-foreign-affairs": "Deputy Minister of Foreign Affairs of {}",
    "ambassador": "Ambassador of {}",
    "member-of-parliament": "Member of Parliament of {}",
    "adviser-to-the-president": "Adviser to the President of {}",
    "deputy-minister-of-defence": "Deputy Minister of Defence of {}",
}
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Term:
    holder: ox.NamedNode
    office: ox.NamedNode
    country: ox.NamedNode | None
    first: date
    last: date


@dataclass
class Lexicon:
    """What the generator draws from: labels, terms of office, concepts with cues, words."""

    labels: dict[str, dict[str, list[str]]]
    terms: list[Term]
    countries: list[ox.NamedNode]
    places: list[ox.NamedNode]
    publishers: list[ox.NamedNode]
    positions: list[tuple[ox.NamedNode, dict[str, list[str]]]]
    stances: list[tuple[ox.NamedNode, dict[str, list[str]]]]
    words: dict[str, list[str]]

    def label(self, iri: ox.NamedNode, lang: str, rng: random.Random) -> str:
        by_lang = self.labels.get(iri.value, {})
        options = by_lang.get(lang) or by_lang.get("en") or [iri.value.rsplit("/", 1)[-1]]
        # the preferred label most of the time, another printed form otherwise
        return options[0] if len(options) == 1 or rng.random() < 0.7 else rng.choice(options[1:])

    def english(self, iri: ox.NamedNode) -> str:
        return self.labels.get(iri.value, {}).get("en", [iri.value.rsplit("/", 1)[-1]])[0]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The curated model, read once: labels in every language, terms, concepts, cue phrases."""
    store = ox.Store()
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object, g) for g, ts in model_graphs().items() for t in ts
    )

    def rows(query: str) -> list[ox.QuerySolution]:
        return list(store.query(sparql_prologue() + query, use_default_graph_as_union=True))  # type: ignore[arg-type]

    labels: dict[str, dict[str, list[str]]] = {}
    for row in rows("""SELECT ?s ?label ?rank WHERE {
            { ?s rdfs:label ?label BIND(0 AS ?rank) } UNION { ?s skos:prefLabel ?label BIND(1 AS ?rank) }
            UNION { ?s skos:altLabel ?label BIND(2 AS ?rank) } } ORDER BY ?s ?rank ?label"""):
        lang = row["label"].language
        if lang:
            forms = labels.setdefault(row["s"].value, {}).setdefault(lang, [])
            if row["label"].value not in forms:
                forms.append(row["label"].value)
    terms = []
    for row in rows("""SELECT ?holder ?office ?country ?start ?end WHERE {
            ?term a kb:OfficeTerm ; kb:holder ?holder ; kb:office ?office .
            OPTIONAL { ?office kb:officeOf ?country } OPTIONAL { ?term kb:start ?start } OPTIONAL { ?term kb:end ?end }
        } ORDER BY ?holder ?office ?start"""):
        first = parse_partial(row["start"].value[:10])[0] if row["start"] else date(1990, 1, 1)
        last = parse_partial(row["end"].value[:10])[1] if row["end"] else LAST_DAY
        terms.append(Term(row["holder"], row["office"], row["country"], first, last))

    def things(cls: str) -> list[ox.NamedNode]:
        return [r["s"] for r in rows(f"SELECT ?s WHERE {{ ?s a {cls} }} ORDER BY ?s")]

    def concepts(scheme: str) -> list[tuple[ox.NamedNode, dict[str, list[str]]]]:
        out: dict[str, dict[str, list[str]]] = {}
        nodes: dict[str, ox.NamedNode] = {}
        for r in rows(f"""SELECT ?c ?cue WHERE {{ ?c skos:inScheme {scheme} ; a skos:Concept .
                OPTIONAL {{ ?c kb:cue ?cue }} }} ORDER BY ?c ?cue"""):
            nodes[r["c"].value] = r["c"]
            cues = out.setdefault(r["c"].value, {})
            if r["cue"] is not None:
                cues.setdefault(r["cue"].language, []).append(r["cue"].value)
        return [(nodes[k], out[k]) for k in sorted(out)]

    return Lexicon(
        labels=labels,
        terms=terms,
        countries=things("schema:Country"),
        places=things("kb:Place"),
        publishers=things("schema:NewsMediaOrganization"),
        positions=concepts("pos:scheme"),
        stances=concepts("stance:scheme"),
        words=_words(),
    )


def _words() -> dict[str, list[str]]:
    """Filler words of each language, from the project's own articles (seeds and test articles)."""
    texts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for form in sorted(SEEDS_DIR.glob("*.claims.yaml")):
        match = re.search(r"^\s*language:\s*(\w+)", form.read_text(encoding="utf-8"), re.M)
        article = form.with_name(form.name.replace(".claims.yaml", ".txt"))
        if match and match.group(1) in texts and article.exists():
            texts[match.group(1)].append(article.read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        for article in sorted((HOME / "tests" / "articles" / lang).glob("*.txt")):
            texts[lang].append(article.read_text(encoding="utf-8"))
    words = {}
    for lang, items in texts.items():
        found = sorted({w for text in items for w in _WORD.findall(text)})
        words[lang] = found or ["lorem", "ipsum", "dolor"]
    return words


def _spell(latin: str, lang: str) -> str:
    table = {"cyrillic": _CYRILLIC, "persian": _PERSIAN, "arabic": _ARABIC}.get(SCRIPT[lang])
    if table is None:
        return latin.title()
    return "".join(table.get(ch, ch) for ch in latin.lower()).replace("-", " ")


# -- the synthetic registry -------------------------------------------------------------------


def synthetic_registry(
    lex: Lexicon, people: int, rng: random.Random
) -> tuple[list[ox.Triple], list[Term]]:
    """More people, with names in every script and one term of office each (a synthetic office)."""
    triples: list[ox.Triple] = []
    add = triples.append
    countries = [
        c
        for c in lex.countries
        if c.value.rsplit("/", 1)[-1] in ("iran", "azerbaijan", "armenia", "russia", "turkey")
    ]
    offices: list[tuple[ox.NamedNode, ox.NamedNode]] = []
    for country in countries:
        slug = country.value.rsplit("/", 1)[-1]
        for key, title in SYNTHETIC_OFFICES.items():
            office = OFFICE[f"{slug}-bench-{key}"]
            offices.append((office, country))
            add(ox.Triple(office, RDF_TYPE, KB.Office))
            label = title.format(lex.english(country))
            add(ox.Triple(office, RDFS.label, ox.Literal(label, language="en")))
            add(ox.Triple(office, KB.officeOf, country))
            lex.labels[office.value] = {"en": [label]}
    terms = []
    for index in range(people):
        given = "".join(rng.choice(GIVEN) for _ in range(2))
        surname = "".join(rng.choice(SURNAME) for _ in range(rng.randint(2, 3)))
        latin = f"{given}-{surname}"
        person = ENT[f"bench-{latin}-{index}"]
        english = f"{given.title()} {surname.title()}"
        add(ox.Triple(person, RDF_TYPE, SCHEMA.Person))
        add(ox.Triple(person, RDFS.label, ox.Literal(english, language="en")))
        forms: dict[str, list[str]] = {"en": [english]}
        for lang in LANGUAGES[1:]:
            name = _spell(latin, lang) if SCRIPT[lang] != "latin" else english
            forms[lang] = [name]
            add(ox.Triple(person, SKOS.prefLabel, ox.Literal(name, language=lang)))
        lex.labels[person.value] = forms
        office, country = rng.choice(offices)
        add(ox.Triple(person, KB.country, country))
        add(ox.Triple(person, KB.reviewStatus, KB.Reviewed))
        start = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days - 365))
        end = start + timedelta(days=rng.randint(2 * 365, 10 * 365)) if rng.random() < 0.7 else None
        term = ox.NamedNode(
            f"{TERM_NS}bench-{latin}-{index}--{office.value.rsplit('/', 1)[-1]}--{start}"
        )
        add(ox.Triple(term, RDF_TYPE, KB.OfficeTerm))
        add(ox.Triple(term, KB.holder, person))
        add(ox.Triple(term, KB.office, office))
        add(ox.Triple(term, KB.start, ox.Literal(start.isoformat(), datatype=XSD.date)))
        if end is not None:
            add(ox.Triple(term, KB.end, ox.Literal(end.isoformat(), datatype=XSD.date)))
        terms.append(Term(person, office, country, start, min(end or LAST_DAY, LAST_DAY)))
    return triples, terms


# -- sources ----------------------------------------------------------------------------------


@dataclass
class Source:
    """One synthetic article and its claims, all in one named graph."""

    source_id: str
    language: str
    text: str
    published: date
    statements: int
    triples: list[ox.Triple] = field(default_factory=list)

    @property
    def graph(self) -> ox.NamedNode:
        return source_graph(self.source_id)

    @property
    def iri(self) -> ox.NamedNode:
        return ox.NamedNode(SRC_NS + self.source_id)


@dataclass
class _Meeting:
    iri: ox.NamedNode
    day: date | None
    earliest: date
    latest: date
    terms: list[Term]
    place: ox.NamedNode


class _TermIndex:
    """Terms of office active on a day, found fast."""

    def __init__(self, terms: list[Term]) -> None:
        self.by_year: dict[int, list[Term]] = {}
        for term in terms:
            for year in range(
                max(term.first.year, FIRST_DAY.year - 1), min(term.last.year, LAST_DAY.year) + 1
            ):
                self.by_year.setdefault(year, []).append(term)

    def pick(self, rng: random.Random, day: date, exclude: set[str]) -> Term | None:
        pool = self.by_year.get(day.year, [])
        for _ in range(30):
            term = rng.choice(pool)
            if term.first <= day <= term.last and term.holder.value not in exclude:
                return term
        return None


class _Text:
    """An article being written: appends sentences and knows their code-point offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def write(self, text: str) -> int:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def value(self) -> str:
        return "".join(self.parts)


def _pick(
    rng: random.Random,
    weighted: list[tuple[ox.NamedNode, dict[str, list[str]]]],
    weights: list[int],
) -> tuple[ox.NamedNode, dict[str, list[str]]]:
    return rng.choices(weighted, weights=weights)[0]


class Generator:
    """Makes sources one by one; ``seed`` fixes everything."""

    def __init__(self, statements: int, seed: int = 7) -> None:
        self.rng = random.Random(f"kb-bench/{GENERATOR_VERSION}/{seed}/{statements}")
        self.lex = lexicon()
        self.statements = statements
        people = max(30, min(statements // 100, 10_000))
        self.registry_triples, synthetic_terms = synthetic_registry(self.lex, people, self.rng)
        self.terms = _TermIndex(self.lex.terms + synthetic_terms)
        self.position_weights = [
            POSITION_WEIGHTS.get(c.value.rsplit("/", 1)[-1], 2) for c, _ in self.lex.positions
        ]
        self.stance_weights = [
            STANCE_WEIGHTS.get(c.value.rsplit("/", 1)[-1], 3) for c, _ in self.lex.stances
        ]
        self.recent: deque[_Meeting] = deque(maxlen=40)
        self.expected_sources = max(1, statements // 8)
        self.index = 0

    # -- claims ---------------------------------------------------------------------------

    def sources(self) -> Iterator[Source]:
        left = self.statements
        while left > 0:
            source = self.source(min(left, self.rng.randint(4, 12)))
            left -= source.statements
            yield source

    def source(self, statements: int) -> Source:
        rng, lex = self.rng, self.lex
        span = (LAST_DAY - FIRST_DAY).days
        published = FIRST_DAY + timedelta(
            days=min(span, self.index * span // self.expected_sources + rng.randint(0, 3))
        )
        self.index += 1
        lang = rng.choices(LANGUAGES, weights=LANGUAGE_WEIGHTS)[0]
        text = _Text()
        out: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = []
        add = out.append
        publisher = rng.choice(lex.publishers)
        meetings = [
            self.meeting(published, rng)
            for _ in range(rng.choices((0, 1, 2), weights=(1, 7, 2))[0])
        ]
        # one source reports a meeting once (the shapes refuse a second account of it)
        meetings = list({m.iri: m for m in meetings if m is not None}.values())
        topic_iri, _ = _pick(rng, lex.positions, self.position_weights)
        title_bits = [lex.label(t.holder, lang, rng) for m in meetings[:1] for t in m.terms[:2]]
        title = (
            f" {AND[lang]} ".join(title_bits)
            + (": " if title_bits else "")
            + lex.label(topic_iri, lang, rng)
        )
        text.write(
            title
            + "\n\n"
            + lex.label(publisher, lang, rng)
            + " / "
            + published.isoformat()
            + "\n\n"
        )
        text.write(self.filler(lang, 12, 25) + "\n\n")

        # claims are written into the text as it grows; their IRIs need the text's hash, so
        # they are collected with placeholders and resolved at the end
        claims: list[tuple[str, str, list[tuple[str, object, object]]]] = []
        accounts: list[tuple[str, _Meeting, list[Term]]] = []
        for number, meeting in enumerate(meetings, 1):
            local = f"m{number}"
            a, b = meeting.terms[0], meeting.terms[1]
            mention_a, mention_b = lex.label(a.holder, lang, rng), lex.label(b.holder, lang, rng)
            sentence = MEETING_TEMPLATES[lang].format(
                a=mention_a, b=mention_b, place=lex.label(meeting.place, lang, rng)
            )
            start = text.write(sentence)
            text.write(" " + self.filler(lang, 8, 20) + "\n\n")
            accounts.append((local, meeting, meeting.terms))
            claims.append(
                (
                    "meeting",
                    local,
                    [("span", start, start + len(sentence)), ("mentions", mention_a, mention_b)],
                )
            )
        for number in range(1, statements + 1):
            local = f"s{number}"
            at = rng.choice(accounts) if accounts and rng.random() < 0.7 else None
            if at is not None:
                speaker_term = rng.choice(at[2])
                speaker: ox.NamedNode = speaker_term.holder
            else:
                term = self.terms.pick(rng, published, set())
                speaker = term.holder if term and rng.random() > 0.05 else rng.choice(lex.countries)
            position, cues = _pick(rng, lex.positions, self.position_weights)
            stance, verbs = _pick(rng, lex.stances, self.stance_weights)
            quote = self.quote(lang, cues, position)
            verb = rng.choice(verbs.get(lang) or verbs.get("en") or ["said"])
            opening, closing = QUOTES[lang]
            lead = f"{lex.label(speaker, lang, rng)} {verb}: {opening}"
            quote_start = text.write(lead) + len(lead)
            text.write(quote + closing + ". ")
            if rng.random() < 0.4:
                text.write(self.filler(lang, 6, 18) + ". ")
            if rng.random() < 0.3:
                text.write("\n\n")
            claims.append(
                (
                    "statement",
                    local,
                    [
                        ("span", quote_start, quote_start + len(quote)),
                        ("what", speaker, position, stance, at),
                    ],
                )
            )
        text.write("\n\n" + self.filler(lang, 10, 30) + ".\n")
        body = text.value()
        sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
        source = Source(sha[:16], lang, body, published, statements)
        iri = source.iri
        add((iri, RDF_TYPE, KB.Source))
        add((iri, KB.sha256, ox.Literal(sha)))
        add((iri, SCHEMA.text, ox.Literal(body)))
        add((iri, DCTERMS.language, ox.Literal(lang, datatype=XSD.language)))
        add((iri, KB.fileName, ox.Literal(f"bench-{self.index:07d}.txt")))
        add((iri, DCTERMS.title, ox.Literal(title, language=lang)))
        add((iri, SCHEMA.publisher, publisher))
        add((iri, SCHEMA.datePublished, ox.Literal(published.isoformat(), datatype=XSD.date)))
        add((iri, KB.datePrinted, ox.Literal(published.isoformat())))
        account_iris: dict[str, ox.NamedNode] = {}
        for kind, local, info in claims:
            claim = ox.NamedNode(f"{CLAIM_NS}{source.source_id}/{local}")
            span = info[0]
            if kind == "meeting":
                meeting = next(m for name, m, _ in accounts if name == local)
                account_iris[local] = claim
                self.account(add, claim, meeting, info[1][1:], lang)
                self.dated(add, claim, meeting.day, meeting.earliest, meeting.latest, published)
            else:
                speaker, position, stance, at = info[1][1:]
                self.statement(add, claim, speaker, position, stance, lang)
                if at is not None:
                    add((claim, KB.statedAt, account_iris[at[0]]))
                    self.dated(add, claim, at[1].day, at[1].earliest, at[1].latest, published)
                else:
                    self.dated(add, claim, published, published, published, published)
            self.common(add, claim, iri)
            self.evidence(add, claim, iri, body, span[1], span[2], lang)
        source.triples = [ox.Triple(s, p, o) for s, p, o in out]
        return source

    def meeting(self, published: date, rng: random.Random) -> _Meeting | None:
        fresh = [
            m for m in self.recent if m.latest <= published and (published - m.latest).days <= 7
        ]
        if fresh and rng.random() < 0.3:
            return rng.choice(fresh)  # another outlet reports a meeting already reported
        if rng.random() < 0.8:
            day: date | None = published - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            earliest = latest = day
        else:
            day, latest = None, published
            earliest = published - timedelta(days=rng.randint(1, 6))
        assert latest is not None
        terms: list[Term] = []
        seen: set[str] = set()
        for _ in range(rng.choices((2, 3), weights=(4, 1))[0]):
            term = self.terms.pick(rng, latest, seen)
            if term is not None:  # active on the latest day, so its term overlaps the bounds
                terms.append(term)
                seen.add(term.holder.value)
        if len(terms) < 2:
            return None
        if day is not None:
            when = day.isoformat()
        elif earliest.strftime("%Y-%m") == latest.strftime("%Y-%m"):
            when = latest.strftime("%Y-%m")
        else:
            when = f"undated-{latest.isoformat()}"
        ids = sorted(t.holder.value.rsplit("/", 1)[-1] for t in terms)
        meeting = _Meeting(
            ox.NamedNode(MTG_NS + "-".join([when, *ids])),
            day,
            earliest,
            latest,
            terms,
            rng.choice(self.lex.places),
        )
        self.recent.append(meeting)
        return meeting

    def filler(self, lang: str, low: int, high: int) -> str:
        words = self.lex.words[lang]
        return " ".join(self.rng.choice(words) for _ in range(self.rng.randint(low, high)))

    def quote(self, lang: str, cues: dict[str, list[str]], position: ox.NamedNode) -> str:
        rng = self.rng
        size = rng.choices(((1, 3), (4, 10), (12, 30)), weights=(40, 45, 15))[0]
        cue = rng.choice(cues.get(lang) or cues.get("en") or [self.lex.english(position)])
        before = self.filler(lang, 0, size[1]) if size[1] > 3 else ""
        after = self.filler(lang, size[0], size[1])
        return " ".join(part for part in (before, cue, after) if part)

    # -- triples ---------------------------------------------------------------------------

    def account(
        self, add, claim: ox.NamedNode, meeting: _Meeting, mentions: tuple[str, str], lang: str
    ) -> None:  # type: ignore[no-untyped-def]
        add((claim, RDF_TYPE, KB.MeetingAccount))
        for number, term in enumerate(meeting.terms, 1):
            part = ox.NamedNode(f"{claim.value}/p{number}")
            add((claim, KB.participation, part))
            add((part, RDF_TYPE, KB.Participation))
            add((part, KB.participant, term.holder))
            add((part, KB.inOffice, term.office))
            if term.country is not None:
                add((part, KB.representing, term.country))
            if number <= 2:
                add((part, KB.mention, ox.Literal(mentions[number - 1], language=lang)))
        add((claim, KB.meeting, meeting.iri))
        add((meeting.iri, RDF_TYPE, KB.Meeting))
        add((claim, SCHEMA.location, meeting.place))

    def statement(
        self,
        add,
        claim: ox.NamedNode,
        speaker: ox.NamedNode,
        position: ox.NamedNode,
        stance: ox.NamedNode,
        lang: str,
    ) -> None:  # type: ignore[no-untyped-def]
        add((claim, RDF_TYPE, KB.Statement))
        add((claim, KB.speaker, speaker))
        add((claim, KB.position, position))
        add((claim, KB.stance, stance))
        add((claim, KB.speech, KB.DirectSpeech if self.rng.random() < 0.6 else KB.ReportedSpeech))
        if lang != "en" and self.rng.random() < 0.8:
            add((claim, KB.gloss, ox.Literal(self.filler("en", 4, 20), language="en")))
            add((claim, KB.glossBy, KB.Curated))

    def dated(
        self,
        add,
        claim: ox.NamedNode,
        day: date | None,
        earliest: date,
        latest: date,
        published: date,
    ) -> None:  # type: ignore[no-untyped-def]
        if day is not None:
            add((claim, KB.date, ox.Literal(day.isoformat(), datatype=XSD.date)))
            basis = f"printed as {day.isoformat()}"
        else:
            if earliest.strftime("%Y-%m") == latest.strftime("%Y-%m"):
                add((claim, KB.date, ox.Literal(latest.strftime("%Y-%m"), datatype=XSD.gYearMonth)))
            elif earliest.year == latest.year:
                add((claim, KB.date, ox.Literal(str(latest.year), datatype=XSD.gYear)))
            basis = (
                f"a recent meeting; not after the source's publication on {published.isoformat()}"
            )
        add((claim, KB.earliest, ox.Literal(earliest.isoformat(), datatype=XSD.date)))
        add((claim, KB.latest, ox.Literal(latest.isoformat(), datatype=XSD.date)))
        add((claim, KB.dateBasis, ox.Literal(basis)))

    def common(self, add, claim: ox.NamedNode, source: ox.NamedNode) -> None:  # type: ignore[no-untyped-def]
        add((claim, KB.source, source))
        if self.rng.random() < 0.3:
            add((claim, KB.origin, KB.Curated))
        else:
            add((claim, KB.origin, KB.Extracted))
            add(
                (
                    claim,
                    KB.confidence,
                    ox.Literal(f"0.{self.rng.randint(50, 99)}", datatype=XSD.decimal),
                )
            )
            add((claim, KB.extractorVersion, ox.Literal("kb-extract/0.1.0")))

    def evidence(
        self,
        add,
        claim: ox.NamedNode,
        source: ox.NamedNode,
        text: str,
        start: int,
        end: int,
        lang: str,
    ) -> None:  # type: ignore[no-untyped-def]
        target = ox.NamedNode(claim.value + "/evidence")
        quote = ox.NamedNode(target.value + "/quote")
        position = ox.NamedNode(target.value + "/position")
        add((claim, KB.evidence, target))
        add((target, RDF_TYPE, OA.SpecificResource))
        add((target, OA.hasSource, source))
        add((target, OA.hasSelector, quote))
        add((target, OA.hasSelector, position))
        add((quote, RDF_TYPE, OA.TextQuoteSelector))
        add((quote, OA.exact, ox.Literal(text[start:end], language=lang)))
        add((quote, OA.prefix, ox.Literal(text[max(0, start - 32) : start])))
        add((quote, OA.suffix, ox.Literal(text[end : end + 32])))
        add((position, RDF_TYPE, OA.TextPositionSelector))
        add((position, OA.start, ox.Literal(str(start), datatype=XSD.integer)))
        add((position, OA.end, ox.Literal(str(end), datatype=XSD.integer)))


# -- whole KBs ------------------------------------------------------------------------------


@dataclass
class Stats:
    statements: int
    sources: int
    triples: int
    seed: int
    generator: str = GENERATOR_VERSION


def generate(statements: int, seed: int = 7, stats: Stats | None = None) -> Iterator[ox.Quad]:
    """Every quad of a synthetic KB with ``statements`` kb:Statement nodes."""
    generator = Generator(statements, seed)
    for name, triples in model_graphs().items():
        for t in triples:
            yield ox.Quad(t.subject, t.predicate, t.object, name)
        if stats:
            stats.triples += len(triples)
    for t in generator.registry_triples:
        yield ox.Quad(t.subject, t.predicate, t.object, BENCH_REGISTRY)
    if stats:
        stats.triples += len(generator.registry_triples)
    buckets: set[ox.Triple] = set()
    for source in generator.sources():
        graph = source.graph
        derived = derive({graph: source.triples})  # the view kb writes with every source
        buckets.update(derived.buckets)
        for name, triples in {graph: source.triples, **derived.views}.items():
            for t in triples:
                yield ox.Quad(t.subject, t.predicate, t.object, name)
            if stats:
                stats.triples += len(triples)
        if stats:
            stats.sources += 1
    buckets.add(stamp())
    for t in sorted(buckets, key=str):
        yield ox.Quad(t.subject, t.predicate, t.object, BUCKETS)
    if stats:
        stats.triples += len(buckets)


def graphs_of(quads: Iterable[ox.Quad]) -> dict[ox.NamedNode, list[ox.Triple]]:
    """Quads grouped by named graph, as kb's Store.write takes them."""
    graphs: dict[ox.NamedNode, list[ox.Triple]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name, []).append(q.triple)  # type: ignore[arg-type]
    return graphs


def write_dataset(path: Path, statements: int, seed: int = 7) -> Stats:
    """Write a synthetic KB as N-Quads (and its stats beside it, ``PATH.json``)."""
    stats = Stats(statements, 0, 0, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("wb") as out:
        ox.serialize(generate(statements, seed, stats), out, format=ox.RdfFormat.N_QUADS)
    partial.replace(path)
    path.with_suffix(path.suffix + ".json").write_text(json.dumps(stats.__dict__) + "\n")
    return stats


def articles(count: int, seed: int = 11) -> list[str]:
    """Texts of ``count`` synthetic articles (seven languages), for the extractors."""
    generator = Generator(count * 12, seed)
    texts = []
    for source in generator.sources():
        texts.append(source.text)
        if len(texts) == count:
            break
    return texts


def one_claim(
    source: ox.NamedNode,
    text: str,
    speaker: ox.NamedNode,
    position: ox.NamedNode,
    stance: ox.NamedNode,
    published: str,
    local: str = "bench-new",
) -> list[ox.Triple]:
    """One new stated position with its evidence, quoting ``text`` (the source's text) verbatim."""
    sentence_end = text.find(". ", 40)
    start, end = 0, sentence_end if 0 < sentence_end < 400 else min(len(text), 120)
    claim = ox.NamedNode(f"{CLAIM_NS}{source.value.rsplit('/', 1)[-1]}/{local}")
    out: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = []
    generator = Generator.__new__(Generator)
    generator.rng = random.Random(0)
    add = out.append
    add((claim, RDF_TYPE, KB.Statement))
    add((claim, KB.speaker, speaker))
    add((claim, KB.position, position))
    add((claim, KB.stance, stance))
    add((claim, KB.speech, KB.ReportedSpeech))
    day = date.fromisoformat(published[:10])
    generator.dated(add, claim, day, day, day, day)
    add((claim, KB.source, source))
    add((claim, KB.origin, KB.Curated))
    generator.evidence(add, claim, source, text, start, end, "und")
    return [ox.Triple(s, p, o) for s, p, o in out]


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic kb KB as N-Quads.")
    parser.add_argument("--statements", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    stats = write_dataset(args.output, args.statements, args.seed)
    print(json.dumps(stats.__dict__))


if __name__ == "__main__":
    main()
