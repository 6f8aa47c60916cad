"""Compile a claim form (YAML a person can write and review, see docs/claim-form.md) into RDF.

The compiler locates every quote in its article and records its character offsets,
narrows every date by what is known (publication date, terms of office) and says why,
and refuses a form, naming the claim and the field, when something does not hold.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml
from pyoxigraph import Literal, NamedNode, Triple

from .dates import DateBounds, as_day, parse_partial
from .errors import InputError
from .namespaces import (
    CLAIM,
    DCTERMS,
    ENT,
    KB,
    MTG,
    OA,
    OFFICE,
    POS,
    PREFIXES,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    SRC,
    STANCE,
    XSD,
    Namespace,
    expand,
    local,
    source_graph,
)
from .registry import Registry
from .textio import read_utf8

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")
_NAMESPACE_OF_FIELD: dict[str, Namespace] = {
    "person": ENT,
    "speaker": ENT,
    "country": ENT,
    "place": ENT,
    "publisher": ENT,
    "according_to": ENT,
    "office": OFFICE,
    "position": POS,
    "stance": STANCE,
    "meeting": MTG,
}
_ENTITY_TYPES: dict[str, NamedNode] = {
    "person": SCHEMA.Person,
    "organization": SCHEMA.Organization,
    "place": KB.Place,
    "office": KB.Office,
}
_SPEECH = {"direct": KB.DirectSpeech, "reported": KB.ReportedSpeech}
_ORIGIN = {"curated": KB.Curated, "extracted": KB.Extracted}
# where each of a source's metadata came from (the command line, the page, the text)
_SOURCE_BASIS = {
    "language": KB.languageBasis,
    "title": KB.titleBasis,
    "published": KB.publishedBasis,
    "publisher": KB.publisherBasis,
    "url": KB.urlBasis,
}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_id_of(text: str) -> str:
    """Sources are named by the first 16 hex digits of their text's SHA-256: re-adding replaces."""
    return text_sha256(text)[:16]


@dataclass
class CompiledSource:
    """The RDF of one article and its claims, ready to store in the source's named graph."""

    source_id: str
    text: str
    triples: list[Triple] = field(default_factory=list)

    @property
    def graph(self) -> NamedNode:
        return source_graph(self.source_id)

    @property
    def iri(self) -> NamedNode:
        return SRC[self.source_id]


class FormError(InputError):
    """A claim form that cannot be compiled; the message names the claim and the field."""


def load_form(path: Path) -> dict[str, Any]:
    """Parse a claim form's YAML, with the line of a syntax error."""
    try:
        data = yaml.safe_load(read_utf8(path))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise FormError(
            f"{path}:{where} malformed YAML: {getattr(error, 'problem', error)}"
        ) from error
    if not isinstance(data, dict) or "source" not in data:
        raise FormError(f"{path}: not a claim form (expected a mapping with a 'source:' section)")
    return data


def compile_form_file(path: Path, registry: Registry, origin: str = "curated") -> CompiledSource:
    form = load_form(path)
    from .intake import article_text

    article = path.parent / str(form["source"].get("file", ""))
    text = article_text(article, form["source"].get("page_sha256"))
    return compile_form(form, text, registry, origin=origin, where=str(path))


def compile_form(
    form: Mapping[str, Any],
    text: str,
    registry: Registry,
    origin: str = "curated",
    where: str = "claim form",
    extra: Mapping[str, list[tuple[NamedNode, Literal | NamedNode]]] | None = None,
) -> CompiledSource:
    """The RDF of a claim form whose article text is ``text``.

    ``extra`` adds triples to named claims (by local id), e.g. an extractor's rules and confidence.
    """
    return _Compiler(form, text, registry, origin, where, extra or {}).run()


