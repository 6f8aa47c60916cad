"""A surname used alone refers back to the person named in full earlier in the article."""

from __future__ import annotations

from collections import defaultdict

from .found import Mention
from .lexicon import Model
from .name_forms import base_word
from .name_spans import capitalised_word
from .normalize import ARABIC_SCRIPT
from .phrases import Match, Matcher, cover
from .segment import Doc


def surnames(doc: Doc, m: Matcher, registry: Model, mentions: list[Mention]) -> list[Mention]:
    """A surname alone refers back to the person named in full before; before a new person
    is named in full (a headline, a lede), to the first such person the article names."""
    covered = cover([Match("", None, x.i, x.j) for x in mentions])
    last: dict[str, Mention] = {}
    for x in reversed(mentions):
        if x.kind == "new-person" and x.j - x.i >= 2:
            key = _key(doc, m, x)
            if key:
                last[key] = x
    out = []
    by_start: dict[int, list[Mention]] = defaultdict(list)
    for x in mentions:
        by_start[x.i].append(x)  # a plural office is one mention per country, on one span
    words = doc.words
    skip = 0
    for i, word in enumerate(words):
        if i < skip:
            continue
        if i in by_start:
            for x in by_start[i]:
                out.append(x)
                key = _key(doc, m, x)
                if key:
                    last[key] = x
            continue
        if i in covered:
            continue
        if i + 1 < len(words) and i + 1 not in covered and ARABIC_SCRIPT.search(word):
            named = last.get(word + words[i + 1])
            if named is not None:
                out.append(_again(registry, named, i, i + 2))
                skip = i + 2
                continue
        if len(word) < 5 or not last:
            continue
        if not (
            not word.isalpha()
            or capitalised_word(doc.printed(*doc.span(i, i + 1)))
            or ARABIC_SCRIPT.search(word)
        ):
            continue
        named = last.get(m.stem(base_word(m, word)))
        if named:
            out.append(_again(registry, named, i, i + 1))
    return out


def _key(doc: Doc, m: Matcher, x: Mention) -> str:
    """The surname by which a person named in full is named again ("" for none)."""
    if (
        x.kind not in ("person", "new-person")
        or not x.entity
        or x.how in ("title", "surname")  # a name as written, not a title
        or (x.j - x.i < 2 and x.kind != "new-person")
    ):
        return ""
    surname = base_word(m, doc.words[x.j - 1])
    if x.j - x.i >= 3 and _bare_ending(m, surname):
        return doc.words[x.j - 2] + surname  # "كريم زاده": two words
    return m.stem(surname)


def _again(registry: Model, named: Mention, i: int, j: int) -> Mention:
    """The person named before, mentioned again by surname at tokens ``i:j``."""
    known = registry.entities.get(named.entity or "")
    return Mention(
        named.kind,
        i,
        j,
        entity=named.entity,
        country=known.country if known else named.country,
        how="surname",
        name=named.name,
    )


def _bare_ending(m: Matcher, word: str) -> bool:
    """A surname ending written as a word of its own ("زاده", "اف", "أوف")."""
    return any(word in (s, "ا" + s) for s in m.name_suffixes)
