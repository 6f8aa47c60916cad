"""Mutation tests: start from valid claims, break one rule at a time, expect its own message.

The base is the curated claims of one seed article, compiled to RDF and checked against
the seed KB the way ``kb validate`` checks a submission (with only the context it
references). Every case breaks one rule and names the sh:message it must get, and the
claim the report must blame (for nested nodes, the claim that owns them). A meta-test reads
every sh:message of ontology/shapes.ttl and fails if some message has no case here, so a
new shape cannot land without a test that shows it firing.

A second suite breaks claim forms (YAML) and adds them through the CLI: each is refused
with its specific message, a non-zero exit, and the store unchanged.
"""

# ruff: noqa: E501  (the cases are tables: one case per line reads best)

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from kb import kbase
from kb.claimform import CompiledSource, compile_form_file
from kb.namespaces import (
    CLAIM,
    DCTERMS,
    ENT,
    KB,
    MTG,
    OA,
    OFFICE,
    POS,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    SRC,
    STANCE,
    XSD,
)
from kb.resources import SEEDS_DIR
from kb.store import Store
from kb.validation import SH, Report, context_for, shapes_graph, validate_store, validate_submission

from .conftest import store_hash as _hash

FORM = SEEDS_DIR / "001_35c6b722bd335644.claims.yaml"
TERM = "https://w3id.org/kb/term/"
Triples = list[ox.Triple]
Mutation = Callable[[Triples], Triples]


@pytest.fixture(scope="module")
def base() -> CompiledSource:
    return compile_form_file(FORM, kbase.model_registry())


def messages() -> set[str]:
    return {str(m) for m in shapes_graph().objects(None, SH.message)}


def msg(fragment: str) -> str:
    """The one sh:message of shapes.ttl that contains ``fragment``."""
    found = [m for m in messages() if fragment in m]
    assert len(found) == 1, f"{fragment!r} matches {len(found)} messages: {found}"
    return found[0]


# -- building mutations ----------------------------------------------------------------

SID = "f0dfe1a430830148"  # sha256 of the article; checked in test_the_base_is_valid
SOURCE = SRC[SID]


def c(local: str) -> ox.NamedNode:
    """A node of the base: ``c("s1")``, ``c("m1/p2")``, ``c("s1/evidence/position")``."""
    return CLAIM[f"{SID}/{local}"]


def date(text: str) -> ox.Literal:
    return ox.Literal(text, datatype=XSD.date)


def integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=XSD.integer)


def drop(subject: ox.NamedNode, predicate: ox.NamedNode, obj: object = None) -> Mutation:
    def mutate(triples: Triples) -> Triples:
        kept = [
            t
            for t in triples
            if not (
                t.subject == subject
                and t.predicate == predicate
                and (obj is None or t.object == obj)
            )
        ]
        assert len(kept) < len(triples), f"nothing to drop: {subject} {predicate}"
        return kept

    return mutate


def put(
    subject: ox.NamedNode, predicate: ox.NamedNode, *objects: ox.NamedNode | ox.Literal
) -> Mutation:
    """Replace every value of ``predicate`` on ``subject`` by ``objects``."""

    def mutate(triples: Triples) -> Triples:
        kept = [t for t in triples if not (t.subject == subject and t.predicate == predicate)]
        return kept + [ox.Triple(subject, predicate, o) for o in objects]

    return mutate


def plus(*spo: tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]) -> Mutation:
    def mutate(triples: Triples) -> Triples:
        return triples + [ox.Triple(*t) for t in spo]

    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(triples: Triples) -> Triples:
        for m in mutations:
            triples = m(triples)
        return triples

    return mutate


def copy_claim(local: str, new: str) -> Mutation:
    """The claim's own triples again under another IRI (sharing its nested nodes)."""

    def mutate(triples: Triples) -> Triples:
        return triples + [
            ox.Triple(c(new), t.predicate, t.object) for t in triples if t.subject == c(local)
        ]

    return mutate


