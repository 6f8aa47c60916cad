"""Offices in an article: titles with their countries ("Iranian Foreign Minister"), counterparts,
an office attached to the name next to it, and an office named alone resolved to its holder."""

from __future__ import annotations

from datetime import date

from .found import Mention
from .lexicon import Model
from .phrases import Matcher, is_cue
from .segment import Doc, initial_stop

# Tokens that part a title from a name or country next to it: a sentence's end, a colon, a
# quotation mark ("... of Azerbaijan. The spokesperson of ...", "President, \"Azerbaijan ...").
PARTING = (".", "!", "?", "؟", ";", "؛", ":", "«", "»", "“", "”", "„", '"')


COMPLEMENT_WORDS = 3  # words of a title's complement before its holder's name


def apart(doc: Doc, i: int, j: int) -> bool:
    """Whether a sentence end, colon or quotation mark lies among tokens i..j-1."""
    return any(doc.words[t] in PARTING and not initial_stop(doc, t) for t in range(i, j))


VERB_CUES = ("meeting_triggers", "weak_triggers", "speech_verbs", "addressed_verbs")


def _verb(m: Matcher, word: str) -> bool:
    """Whether a word is a verb that ends a clause's subject ("Iran hosted foreign ministers":
    Iran is not the ministers' country)."""
    return any(is_cue(m, word, kind) for kind in VERB_CUES)


def build_offices(doc: Doc, m: Matcher, registry: Model, mentions: list[Mention]) -> list[Mention]:
    """Titles with the country next to them become offices ("Iranian Foreign Minister")."""
    out: list[Mention] = []
    n = len(mentions)
    used: set[int] = set()
    for k, x in enumerate(mentions):
        if k in used:
            continue
        if x.kind != "title":
            out.append(x)
            continue
        countries: list[str] = []
        start, end = x.i, x.j
        # a demonym or country right before ("Iranian Foreign Minister", "İran Dışişleri Bakanı")
        if (
            k > 0
            and mentions[k - 1].kind in ("demonym", "country")
            and x.i - mentions[k - 1].j <= 1
            and not apart(doc, mentions[k - 1].j, x.i)
            and not any(_verb(m, w) for w in doc.words[mentions[k - 1].j : x.i])
            and out
            and out[-1] is mentions[k - 1]
        ):
            before = out.pop()
            countries.append(before.country or "")
            start = before.i
            # a plural title after a list ("Rusya, Türkiye ve İran dışişleri bakanları")
            while (
                x.plural and m.lexicon.get("country_before_title") and _listed(doc, m, out, start)
            ):
                before = out.pop()
                countries.insert(0, before.country or "")
                start = before.i
        # countries right after ("міністра оборони Азербайджану", "وزير الدفاع الإيراني", "X و Y"),
        # where a title's country may follow it (not "Prezident Azərbaycan ilə İran arasında ...")
        q = k + 1
        while (
            not m.lexicon.get("country_before_title")
            and q < n
            and mentions[q].kind in ("demonym", "country")
            and mentions[q].i - end <= (2 if not countries else 1)
        ):
            between = doc.words[end : mentions[q].i]
            if apart(doc, end, mentions[q].i) or any(is_cue(m, w, "body_nouns") for w in between):
                break  # "رئيس الوفد الإيراني": the head of the delegation, not the president
            if between and not all(
                w in (",", "،", "of", "the") or is_cue(m, w, "conjunctions") for w in between
            ):
                if not (len(between) <= 2 and not countries):
                    break
            countries.append(mentions[q].country or "")
            end = mentions[q].j
            used.add(q)
            q += 1
            if not x.plural:
                break
        if not countries:
            out.append(
                Mention(
                    "office",
                    x.i,
                    x.j,
                    offices=list(x.offices),
                    country=None,
                    how="title",
                    plural=x.plural,
                )
            )
            continue
        for country in countries:
            offices = registry.offices_for(country, x.offices)
            out.append(
                Mention(
                    "office",
                    start,
                    end,
                    offices=offices,
                    country=country,
                    how="title",
                    plural=x.plural,
                )
            )
    return _merge_counterparts(doc, out)


def _listed(doc: Doc, m: Matcher, out: list[Mention], start: int) -> bool:
    """Whether the last mention read is a country joined to the list that starts at ``start``
    by a comma or a conjunction alone."""
    if not out or out[-1].kind not in ("demonym", "country"):
        return False
    between = doc.words[out[-1].j : start]
    return len(between) == 1 and (between[0] in (",", "،") or is_cue(m, between[0], "conjunctions"))


