"""A surname used alone refers back to the person named in full earlier in the article."""

from __future__ import annotations

from collections import defaultdict

from .found import Mention
from .lexicon import Model
from .name_forms import base_word
from .new_people import CAPITAL
from .normalize import ARABIC_SCRIPT
from .phrases import Match, Matcher, cover
from .segment import Doc


def surnames(doc: Doc, m: Matcher, registry: Model, mentions: list[Mention]) -> list[Mention]:
    """A surname alone refers back to the person named in full before."""
    covered = cover([Match("", None, x.i, x.j) for x in mentions])
    last: dict[str, Mention] = {}
    out = []
    by_start: dict[int, list[Mention]] = defaultdict(list)
    for x in mentions:
        by_start[x.i].append(x)  # a plural office is one mention per country, on one span
    for i, word in enumerate(doc.words):
        if i in by_start:
            for x in by_start[i]:
                out.append(x)
                if x.kind in ("person", "new-person") and x.j - x.i >= 2 and x.entity:
                    surname = base_word(m, doc.words[x.j - 1])
                    last[m.stem(surname)] = x
            continue
        if i in covered or len(word) < 5:
            continue
        named = last.get(m.stem(base_word(m, word)))
        if named and (
            not word.isalpha()
            or CAPITAL.match(doc.text[doc.starts[i] : doc.span(i, i + 1)[1]])
            or ARABIC_SCRIPT.search(word)
        ):
            known = registry.entities.get(named.entity or "")
            out.append(
                Mention(
                    named.kind,
                    i,
                    i + 1,
                    entity=named.entity,
                    country=known.country if known else named.country,
                    how="surname",
                    name=named.name,
                )
            )
    return out