def without_node(node: ox.NamedNode) -> Mutation:
    def mutate(triples: Triples) -> Triples:
        return [t for t in triples if node not in (t.subject, t.object)]

    return mutate


def rename(node: ox.NamedNode, new: ox.NamedNode) -> Mutation:
    def mutate(triples: Triples) -> Triples:
        return [
            ox.Triple(
                new if t.subject == node else t.subject,
                t.predicate,
                new if t.object == node else t.object,
            )
            for t in triples
        ]

    return mutate


@dataclass(frozen=True)
class Case:
    id: str
    message: str
    mutate: Mutation
    claim: str | None  # local id of the claim blamed, or None for a node of no claim
    node: ox.NamedNode | None = None  # the focus node, when it is not a claim


NEW_PERSON = ENT["someone-new"]
NEW_TERM = ox.NamedNode(TERM + "someone-new--iran-president--2020")

CASES = [
    # sources
    Case(
        "source-sha256-malformed",
        msg("exactly one kb:sha256"),
        put(SOURCE, KB.sha256, ox.Literal("ABC")),
        None,
        SOURCE,
    ),
    Case(
        "source-sha256-mismatch",
        msg("does not match the SHA-256"),
        put(SOURCE, KB.sha256, ox.Literal("0" * 64)),
        None,
        SOURCE,
    ),
    Case(
        "source-misnamed",
        msg("A source is named src:"),
        rename(SOURCE, SRC["0123456789abcdef"]),
        None,
        SRC["0123456789abcdef"],
    ),
    Case(
        "source-without-text",
        msg("full text in exactly one schema:text"),
        drop(SOURCE, SCHEMA.text),
        None,
        SOURCE,
    ),
    Case(
        "source-without-language",
        msg("dcterms:language"),
        drop(SOURCE, DCTERMS.language),
        None,
        SOURCE,
    ),
    Case(
        "source-two-titles",
        msg("at most one dcterms:title"),
        plus((SOURCE, DCTERMS.title, ox.Literal("Another", language="en"))),
        None,
        SOURCE,
    ),
    Case(
        "source-publisher-is-a-country",
        msg("schema:publisher must be"),
        put(SOURCE, SCHEMA.publisher, ENT.iran),
        None,
        SOURCE,
    ),
    Case(
        "source-published-as-text",
        msg("schema:datePublished must be"),
        put(SOURCE, SCHEMA.datePublished, ox.Literal("5 Oct 2023")),
        None,
        SOURCE,
    ),
    Case(
        "source-date-printed-tagged",
        msg("kb:datePrinted is"),
        put(SOURCE, KB.datePrinted, ox.Literal("5.10.23", language="en")),
        None,
        SOURCE,
    ),
    Case(
        "source-page-hash-not-hex",
        msg("kb:pageSha256 is"),
        put(SOURCE, KB.pageSha256, ox.Literal("not a hash")),
        None,
        SOURCE,
    ),
    *(
        Case(
            f"source-{field}-basis-twice",
            msg(f"kb:{field}Basis is"),
            put(SOURCE, KB[f"{field}Basis"], ox.Literal("page: one"), ox.Literal("text: two")),
            None,
            SOURCE,
        )
        for field in ("language", "title", "published", "publisher", "url")
    ),
    # what every claim needs
    Case(
        "claim-without-source",
        msg("A claim names exactly one kb:source"),
        drop(c("s1"), KB.source),
        "s1",
    ),
    Case(
        "claim-cites-a-missing-source",
        msg("A claim names exactly one kb:source"),
        put(c("s1"), KB.source, SRC["0000000000000000"]),
        "s1",
    ),
    Case(
        "claim-origin-unknown",
        msg("kb:Curated or kb:Extracted (kb:origin)"),
        put(c("s1"), KB.origin, KB.DirectSpeech),
        "s1",
    ),
    Case(
        "claim-confidence-above-one",
        msg("kb:confidence is one"),
        plus((c("s1"), KB.confidence, ox.Literal("1.5", datatype=XSD.decimal))),
        "s1",
    ),
    Case(
        "claim-according-to-nobody",
        msg("kb:accordingTo names"),
        put(c("s1"), KB.accordingTo, ENT["nobody-at-all"]),
        "s1",
    ),
    Case(
        "claim-evidence-of-another-source",
        msg("quotes another article"),
        put(c("s1/evidence"), OA.hasSource, SRC["c43ef13931acd392"]),
        "s1",
    ),
    # dates
    Case(
        "date-ill-typed",
        msg("kb:date is one valid"),
        put(c("m1"), KB.date, date("2022-13-45")),
        "m1",
    ),
    Case(
        "date-outside-its-bounds",
        msg("does not lie within"),
        put(c("m1"), KB.date, ox.Literal("2023-09", datatype=XSD.gYearMonth)),
        "m1",
    ),
    Case(
        "earliest-not-a-day",
        msg("kb:earliest is one valid"),
        put(c("m1"), KB.earliest, ox.Literal("2023-10", datatype=XSD.gYearMonth)),
        "m1",
    ),
    Case(
        "latest-not-a-day",
        msg("kb:latest is one valid"),
        put(c("m1"), KB.latest, ox.Literal("tomorrow")),
        "m1",
    ),
    Case(
        "date-with-a-time-zone",
        msg("kb:date is one valid"),
        put(c("m1"), KB.date, date("2023-10-04+03:00")),
        "m1",
    ),
    Case(
        "earliest-with-a-time-zone",
        msg("kb:earliest is one valid"),
        put(c("m1"), KB.earliest, date("2023-10-04Z")),
        "m1",
    ),
    Case(
        "latest-with-a-time-zone",
        msg("kb:latest is one valid"),
        put(c("m1"), KB.latest, date("2023-10-04-05:00")),
        "m1",
    ),
    # the derived view: kb's own, never given
    Case(
        "quote-given",
        msg("kb:quote is derived"),
        plus((c("s1"), KB.quote, ox.Literal("words", language="en"))),
        "s1",
    ),
    Case(
        "quote-start-given",
        msg("kb:quoteStart is derived"),
        plus((c("s1"), KB.quoteStart, integer(0))),
        "s1",
    ),
    Case(
        "quote-end-given",
        msg("kb:quoteEnd is derived"),
        plus((c("m1"), KB.quoteEnd, integer(5))),
        "m1",
    ),
    Case(
        "sort-month-given",
        msg("kb:sortMonth is derived"),
        plus((c("m1"), KB.sortMonth, integer(202310))),
        "m1",
    ),
    Case(
        "view-definition-given",
        msg("kb:viewDefinition is derived"),
        plus((c("s1"), KB.viewDefinition, ox.Literal("0123456789ab"))),
        "s1",
    ),
    Case(
        "source-bucket-given",
        msg("kb:sourceBucket is derived"),
        plus((c("s1"), KB.sourceBucket, ox.Literal("https://w3id.org/kb/source/f0"))),
        "s1",
    ),
    Case(
        "meeting-bucket-given",
        msg("kb:meetingBucket is derived"),
        plus((c("m1"), KB.meetingBucket, ox.Literal("https://w3id.org/kb/meeting/2023-10"))),
        "m1",
    ),
    Case(
        "account-digest-given",
        msg("kb:accountDigest is derived"),
        plus(
            (
                MTG["2023-10-ebrahim-raisi-khalaf-khalafov"],
                KB.accountDigest,
                ox.Literal("- - - | - | an account the source never gave"),
            )
        ),
        None,
        MTG["2023-10-ebrahim-raisi-khalaf-khalafov"],
    ),
    Case(
        "attendee-given",
        msg("kb:attendee is derived"),
        plus((MTG["2023-10-ebrahim-raisi-khalaf-khalafov"], KB.attendee, ENT["ilham-aliyev"])),
        None,
        MTG["2023-10-ebrahim-raisi-khalaf-khalafov"],
    ),
    Case(
        "position-stance-given",
        msg("kb:positionStance is derived"),
        plus((c("s1"), KB.positionStance, ox.Literal("a topic and stance the source never gave"))),
        "s1",
    ),
    Case(
        "states-position-stance-given",
        msg("kb:statesPositionStance is derived"),
        plus((ENT["ebrahim-raisi"], KB.statesPositionStance, ox.Literal("a key of no statement"))),
        None,
        ENT["ebrahim-raisi"],
    ),
    Case(
        "reports-position-stance-given",
        msg("kb:reportsPositionStance is derived"),
        plus((SOURCE, KB.reportsPositionStance, ox.Literal("a key of no statement"))),
        None,
        SOURCE,
    ),
    Case(
        "published-month-given",
        msg("kb:publishedMonth is derived"),
        plus((SOURCE, KB.publishedMonth, integer(202310))),
        None,
        SOURCE,
    ),
    Case(
        "earliest-after-latest",
        msg("kb:earliest is after kb:latest"),
        both(
            put(c("m1"), KB.earliest, date("2023-10-05")),
            put(c("m1"), KB.latest, date("2023-10-04")),
        ),
        "m1",
    ),
    Case(
        "two-date-bases",
        msg("kb:dateBasis is one"),
        plus((c("m1"), KB.dateBasis, ox.Literal("a second reason"))),
        "m1",
    ),
    Case(
        "statement-after-publication",
        msg("dated after its source was published"),
        both(
            put(c("s1"), KB.earliest, date("2023-11-02")),
            put(c("s1"), KB.latest, date("2023-11-02")),
            put(c("s1"), KB.date, date("2023-11-02")),
        ),
        "s1",
    ),
    Case(
        "meeting-after-publication",
        msg("dated after its source was published"),
        put(c("m4"), KB.earliest, date("2023-10-06")),
        "m4",
    ),
    # meeting accounts and participants
    Case(
        "account-without-meeting",
        msg("names exactly one kb:meeting"),
        drop(c("m1"), KB.meeting),
        "m1",
    ),
    Case(
        "account-two-evidence-spans",
        msg("at most one kb:evidence span"),
        plus((c("m1"), KB.evidence, c("m2/evidence"))),
        "m1",
    ),
    Case(
        "single-participant-meeting",
        msg("at least two kb:participation"),
        without_node(c("m1/p2")),
        "m1",
    ),
    Case(
        "same-person-twice",
        msg("at least two distinct participants"),
        put(c("m1/p2"), KB.participant, ENT["khalaf-khalafov"]),
        "m1",
    ),
    Case(
        "account-located-at-an-organisation",
        msg("schema:location must be"),
        put(c("m1"), SCHEMA.location, ENT.irna),
        "m1",
    ),
    Case(
        "duplicate-meeting-account",
        msg("The same meeting account"),
        copy_claim("m1", "m1-again"),
        "m1-again",
    ),
    Case(
        "meeting-without-account",
        msg("reported by at least one meeting account"),
        plus((MTG["never-reported"], RDF_TYPE, KB.Meeting)),
        None,
        MTG["never-reported"],
    ),
    Case(
        "participation-without-person",
        msg("Each participation names exactly one kb:participant"),
        drop(c("m1/p1"), KB.participant),
        "m1",
    ),
    Case(
        "participant-not-in-registry",
        msg("Each participation names exactly one kb:participant"),
        put(c("m1/p1"), KB.participant, ENT["nobody-at-all"]),
        "m1",
    ),
    Case(
        "participant-out-of-office",
        msg("did not hold this office"),
        put(c("m1/p2"), KB.participant, ENT["hassan-rouhani"]),
        "m1",
    ),
    Case(
        "office-not-in-registry",
        msg("kb:inOffice must be one office"),
        put(c("m1/p1"), KB.inOffice, OFFICE["atlantis-king"]),
        "m1",
    ),
    Case(
        "representing-a-city",
        msg("kb:representing must be"),
        put(c("m1/p1"), KB.representing, ENT.tehran),
        "m1",
    ),
    Case(
        "two-mentions",
        msg("at most one kb:mention"),
        plus((c("m1/p1"), KB.mention, ox.Literal("Khalafov", language="en"))),
        "m1",
    ),
    # statements
    Case("missing-speaker", msg("exactly one kb:speaker"), drop(c("s1"), KB.speaker), "s1"),
    Case(
        "speaker-not-in-registry",
        msg("exactly one kb:speaker"),
        put(c("s1"), KB.speaker, ENT["nobody-at-all"]),
        "s1",
    ),
    Case("missing-position", msg("exactly one kb:position"), drop(c("s1"), KB.position), "s1"),
    Case(
        "position-from-the-stances",
        msg("must be a concept of the positions scheme"),
        put(c("s1"), KB.position, STANCE.affirms),
        "s1",
    ),
    Case("missing-stance", msg("exactly one kb:stance"), drop(c("s1"), KB.stance), "s1"),
    Case(
        "stance-from-the-positions",
        msg("must be a concept of the stances scheme"),
        put(c("s1"), KB.stance, POS["regional-cooperation"]),
        "s1",
    ),
    Case(
        "statement-without-evidence",
        msg("A stated position needs exactly one kb:evidence"),
        drop(c("s1"), KB.evidence),
        "s1",
    ),
    Case("speech-unknown", msg("kb:speech is"), put(c("s1"), KB.speech, KB.Curated), "s1"),
    Case(
        "gloss-not-english",
        msg("kb:gloss is one English"),
        plus((c("s1"), KB.gloss, ox.Literal("la géopolitique", language="fr"))),
        "s1",
    ),
    Case(
        "gloss-by-unknown",
        msg("kb:glossBy says"),
        plus((c("s1"), KB.glossBy, KB.DirectSpeech)),
        "s1",
    ),
    Case(
        "stated-at-a-statement",
        msg("kb:statedAt points to one meeting account"),
        put(c("s1"), KB.statedAt, c("s2")),
        "s1",
    ),
    Case(
        "stated-at-another-sources-meeting",
        msg("come from different sources"),
        put(c("s1"), KB.statedAt, CLAIM["c43ef13931acd392/m1"]),
        "s1",
    ),
    Case(
        "duplicate-statement", msg("The same statement"), copy_claim("s1", "s1-again"), "s1-again"
    ),
    # evidence spans and selectors
    Case(
        "fabricated-quote",
        msg("not found verbatim in its source"),
        put(
            c("s1/evidence/quote"), OA.exact, ox.Literal("Iran will annex the Moon", language="en")
        ),
        "s1",
    ),
    Case(
        "evidence-of-a-missing-source",
        msg("Evidence points to exactly one source"),
        put(c("s1/evidence"), OA.hasSource, SRC["0000000000000000"]),
        "s1",
    ),
    Case(
        "evidence-without-quote",
        msg("exactly one oa:TextQuoteSelector"),
        drop(c("s1/evidence"), OA.hasSelector, c("s1/evidence/quote")),
        "s1",
    ),
    Case(
        "evidence-without-offsets",
        msg("exactly one oa:TextPositionSelector"),
        drop(c("s1/evidence"), OA.hasSelector, c("s1/evidence/position")),
        "s1",
    ),
    Case(
        "empty-quote",
        msg("non-empty oa:exact"),
        put(c("s1/evidence/quote"), OA.exact, ox.Literal("")),
        "s1",
    ),
    Case(
        "negative-start",
        msg("exactly one oa:start"),
        put(c("s1/evidence/position"), OA.start, integer(-1)),
        "s1",
    ),
    Case("missing-end", msg("exactly one oa:end"), drop(c("s1/evidence/position"), OA.end), "s1"),
    Case(
        "reversed-span",
        msg("oa:start must be less than oa:end"),
        put(c("s1/evidence/position"), OA.end, integer(0)),
        "s1",
    ),
    # registry records a submission may bring
    Case(
        "person-without-label",
        msg("A person needs exactly one English rdfs:label"),
        plus((NEW_PERSON, RDF_TYPE, SCHEMA.Person)),
        None,
        NEW_PERSON,
    ),
    Case(
        "person-second-preflabel",
        msg("at most one skos:prefLabel per language"),
        plus((ENT["ebrahim-raisi"], SKOS.prefLabel, ox.Literal("Raisi", language="en"))),
        None,
        ENT["ebrahim-raisi"],
    ),
    Case(
        "country-without-label",
        msg("A country needs"),
        plus((ENT.atlantis, RDF_TYPE, SCHEMA.Country)),
        None,
        ENT.atlantis,
    ),
    Case(
        "place-without-label",
        msg("A place needs"),
        plus((ENT["atlantis-city"], RDF_TYPE, KB.Place)),
        None,
        ENT["atlantis-city"],
    ),
    Case(
        "place-in-a-city",
        msg("kb:country of a place"),
        plus(
            (ENT["new-place"], RDF_TYPE, KB.Place),
            (ENT["new-place"], RDFS.label, ox.Literal("New Place", language="en")),
            (ENT["new-place"], KB.country, ENT.tehran),
        ),
        None,
        ENT["new-place"],
    ),
    Case(
        "organisation-without-label",
        msg("An organisation needs"),
        plus((ENT["new-org"], RDF_TYPE, SCHEMA.Organization)),
        None,
        ENT["new-org"],
    ),
    Case(
        "office-without-label",
        msg("An office needs"),
        plus(
            (OFFICE["iran-new-office"], RDF_TYPE, KB.Office),
            (OFFICE["iran-new-office"], KB.officeOf, ENT.iran),
        ),
        None,
        OFFICE["iran-new-office"],
    ),
    Case(
        "office-of-no-country",
        msg("An office belongs to exactly one country"),
        plus(
            (OFFICE["atlantis-king"], RDF_TYPE, KB.Office),
            (OFFICE["atlantis-king"], RDFS.label, ox.Literal("King of Atlantis", language="en")),
        ),
        None,
        OFFICE["atlantis-king"],
    ),
    Case(
        "term-without-holder",
        msg("exactly one kb:holder"),
        plus((NEW_TERM, RDF_TYPE, KB.OfficeTerm), (NEW_TERM, KB.office, OFFICE["iran-president"])),
        None,
        NEW_TERM,
    ),
    Case(
        "term-without-office",
        msg("is of exactly one kb:office"),
        plus((NEW_TERM, RDF_TYPE, KB.OfficeTerm), (NEW_TERM, KB.holder, ENT["ebrahim-raisi"])),
        None,
        NEW_TERM,
    ),
    Case(
        "term-start-not-a-date",
        msg("kb:start is one"),
        plus(
            (NEW_TERM, RDF_TYPE, KB.OfficeTerm),
            (NEW_TERM, KB.holder, ENT["ebrahim-raisi"]),
            (NEW_TERM, KB.office, OFFICE["iran-president"]),
            (NEW_TERM, KB.start, ox.Literal("soon")),
        ),
        None,
        NEW_TERM,
    ),
    Case(
        "term-end-not-a-date",
        msg("kb:end is one"),
        plus(
            (NEW_TERM, RDF_TYPE, KB.OfficeTerm),
            (NEW_TERM, KB.holder, ENT["ebrahim-raisi"]),
            (NEW_TERM, KB.office, OFFICE["iran-president"]),
            (NEW_TERM, KB.end, ox.Literal("later")),
        ),
        None,
        NEW_TERM,
    ),
    Case(
        "term-ends-before-it-starts",
        msg("The term ends before it starts"),
        plus(
            (NEW_TERM, RDF_TYPE, KB.OfficeTerm),
            (NEW_TERM, KB.holder, ENT["ebrahim-raisi"]),
            (NEW_TERM, KB.office, OFFICE["iran-president"]),
            (NEW_TERM, KB.start, date("2021-08-03")),
            (NEW_TERM, KB.end, ox.Literal("2020", datatype=XSD.gYear)),
        ),
        None,
        NEW_TERM,
    ),
    Case(
        "concept-without-label",
        msg("A concept needs a skos:prefLabel"),
        plus(
            (POS["new-topic"], RDF_TYPE, SKOS.Concept),
            (POS["new-topic"], SKOS.inScheme, POS.scheme),
        ),
        None,
        POS["new-topic"],
    ),
    Case(
        "concept-without-scheme",
        msg("A concept belongs to a concept scheme"),
        plus(
            (POS["new-topic"], RDF_TYPE, SKOS.Concept),
            (POS["new-topic"], SKOS.prefLabel, ox.Literal("New topic", language="en")),
        ),
        None,
        POS["new-topic"],
    ),
]