def _merge_counterparts(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "his Iranian counterpart": a counterpart of a country, who may be named right after."""
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        x = mentions[k]
        if x.kind == "counterpart":
            country = None
            start, end = x.i, x.j
            for near in (
                out[-1] if out else None,
                mentions[k + 1] if k + 1 < len(mentions) else None,
            ):
                if (
                    near is not None
                    and near.kind == "demonym"
                    and (abs(near.i - x.j) <= 1 or abs(x.i - near.j) <= 1)
                ):
                    country = near.country
                    start, end = min(start, near.i), max(end, near.j)
                    if near is (out[-1] if out else None):
                        out.pop()
                    else:
                        k += 1
            out.append(Mention("counterpart", start, end, country=country, counterpart=True))
        else:
            out.append(x)
        k += 1
    return out


def attach(
    doc: Doc,
    registry: Model,
    mentions: list[Mention],
    era: tuple[date | None, date | None],
    complement: set[int] | None = None,
    partner: set[int] | None = None,
) -> None:
    """An office next to a name is that person's ("Foreign Minister X", "X وزیر دفاع ..."),
    or with only its complement between ("مساعد وزير الخارجية للشؤون السياسية X": the
    ``complement`` tokens, at most COMPLEMENT_WORDS), never across a sentence end or a
    quotation mark, nor across a word that joins a partner or a verb (``partner``: "with")."""
    gap = complement or set()
    joins = partner or set()
    people = ("person", "new-person")
    for k, x in enumerate(mentions):
        if x.kind == "role":
            end, q = x.j, k + 1
            if (
                q + 1 < len(mentions)
                and mentions[q].kind in ("country", "demonym")
                and mentions[q].i - end <= 1
            ):
                # its country between ("помощник президента Азербайджана X")
                end, q = mentions[q].j, q + 1
            after = mentions[q] if q < len(mentions) else None
            if (
                after is not None
                and after.kind in people
                and after.i - end <= 1
                and not apart(doc, x.j, after.i)
            ):
                x.attached = True
            continue
        if x.kind not in ("office", "counterpart"):
            continue
        before = mentions[k - 1] if k > 0 else None
        after = mentions[k + 1] if k + 1 < len(mentions) else None
        near_after = (
            after is not None
            and after.kind in people
            and (
                after.i - x.j <= 1
                or (
                    after.i - x.j <= COMPLEMENT_WORDS and all(t in gap for t in range(x.j, after.i))
                )
            )
            and not apart(doc, x.j, after.i)
            and not joins & set(range(x.j, after.i))
        )
        near_before = (
            before is not None
            and before.kind in people
            and x.i - before.j <= 1
            and not apart(doc, before.j, x.i)
            and not joins & set(range(before.j, x.i))
            and not before.complement
        )
        target = None
        if near_after and near_before and before is not None and after is not None:
            if _held(registry, before, x):
                target, after.complement = before, True
            else:
                target = after
        elif near_after:
            target = after
        elif near_before and x.kind == "office":
            target = before
        if target is None:
            continue
        x.attached = True
        if x.kind == "counterpart":
            target.counterpart = True
        offices = x.offices
        if x.country is None and target.country:
            offices = registry.offices_for(target.country, x.offices)
        if offices:
            held = [
                o
                for o in offices
                if any(t.office == o for t in registry.terms_by_holder.get(target.entity or "", []))
            ]
            target.offices = held or target.offices or ([] if target.kind == "person" else offices)
        if x.country and not target.country:
            target.country = x.country


def _held(registry: Model, person: Mention, office: Mention) -> bool:
    return any(
        t.office in office.offices for t in registry.terms_by_holder.get(person.entity or "", [])
    )


def resolve_offices(
    registry: Model, mentions: list[Mention], era: tuple[date | None, date | None]
) -> None:
    """An office named without a person stands for the registered person the article named
    with it before ("Defence Minister X ... the defence minister said"), even when the date
    the article gives falls outside X's term; else for whoever held it then. (A new person
    introduced with an office is found when the sentence is read: ``reading.resolve``.)"""
    named = [x.entity for x in mentions if x.kind == "person" and x.entity]
    for x in mentions:
        if x.kind != "office" or x.attached or not x.offices or not x.country:
            continue
        introduced = [
            y.entity
            for y in mentions
            if y.kind == "person" and y.j <= x.i and y.entity and set(y.offices) & set(x.offices)
        ]
        if introduced:
            x.entity, x.how = introduced[-1], "office"
            continue
        best = None
        for office in x.offices:
            candidates = registry.holders(office, *era)
            if not candidates:
                continue
            in_text = [c for c in candidates if c in named]
            if in_text:
                best = (in_text[0], office)
                break
            if era[0] is not None:
                best = best or (candidates[-1], office)
            else:
                scored = sorted(candidates, key=lambda c: -_overlap(registry, c, named))
                if _overlap(registry, scored[0], named):
                    best = best or (scored[0], office)
        if best:
            x.entity, x.how = best[0], "office"
            x.offices = [best[1]]


def _overlap(registry: Model, person: str, named: list[str]) -> int:
    """How many named people were in office at some time this person was."""
    mine = registry.terms_by_holder.get(person, [])
    count = 0
    for other in set(named):
        if other == person:
            continue
        if any(
            t.covers(o.start, o.end) for t in mine for o in registry.terms_by_holder.get(other, [])
        ):
            count += 1
    return count
