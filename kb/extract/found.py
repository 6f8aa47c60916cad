"""What the mention finder hands on: the people, offices, countries, places and organisations an
article names (``Mention``), with the cue words matched in it (``Found``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import model
from .phrases import Match


@dataclass
class Mention:
    """A person, office, country, place or organisation named in the article."""

    kind: str  # person, office, country, place, organization, media, new-person
    i: int
    j: int
    entity: str | None = None  # entity id (person, country, place, organisation)
    offices: list[str] = field(default_factory=list)  # office ids this mention names or holds
    country: str | None = None
    how: str = "name"  # name, stem, office, counterpart, new
    plural: bool = False
    complement: bool = False  # a name inside another person's title ("assistant of President X")
    attached: bool = False  # an office attached to a name next to it
    name: str = ""  # for new people: the name as printed
    counterpart: bool = False
    role: list[str] | None = None  # office patterns of a role noun ("the minister")
    with_country: bool = False  # a role noun that refers back only with its country named
    possessor: bool = False  # a name in the genitive ("Kəriminin də iştirak etdiyi"): not a subject


@dataclass
class Found:
    """Everything matched in one article."""

    cues: list[Match]
    mentions: list[Mention]

    def of_kind(self, kind: str, i: int = 0, j: int = 1 << 30) -> list[Match]:
        return [m for m in self.cues if m.kind == kind and m.i >= i and m.j <= j]


def is_person(entity: str) -> bool:
    """Whether the registry knows this entity as a person."""
    found = model().entities.get(entity)
    return found is not None and found.kind == "person"