def check(store: Store, triples: Triples, graph: ox.NamedNode) -> Report:
    """Validate ``triples`` as ``kb validate`` does: with the KB context, replacing ``graph``."""
    return validate_submission(triples, context_for(store, triples, exclude_graphs=[graph]))


def test_the_base_is_valid(seed_store: Store, base: CompiledSource) -> None:
    assert base.source_id == SID
    report = check(seed_store, base.triples, base.graph)
    assert report.conforms, report.render()


def test_the_seed_kb_conforms_to_its_shapes(seed_store: Store) -> None:
    report = validate_store(seed_store)
    assert report.conforms, report.render()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_each_broken_rule_gets_its_own_message(
    seed_store: Store, base: CompiledSource, case: Case
) -> None:
    mutated = case.mutate(list(base.triples))
    report = check(seed_store, mutated, base.graph)
    assert not report.conforms, f"{case.id}: the mutation was accepted"
    got = [v for v in report.violations if v.message == case.message]
    assert got, f"{case.id}: expected {case.message!r}; got:\n{report.render()}"
    blamed = {v.claim for v in got}
    if case.claim is not None:
        assert f"<{c(case.claim).value}>" in blamed, f"{case.id}: blames {blamed}"
    else:
        assert case.node is not None
        assert f"<{case.node.value}>" in {v.focus for v in got}, (
            f"{case.id}: focus {[v.focus for v in got]}"
        )