class _Compiler:
    def __init__(
        self,
        form: Mapping[str, Any],
        text: str,
        registry: Registry,
        origin: str,
        where: str,
        extra: Mapping[str, list[tuple[NamedNode, Literal | NamedNode]]],
    ) -> None:
        self.form, self.text, self.registry, self.where = form, text, registry, where
        self.origin = _ORIGIN[origin]
        self.extra = extra
        self.out = CompiledSource(source_id_of(text), text)
        self.language = str(form["source"].get("language") or "und")
        self.published: date | None = None
        self.accounts: dict[str, tuple[NamedNode, DateBounds]] = {}

    # -- helpers ---------------------------------------------------------------------------

    def fail(self, claim: str, message: str) -> FormError:
        return FormError(f"{self.where}: {claim}: {message}")

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.out.triples.append(Triple(s, p, o))

    def ref(self, key: str, value: object, claim: str) -> NamedNode:
        text = str(value).strip()
        if text.startswith("<") and text.endswith(">"):
            try:
                return NamedNode(text[1:-1])
            except ValueError as error:
                raise self.fail(claim, f"{key}: invalid IRI {text}: {error}") from error
        prefix, colon, _ = text.partition(":")
        if colon and prefix in PREFIXES:
            return expand(text)
        if not _SLUG.match(text):
            raise self.fail(claim, f"{key}: {text!r} is not an id (letters, digits, '-', '.', '+')")
        return _NAMESPACE_OF_FIELD[key][text]

    def lang(self, value: object) -> Literal:
        return Literal(str(value), language=self.language)

    def locate(self, quote: str, claim: str, key: str, occurrence: int = 1) -> tuple[int, int]:
        """Offsets (in code points) of the n-th occurrence of ``quote`` in the article."""
        if not quote:
            raise self.fail(claim, f"{key} is empty")
        start = -1
        for _ in range(occurrence):
            start = self.text.find(quote, start + 1)
            if start < 0:
                found = self.text.count(quote)
                hint = f"it occurs {found} time(s)" if found else "check spacing and spelling"
                raise self.fail(
                    claim,
                    f"{key} not found verbatim in the article (occurrence {occurrence}; {hint}): {quote!r}",
                )
        return start, start + len(quote)

    def evidence(
        self, claim_iri: NamedNode, quote: str, claim: str, key: str, occurrence: int = 1
    ) -> None:
        start, end = self.locate(quote, claim, key, occurrence)
        target = NamedNode(claim_iri.value + "/evidence")
        quote_selector = NamedNode(target.value + "/quote")
        position_selector = NamedNode(target.value + "/position")
        self.add(claim_iri, KB.evidence, target)
        self.add(target, RDF_TYPE, OA.SpecificResource)
        self.add(target, OA.hasSource, self.out.iri)
        self.add(target, OA.hasSelector, quote_selector)
        self.add(target, OA.hasSelector, position_selector)
        self.add(quote_selector, RDF_TYPE, OA.TextQuoteSelector)
        self.add(quote_selector, OA.exact, self.lang(quote))
        self.add(quote_selector, OA.prefix, Literal(self.text[max(0, start - 32) : start]))
        self.add(quote_selector, OA.suffix, Literal(self.text[end : end + 32]))
        self.add(position_selector, RDF_TYPE, OA.TextPositionSelector)
        self.add(position_selector, OA.start, Literal(str(start), datatype=XSD.integer))
        self.add(position_selector, OA.end, Literal(str(end), datatype=XSD.integer))

    def bounds(self, spec: object, claim: str) -> DateBounds:
        if spec is None:
            return DateBounds()
        try:
            if isinstance(spec, (str, int, date)):
                return DateBounds.parse(str(spec), why=f"printed as {spec}")
            if not isinstance(spec, Mapping):
                raise ValueError(f"expected a date or a mapping, got {spec!r}")
            basis = str(spec["basis"]) if spec.get("basis") else ""
            bounds = (
                DateBounds.parse(str(spec["value"]), basis) if spec.get("value") else DateBounds()
            )
            earliest = as_day(spec["earliest"]) if spec.get("earliest") else None
            latest = as_day(spec["latest"]) if spec.get("latest") else None
            bounds = bounds.narrowed(earliest, latest)
            if basis and basis not in bounds.basis:
                bounds = DateBounds(bounds.earliest, bounds.latest, bounds.basis + (basis,))
            return bounds
        except (ValueError, KeyError) as error:
            raise self.fail(claim, f"date: {error}") from error

    def not_after_publication(self, bounds: DateBounds) -> DateBounds:
        if self.published is None:
            return bounds
        return bounds.narrowed(
            latest=self.published, why=f"not after the source's publication on {self.published}"
        )

    def within_terms(self, bounds: DateBounds, person: NamedNode, office: NamedNode) -> DateBounds:
        terms = [
            t
            for t in self.registry.terms(person, office)
            if t.overlaps(bounds.earliest, bounds.latest)
        ]
        if not terms:
            return bounds  # out of office, or no term known: the shapes report it
        starts = [t.start for t in terms]
        ends = [t.end for t in terms]
        earliest = None if None in starts else min(s for s in starts if s)
        latest = None if None in ends else max(e for e in ends if e)
        who = f"{self.registry.label(person)} held the office of {self.registry.label(office)}"
        span = ", ".join(f"{t.start_text or '?'} to {t.end_text or 'now'}" for t in terms)
        return bounds.narrowed(earliest, latest, why=f"{who} {span}")

    def dated(self, iri: NamedNode, bounds: DateBounds) -> None:
        precise = bounds.precise()
        if precise:
            lexical, datatype = precise
            self.add(iri, KB.date, Literal(lexical, datatype=XSD[datatype]))
        if bounds.earliest:
            self.add(iri, KB.earliest, Literal(bounds.earliest.isoformat(), datatype=XSD.date))
        if bounds.latest:
            self.add(iri, KB.latest, Literal(bounds.latest.isoformat(), datatype=XSD.date))
        if bounds.basis:
            self.add(iri, KB.dateBasis, Literal("; ".join(bounds.basis)))

    def claim_common(self, iri: NamedNode, item: Mapping[str, Any], claim: str) -> None:
        self.add(iri, KB.source, self.out.iri)
        self.add(iri, KB.origin, self.origin)
        for agent in item.get("according_to") or []:
            self.add(iri, KB.accordingTo, self.ref("according_to", agent, claim))
        if item.get("attribution"):
            self.locate(str(item["attribution"]), claim, "attribution")
            self.add(iri, KB.attribution, self.lang(item["attribution"]))
        for predicate, obj in self.extra.get(str(item.get("id")), []):
            self.add(iri, predicate, obj)

    # -- sections --------------------------------------------------------------------------

    def run(self) -> CompiledSource:
        self.source(self.form["source"])
        for index, item in enumerate(self.form.get("entities") or [], 1):
            self.entity(item, f"entities[{index}]")
        seen: set[str] = set()
        for section, compile_item in (("meetings", self.meeting), ("statements", self.statement)):
            items = self.form.get(section) or []
            if not isinstance(items, list):
                raise self.fail(section, "expected a list")
            for index, item in enumerate(items, 1):
                if not isinstance(item, Mapping) or not item.get("id"):
                    raise self.fail(f"{section}[{index}]", "each claim needs an 'id'")
                local = str(item["id"])
                if local in seen:
                    raise self.fail(local, "duplicate id")
                seen.add(local)
                compile_item(item, local)
        return self.out

    def source(self, spec: Mapping[str, Any]) -> None:
        iri = self.out.iri
        declared = spec.get("sha256")
        if declared and str(declared) != text_sha256(self.text):
            raise self.fail("source", "sha256 does not match the article's text: the file changed")
        self.add(iri, RDF_TYPE, KB.Source)
        self.add(iri, KB.sha256, Literal(text_sha256(self.text)))
        self.add(iri, SCHEMA.text, Literal(self.text))
        self.add(iri, DCTERMS.language, Literal(self.language, datatype=XSD.language))
        if spec.get("file"):
            self.add(iri, KB.fileName, Literal(str(spec["file"])))
        if spec.get("page_sha256"):
            self.add(iri, KB.pageSha256, Literal(str(spec["page_sha256"])))
        basis = spec.get("basis") or {}
        if not isinstance(basis, Mapping) or set(basis) - set(_SOURCE_BASIS):
            raise self.fail("source", f"basis: a mapping of {', '.join(_SOURCE_BASIS)} to words")
        for key, value in basis.items():
            self.add(iri, _SOURCE_BASIS[key], Literal(str(value)))
        if spec.get("title"):
            self.add(iri, DCTERMS.title, self.lang(spec["title"]))
        if spec.get("publisher"):
            self.add(iri, SCHEMA.publisher, self.ref("publisher", spec["publisher"], "source"))
        if spec.get("url"):
            try:
                self.add(iri, SCHEMA.url, NamedNode(str(spec["url"])))
            except ValueError as error:
                raise self.fail("source", f"url: {error}") from error
        published = spec.get("published") or {}
        if published:
            if published.get("printed"):
                self.add(iri, KB.datePrinted, Literal(str(published["printed"])))
            value = published.get("date")
            if value is None:
                raise self.fail("source", "published: needs a normalised 'date'")
            self.add(iri, SCHEMA.datePublished, _date_literal(value))
            self.published = (
                as_day(value) if not isinstance(value, str) else parse_partial(value[:10])[1]
            )

    def entity(self, item: Mapping[str, Any], where: str) -> None:
        """A person, organisation, place or office the registry lacks, marked unreviewed."""
        kind = str(item.get("type", ""))
        if kind not in _ENTITY_TYPES or not item.get("id") or not item.get("label"):
            raise self.fail(
                where, f"an entity needs an id, a label and a type ({', '.join(_ENTITY_TYPES)})"
            )
        key = "office" if kind == "office" else "person"
        iri = self.ref(key, item["id"], where)
        self.add(iri, RDF_TYPE, _ENTITY_TYPES[kind])
        self.add(iri, RDFS.label, Literal(str(item["label"]), language="en"))
        self.add(iri, KB.reviewStatus, KB.Unreviewed)
        if item.get("country"):
            country = self.ref("country", item["country"], where)
            self.add(iri, KB.officeOf if kind == "office" else KB.country, country)
        if item.get("mention"):  # the name as written, in the article's language
            self.locate(str(item["mention"]), where, "mention")
            self.add(iri, SKOS.prefLabel, self.lang(item["mention"]))
        if item.get("transliterated"):  # the English label is a machine transliteration
            self.add(iri, KB.labelTransliterated, Literal(True))

    def meeting(self, item: Mapping[str, Any], claim_id: str) -> None:
        iri = CLAIM[f"{self.out.source_id}/{claim_id}"]
        participants = item.get("participants") or []
        bounds = self.not_after_publication(self.bounds(item.get("date"), claim_id))
        person_ids = []
        self.add(iri, RDF_TYPE, KB.MeetingAccount)
        for index, participant in enumerate(participants, 1):
            part = NamedNode(f"{iri.value}/p{index}")
            person = self.ref("person", participant.get("person"), claim_id)
            person_ids.append(local(person))
            self.add(iri, KB.participation, part)
            self.add(part, RDF_TYPE, KB.Participation)
            self.add(part, KB.participant, person)
            if participant.get("office"):
                office = self.ref("office", participant["office"], claim_id)
                self.add(part, KB.inOffice, office)
                bounds = self.within_terms(bounds, person, office)
            if participant.get("country"):
                self.add(
                    part, KB.representing, self.ref("country", participant["country"], claim_id)
                )
            if participant.get("mention"):
                self.locate(str(participant["mention"]), claim_id, "mention")
                self.add(part, KB.mention, self.lang(participant["mention"]))
        meeting_id = item.get("meeting") or _meeting_slug(bounds, person_ids)
        meeting = self.ref("meeting", meeting_id, claim_id)
        self.add(iri, KB.meeting, meeting)
        self.add(meeting, RDF_TYPE, KB.Meeting)
        if item.get("place"):
            self.add(iri, SCHEMA.location, self.ref("place", item["place"], claim_id))
        self.dated(iri, bounds)
        self.claim_common(iri, item, claim_id)
        if item.get("evidence"):
            self.evidence(
                iri, str(item["evidence"]), claim_id, "evidence", int(item.get("occurrence", 1))
            )
        self.accounts[claim_id] = (iri, bounds)

    def statement(self, item: Mapping[str, Any], local: str) -> None:
        iri = CLAIM[f"{self.out.source_id}/{local}"]
        self.add(iri, RDF_TYPE, KB.Statement)
        for key, predicate in (
            ("speaker", KB.speaker),
            ("position", KB.position),
            ("stance", KB.stance),
        ):
            if item.get(key):
                self.add(iri, predicate, self.ref(key, item[key], local))
        speech = item.get("speech")
        if speech:
            if speech not in _SPEECH:
                raise self.fail(local, f"speech: {speech!r} is neither 'direct' nor 'reported'")
            self.add(iri, KB.speech, _SPEECH[speech])
        if item.get("gloss"):
            self.add(iri, KB.gloss, Literal(str(item["gloss"]), language="en"))
            self.add(iri, KB.glossBy, self.origin)
        bounds = self.bounds(item.get("date"), local)
        if item.get("at"):
            at = str(item["at"])
            if at not in self.accounts:
                raise self.fail(local, f"at: no meeting with id {at!r} earlier in this form")
            account, account_bounds = self.accounts[at]
            self.add(iri, KB.statedAt, account)
            if not bounds.known:
                bounds = account_bounds
        self.dated(iri, self.not_after_publication(bounds))
        self.claim_common(iri, item, local)
        if "quote" not in item:
            raise self.fail(local, "a stated position needs a verbatim 'quote'")
        self.evidence(iri, str(item["quote"]), local, "quote", int(item.get("occurrence", 1)))


def _date_literal(value: object) -> Literal:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return Literal(value.isoformat(timespec="seconds"), datatype=XSD.dateTime)
        utc = value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        return Literal(utc + "Z", datatype=XSD.dateTime)
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    text = str(value)
    if "T" in text:
        return Literal(text, datatype=XSD.dateTime)
    return Literal(text, datatype=XSD.date)


def _meeting_slug(bounds: DateBounds, person_ids: list[str]) -> str:
    precise = bounds.precise()
    when = precise[0] if precise else "undated"
    return "-".join([when, *sorted(person_ids)])


def iter_seed_forms(seeds_dir: Path) -> Iterator[Path]:
    """The curated claim forms of the seed articles, in file order."""
    return iter(sorted(seeds_dir.glob("*.claims.yaml")))
