"""An entity the registry lacks is described (label, name as written, country, ...) in the graph
of every source that names it, and the union of the graphs returns a triple once per graph that
holds it. Every saved query lists the same rows, in the same order, whether one source or two
describe the new person, place, office and publisher: a second description adds no row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pyoxigraph import NamedNode, Triple

from kb import kbase, view
from kb.claimform import compile_form, text_sha256
from kb.model import model_registry
from kb.namespaces import ENT, KB
from kb.queries import run, saved_queries, stream
from kb.store import Store
from kb.store.embedded import EmbeddedStore

S = TypeVar("S", bound=Store)

NEW_PERSON = "karim-nasirov"  # made up, as are the place, the office and the outlet
WRITTEN = "Карим Насиров"
ENTITIES = [
    {"id": NEW_PERSON, "type": "person", "label": "Karim Nasirov", "country": "azerbaijan",
     "mention": WRITTEN, "transliterated": True},
    {"id": "novyi-gorod", "type": "place", "label": "Novyi Gorod", "mention": "Новом Городе",
     "transliterated": True},
    {"id": "azerbaijan-special-envoy", "type": "office", "label": "Special Envoy of Azerbaijan",
     "country": "azerbaijan"},
    {"id": "vestnik-kavkaza", "type": "organization", "label": "Vestnik Kavkaza"},
]  # fmt: skip

# My own sentences: two reports of the same meetings that differ in place and participants.
FIRST = (
    "Ильхам Алиев встретился с Каримом Насировым в Новом Городе 2 мая 2024 года. "
    "Карим Насиров заявил, что территориальная целостность Азербайджана незыблема. "
    "3 мая Ильхам Алиев, Джейхун Байрамов и Карим Насиров встретились снова."
)
SECOND = (
    "Карим Насиров, Ильхам Алиев и Джейхун Байрамов провели встречу в Баку 2 мая 2024 года. "
    "Карим Насиров поддержал развитие двусторонних отношений. "
    "3 мая Ильхам Алиев и Джейхун Байрамов встретились снова. Ранее он работал в Новом Городе."
)


def person(person: str, country: str = "azerbaijan", office: str = "") -> dict[str, str]:
    named = {"person": person, "country": country}
    return {**named, "office": office} if office else named


def form(text: str, meetings: list[dict[str, Any]], statements: list[dict[str, Any]]) -> dict:
    return {
        "source": {
            "sha256": text_sha256(text),
            "publisher": "vestnik-kavkaza",
            "language": "ru",
            "published": {"printed": "05.05.2024", "date": "2024-05-05"},
        },
        "entities": ENTITIES,
        "meetings": meetings,
        "statements": statements,
    }


FORMS = {
    FIRST: form(
        FIRST,
        [
            {
                "id": "m1",
                "meeting": "2024-05-02-talks",
                "participants": [
                    person("ilham-aliyev", office="azerbaijan-president"),
                    person(NEW_PERSON, office="azerbaijan-special-envoy"),
                ],
                "place": "novyi-gorod",
                "date": "2024-05-02",
                "evidence": "Ильхам Алиев встретился с Каримом Насировым",
            },
            {
                "id": "m2",
                "meeting": "2024-05-03-talks",
                "participants": [
                    person("ilham-aliyev"),
                    person("jeyhun-bayramov"),
                    # an office the registry says he did not hold: office-conflicts lists it
                    person(NEW_PERSON, office="azerbaijan-minister-of-foreign-affairs"),
                ],
                "date": "2024-05-03",
                "evidence": "Джейхун Байрамов и Карим Насиров встретились снова",
            },
        ],
        [
            {
                "id": "s1",
                "speaker": NEW_PERSON,
                "position": "territorial-integrity-of-azerbaijan",
                "stance": "affirms",
                "quote": "территориальная целостность Азербайджана незыблема",
                "speech": "reported",
                "at": "m1",
            }
        ],
    ),
    SECOND: form(
        SECOND,
        [
            {
                "id": "m1",
                "meeting": "2024-05-02-talks",
                "participants": [
                    person(NEW_PERSON),
                    person("ilham-aliyev"),
                    person("jeyhun-bayramov"),
                ],
                "place": "baku",
                "date": "2024-05-02",
                "evidence": "провели встречу в Баку",
            },
            {
                "id": "m2",
                "meeting": "2024-05-03-talks",
                "participants": [person("ilham-aliyev"), person("jeyhun-bayramov")],
                "date": "2024-05-03",
                "evidence": "Ильхам Алиев и Джейхун Байрамов встретились снова",
            },
        ],
        [
            {
                "id": "s1",
                "speaker": NEW_PERSON,
                "position": "bilateral-relations",
                "stance": "supports",
                "quote": "поддержал развитие двусторонних отношений",
                "speech": "reported",
            }
        ],
    ),
}
DESCRIBED = {ENT[entity["id"]] for entity in ENTITIES}


def kb_of(path: Path, described_twice: bool) -> EmbeddedStore:
    """The two sources; the second describes the new entities too, or only names them."""
    return fill(EmbeddedStore(path), described_twice)


def fill(store: S, described_twice: bool) -> S:
    """``store``, empty, made a KB of the two sources (see :func:`kb_of`)."""
    kbase.init(store)
    graphs: dict[NamedNode, list[Triple]] = {}
    for index, (text, claims) in enumerate(FORMS.items()):
        compiled = compile_form(claims, text, model_registry(), origin="extracted")
        described = described_twice or index == 0
        graphs[compiled.graph] = [
            t for t in compiled.triples if described or t.subject not in DESCRIBED
        ]
    view.write(store, insert=graphs)
    return store


@pytest.fixture(scope="module")
def kbs(tmp_path_factory: pytest.TempPathFactory) -> tuple[EmbeddedStore, EmbeddedStore]:
    root = tmp_path_factory.mktemp("described")
    return kb_of(root / "once", False), kb_of(root / "twice", True)


def bindings() -> Iterator[tuple[str, dict[str, str]]]:
    """Every saved query with its defaults, with each person parameter bound to the new person,
    and with both countries (where it has two) bound to the new person's."""
    for name, saved in sorted(saved_queries().items()):
        yield name, {}
        for param in saved.params.values():
            if param.name in {"participant", "speaker", "person"}:
                yield name, {param.name: f"ent:{NEW_PERSON}"}
        if {"country1", "country2"} <= set(saved.params):
            yield name, {"country1": "ent:azerbaijan", "country2": "ent:azerbaijan"}


@pytest.mark.parametrize(("name", "values"), list(bindings()))
def test_a_second_description_adds_no_row(
    kbs: tuple[EmbeddedStore, EmbeddedStore], name: str, values: dict[str, str]
) -> None:
    once, twice = kbs
    saved = saved_queries()[name]
    assert run(twice, saved, values).rows == run(once, saved, values).rows
    assert list(stream(twice, saved, values)[1]) == list(stream(once, saved, values)[1])


def test_the_two_sources_describe_the_new_entities_and_the_listings_name_them(
    kbs: tuple[EmbeddedStore, EmbeddedStore],
) -> None:
    _, twice = kbs
    graphs = twice.select(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {ENT[NEW_PERSON]} {KB.reviewStatus} ?status }} }}"
    ).rows
    assert len(graphs) == 2
    listed = {
        str(term.value)  # type: ignore[union-attr]
        for name, values in bindings()
        for row in run(twice, saved_queries()[name], values).rows
        for term in row.values()
    }
    assert {
        WRITTEN,
        "Novyi Gorod",
        "Special Envoy of Azerbaijan",
        "Vestnik Kavkaza, 2024-05-05",
    } <= listed