def test_every_shape_message_is_asserted_by_a_mutation() -> None:
    """Every sh:message in ontology/shapes.ttl is the expected message of some case above."""
    untested = messages() - {case.message for case in CASES}
    assert not untested, "shapes without a mutation test:\n" + "\n".join(sorted(untested))


def test_every_node_shape_is_exercised() -> None:
    """Every sh:NodeShape of shapes.ttl owns at least one message a case asserts."""
    graph = shapes_graph()
    asserted = {case.message for case in CASES}
    rdf_type = graph.namespace_manager.expand_curie("rdf:type")
    for shape in graph.subjects(rdf_type, SH.NodeShape):
        owned = set()
        for link in (SH.property, SH.sparql):
            for constraint in graph.objects(shape, link):
                owned |= {str(m) for m in graph.objects(constraint, SH.message)}
        assert owned & asserted, f"{shape} has no mutation test"


def test_a_duplicate_is_found_against_the_kb(seed_store: Store, base: CompiledSource) -> None:
    """Claims added to a source already in the KB: a copy of a stored claim is refused."""
    copy = [
        ox.Triple(c("s1-again"), t.predicate, t.object)
        for t in base.triples
        if t.subject == c("s1")
    ]
    report = validate_submission(copy, context_for(seed_store, copy))
    assert [v.claim for v in report.violations if v.message == msg("The same statement")] == [
        f"<{c('s1-again').value}>"
    ]


def test_the_report_names_claim_node_path_value_and_message(
    seed_store: Store, base: CompiledSource
) -> None:
    mutated = put(
        c("s1/evidence/quote"), OA.exact, ox.Literal("Iran will annex the Moon", language="en")
    )(list(base.triples))
    text = check(seed_store, mutated, base.graph).render("text")
    line = next(line for line in text.splitlines() if "not found verbatim" in line)
    assert f"claim <{c('s1').value}>" in line
    assert f"node <{c('s1/evidence').value}>" in line
    assert "path oa:hasSelector" in line
    assert '"Iran will annex the Moon"@en' in line


# -- claim forms, end to end ---------------------------------------------------------------


def _form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def _statement(form: dict, local: str) -> dict:
    return next(s for s in form["statements"] if s["id"] == local)


def _meeting(form: dict, local: str) -> dict:
    return next(m for m in form["meetings"] if m["id"] == local)


def _fabricated_quote(form: dict) -> None:
    _statement(form, "s1")["quote"] = "Iran will annex the Moon"


def _missing_speaker(form: dict) -> None:
    del _statement(form, "s1")["speaker"]


def _impossible_date(form: dict) -> None:
    _meeting(form, "m1")["date"] = "2023-02-30"


def _after_publication(form: dict) -> None:
    _meeting(form, "m4")["date"] = {"earliest": "2023-10-07", "basis": "a mistake"}


def _single_participant(form: dict) -> None:
    del _meeting(form, "m1")["participants"][1]


def _out_of_office(form: dict) -> None:
    _meeting(form, "m1")["participants"][1]["person"] = "hassan-rouhani"


def _dangling_reference(form: dict) -> None:
    _statement(form, "s1")["speaker"] = "nobody-at-all"


def _unknown_place(form: dict) -> None:
    _meeting(form, "m1")["place"] = "atlantis"


FORM_CASES = [
    ("fabricated-quote", _fabricated_quote, 2, "s1: quote not found verbatim in the article"),
    ("missing-speaker", _missing_speaker, 1, msg("exactly one kb:speaker")),
    ("impossible-date", _impossible_date, 2, "m1: date: day is out of range for month"),
    ("date-after-publication", _after_publication, 1, msg("dated after its source was published")),
    ("single-participant-meeting", _single_participant, 1, msg("at least two kb:participation")),
    ("participant-out-of-office", _out_of_office, 1, msg("did not hold this office")),
    ("dangling-speaker", _dangling_reference, 1, msg("exactly one kb:speaker")),
    ("dangling-place", _unknown_place, 1, msg("schema:location must be")),
]


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built KB on disk, copied by each test that writes to it."""
    path = tmp_path_factory.mktemp("mutations") / "store"
    from kb.store.embedded import EmbeddedStore

    store = EmbeddedStore(path)
    kbase.build(store)
    store.close()
    return path


@pytest.mark.parametrize(
    ("name", "mutate", "code", "expected"), FORM_CASES, ids=[case[0] for case in FORM_CASES]
)
def test_a_broken_claim_form_is_refused(
    kb,
    tmp_path: Path,
    built_store: Path,
    name: str,
    mutate: Callable[[dict], None],
    code: int,
    expected: str,
) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    form = _form()
    mutate(form)
    path = tmp_path / FORM.name
    path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copy(FORM.with_name(form["source"]["file"]), tmp_path / form["source"]["file"])
    before = _hash(store)
    result = kb("add", str(path), store=store)
    assert result.exit_code == code, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert _hash(store) == before


def test_case_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
