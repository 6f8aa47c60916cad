"""Meetings: who met whom, where and when, including meetings mentioned in passing.

A meeting is read from a trigger ("met", "зустріч", "دیدار", "التقى", "görüştü", "received")
with a subject before it and partners after "with" or an agent marker ("by", "من قبل"), or
after the trigger itself ("received X", "talks between X and Y"), or, where the verb comes
last (az, tr, fa), between the subject and the verb ("X Y-ni qəbul edib"). The partners are
looked for in the trigger's clause, never past another trigger or a reporting verb. Several
partners make one meeting each with the subject, as news reports list them; partners with
no subject ("talks between X and Y", "зустрілися X та Y") met each other. Plural offices
("the defence ministers of Iran and Azerbaijan") meet each other. Weak triggers (a visit)
need a partner named after "with", or a host of the country visited named in their clause;
joint actions (signing, a joint press conference) need a partner after "with" or two people
joined by "and". A phone call or a letter (``not_meeting``) is no meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .mentions import Match, Mention
from .normalize import key_tokens, lexicon_phrases
from .reading import (
    PEOPLE,
    Context,
    Reading,
    conjunction_tokens,
    is_object,
    name_start,
    partner_markers,
    postposition_ends,
    resolve,
    subject_candidates,
)
from .segment import initial_stop, sentence_ends_between

STOP_KINDS = ("complementizers", "speech_verbs", "meeting_triggers", "addressed_verbs")
TRIGGER_KINDS = ("meeting_triggers", "addressed_verbs", "joint_triggers")
# Punctuation that ends a clause.
CLAUSE_ENDS = (".", ";", ":", "«", "»", "“", "”", '"', "؛")
# How near a "phone" or "letter" phrase must be to a trigger to make it no meeting.
NOT_MEETING_GAP = 2


@dataclass
class Meeting:
    people: list[str]
    mentions: dict[str, Mention | None]
    reading: Reading
    evidence: tuple[int, int]  # token span
    place: str | None
    rules: list[str] = field(default_factory=list)
    confidence: float = 0.7
    trigger: tuple[int, int] = (0, 0)  # token span of the word that reports the meeting


@dataclass
class _Bounds:
    """Where the clauses of one sentence may end, read once per sentence."""

    reading: Reading
    ends: set[int]  # tokens that end the clause before them (punctuation, reporting verbs)
    starts: set[int]  # tokens after which a clause starts (those, and joint actions)


_last_bounds: list[_Bounds] = []


def _bounds(ctx: Context, reading: Reading) -> _Bounds:
    if _last_bounds and _last_bounds[0].reading is reading:
        return _last_bounds[0]
    kinds: dict[int, set[str]] = {}
    for c in reading.cues:
        kinds.setdefault(c.i, set()).add(c.kind)
    marks = {
        t for t in range(reading.sentence.i, reading.sentence.j) if _clause_mark(ctx, reading, t)
    }
    stops = {t for t, k in kinds.items() if k & set(STOP_KINDS) and "weak_triggers" not in k}
    joint = {t for t, k in kinds.items() if k & set(STOP_KINDS + ("joint_triggers",))}
    openers = _openers(ctx, reading)
    bounds = _Bounds(
        reading,
        marks | stops | {first for first, _ in openers},
        marks | joint | {last for _, last in openers},
    )
    _last_bounds[:] = [bounds]
    return bounds


def _openers(ctx: Context, reading: Reading) -> list[tuple[int, int]]:
    """(first, last) tokens of each ``clause_openers`` phrase of the sentence right after a
    comma (", while", ", в то время как"): a clause of its own starts after it ("a meeting
    while his visit lasted" is one clause)."""
    words = ctx.doc.words
    return [
        (t, t + len(phrase) - 1)
        for phrase in lexicon_phrases(ctx.matcher.language, "clause_openers")
        for t in range(reading.sentence.i + 1, reading.sentence.j - len(phrase) + 1)
        if tuple(words[t : t + len(phrase)]) == phrase
        and words[t - 1] in (",", "،")
        and t not in reading.quoted
    ]


def _clause_end(ctx: Context, reading: Reading, start: int) -> int:
    ends = _bounds(ctx, reading).ends
    return next((t for t in range(start, reading.sentence.j) if t in ends), reading.sentence.j)


def _clause_mark(ctx: Context, reading: Reading, t: int) -> bool:
    """Whether token t is punctuation that ends a clause: not the stop of an initial, nor a
    quotation mark around a name ('دکتر "X"')."""
    if ctx.doc.words[t] not in CLAUSE_ENDS or initial_stop(ctx.doc, t):
        return False
    return not any(x.i == t + 1 or x.j == t for x in reading.mentions if x.kind in PEOPLE)


def _clause_start(ctx: Context, reading: Reading, end: int) -> int:
    """The first token of the clause that ends at token ``end`` (exclusive)."""
    starts = _bounds(ctx, reading).starts
    return next(
        (t + 1 for t in range(end - 1, reading.sentence.i - 1, -1) if t in starts),
        reading.sentence.i,
    )


def _object_end(ctx: Context, reading: Reading, trigger: Match) -> int:
    """Where the partners a trigger takes as its object end: its clause's end, or the next
    item of a list that starts with a trigger (see ``_next_item``)."""
    return min(_clause_end(ctx, reading, trigger.j), _next_item(ctx, reading, trigger))


def _next_item(ctx: Context, reading: Reading, trigger: Match) -> int:
    """Where the next item of a list starts with a trigger ("the meeting of X, a visit of Y":
    Y is the visit's; but "told the visiting minister"), else the sentence's end."""
    joins = conjunction_tokens(reading)
    later = [
        c.i
        for c in reading.cues
        if c.kind in TRIGGER_KINDS + ("weak_triggers",)
        and c.i > trigger.j
        and (c.i - 1 in joins or ctx.doc.words[c.i - 1] in (",", "،"))
    ]
    return min(later + [reading.sentence.j])


def _names_unquoted(ctx: Context, reading: Reading) -> Reading:
    """The reading with names in quotation marks ('دکتر "X"', «X» وزیر دفاع) read as names:
    a quotation that holds one mention and nothing else is no quoted speech. A quotation with
    no first- or second-person word is read as narrative (a ministry's statement: "X was
    summoned by Y"), unless it tells of a future or a condition ("X will be received by Y if
    ...": no meeting yet)."""
    if not reading.quoted:
        return reading
    personal = ("first_person", "second_person")
    inside = {c.kind for c in reading.cues if c.i in reading.quoted}
    if not inside & {*personal, "irrealis_markers"}:
        return replace(reading, quoted=set())
    names: set[int] = set()
    for x in reading.mentions:
        if x.i in reading.quoted and x.i - 1 not in reading.quoted and x.j not in reading.quoted:
            names.update(range(x.i, x.j))
    return replace(reading, quoted=reading.quoted - names) if names else reading


def _not_meeting(ctx: Context, reading: Reading, trigger: Match) -> bool:
    """Whether a phone call, a letter or a video link is the trigger's: in its clause before
    it ("in a phone call with X, Y discussed"), right after it ("received a letter") or
    before its "with" ("held talks in a phone call with X"), or,
    for the manner of a remote talk ("by video link"), anywhere in its clause."""
    start = _clause_start(ctx, reading, trigger.i)
    end = _clause_end(ctx, reading, trigger.j)
    # between the trigger and its "with" ("held talks in a phone call with X")
    partner = min((c.i for c in partner_markers(reading) if trigger.j <= c.i < end), default=0)
    return any(
        (
            c.kind == "not_meeting"
            and min(start, trigger.i - NOT_MEETING_GAP)
            <= c.i
            < max(trigger.j + NOT_MEETING_GAP, partner)
        )
        or (c.kind == "remote_markers" and start <= c.i < end)
        for c in reading.cues
    )


def _called_off(ctx: Context, reading: Reading, trigger: Match) -> bool:
    """Whether the trigger's clause calls it off or puts it off ("whose visit to Iran was
    postponed", "the meeting was cancelled"): what did not happen is no meeting."""
    start, end = _clause_start(ctx, reading, trigger.i), _clause_end(ctx, reading, trigger.j)
    return any(c.kind == "cancel_markers" and start <= c.i < end for c in reading.cues)


def _not_yet(ctx: Context, reading: Reading, trigger: Match) -> bool:
    """Whether the trigger's clause tells of a future, a plan or a condition ("is expected to
    meet", "had been expected to meet", "where he will meet", "if they meet"; where the verb
    ends the clause, after the trigger too: "دیدار خواهد کرد"): what has not happened is no
    meeting. The clause here runs back to the nearest punctuation, over a "that" ("ومن المقرر
    أن يلتقي")."""
    words = ctx.doc.words
    lo = trigger.i
    while lo > reading.sentence.i and words[lo - 1] not in CLAUSE_ENDS + (",", "،"):
        lo -= 1
    hi = _clause_end(ctx, reading, trigger.j) if verb_final(ctx) else trigger.i
    return any(
        c.kind == "irrealis_markers" and lo <= c.i < hi and c.i not in reading.quoted
        for c in reading.cues
    )


def _between(ctx: Context, trigger: Match) -> bool:
    """Whether the trigger ends with, or is followed by, a word that makes its partners meet
    one another ("the meeting between X and Y", "دیدار میان X و Y": the language's
    ``reciprocal_markers``)."""
    words = ctx.doc.words
    markers = {m[0] for m in lexicon_phrases(ctx.matcher.language, "reciprocal_markers")}
    return words[trigger.j - 1] in markers or (
        trigger.j < len(words) and words[trigger.j] in markers
    )


def _people_in(ctx: Context, reading: Reading, i: int, j: int) -> list[tuple[str, Mention, str]]:
    out: list[tuple[str, Mention, str]] = []
    for x in reading.mentions:
        if not (i <= x.i < j) or x.i in reading.quoted or x.complement or x.attached:
            continue
        if x.kind == "office" and not x.country and not x.entity:
            continue  # "his country's president": no country, no one to resolve
        if _complement_office(ctx, reading, x):
            continue
        if x.kind == "role" and any(
            c.kind == "group_references" and c.i <= x.i < c.j for c in reading.cues
        ):
            continue  # "the ministers": a group (see _group), not the last minister named
        if x.kind in PEOPLE or x.kind in ("office", "role", "counterpart"):
            people, how = resolve(ctx, reading, x)
            for pid in people:
                known = next((k for k, p in enumerate(out) if p[0] == pid), None)
                if known is None:
                    out.append((pid, x, how))
                elif x.kind in PEOPLE and out[known][1].kind == "role":
                    out[known] = (pid, x, how)  # "the minister, General X": X by name
    return out


# How far a title may stand from the name it qualifies ("adviser to the president of Iran
# on political affairs X"): the office inside it is no participant.
COMPLEMENT_GAP = 4


def _joined_run(
    reading: Reading, people: list[tuple[str, Mention, str]]
) -> list[tuple[str, Mention, str]]:
    """The partners after "with" up to a name that follows the one before with nothing
    between ("during the talks with X Y said": X only, Y is the subject)."""
    out = people[:1]
    for person in people[1:]:
        last = out[-1][1]
        if person[1] is not last and person[1].i == last.j:
            break  # (the holders of one plural office share its mention)
        out.append(person)
    return out


def _complement_office(ctx: Context, reading: Reading, x: Mention) -> bool:
    """Whether an office named by its holder's title is part of another person's title
    ("советник президента Азербайджана по внешней политике X", "adviser to the
    President of Iran X"): a person follows within a few words, with no comma, "and",
    "with" or meeting verb between ("رئیس جمهور ایران با X", "Iran's president met X")."""
    if x.kind != "office" or not x.entity:
        return False
    joins = conjunction_tokens(reading) | {
        t
        for c in partner_markers(reading) + [c for c in reading.cues if c.kind in TRIGGER_KINDS]
        for t in range(c.i, c.j)
    }
    for y in reading.mentions:
        if y.kind not in PEOPLE or y.entity == x.entity or not 0 < y.i - x.j <= COMPLEMENT_GAP:
            continue
        between = range(x.j, y.i)
        if not any(t in joins or ctx.doc.words[t] in CLAUSE_ENDS for t in between):
            return True
    return False


def meetings_in(ctx: Context, reading: Reading) -> list[Meeting]:
    reading = _names_unquoted(ctx, reading)
    cues = reading.cues
    triggers = sorted(
        (
            c
            for c in cues
            if c.kind in TRIGGER_KINDS
            and c.i not in reading.quoted
            and not _not_meeting(ctx, reading, c)
            and not _called_off(ctx, reading, c)
            and not _not_yet(ctx, reading, c)
        ),
        key=lambda c: (c.i, -c.j),
    )
    weak_spans = {(c.i, c.j) for c in cues if c.kind == "weak_triggers"}
    joint_spans = {(c.i, c.j) for c in cues if c.kind == "joint_triggers"}
    agents = {c.i for c in cues if c.kind == "agent_markers"}
    out: list[Meeting] = []
    done: set[int] = set()
    previous: Match | None = None
    for trigger in triggers:
        _triggered_by(out, previous)  # the meetings the previous trigger made
        previous = trigger
        if trigger.i in done:
            continue
        done.update(range(trigger.i, trigger.j))
        joint = (trigger.i, trigger.j) in joint_spans
        weak = (trigger.i, trigger.j) in weak_spans or joint
        end = _clause_end(ctx, reading, trigger.j)
        withs = [c for c in partner_markers(reading) if trigger.j <= c.i < end]
        rules = ["meeting-trigger" if not weak else "meeting-weak-trigger"]
        if joint:
            rules = ["meeting-joint-action"]
        post = _postposition_partners(ctx, reading, trigger) if postposition(ctx) else None
        if post:
            partners = post
            rules.append("meeting-with-postposition")
        elif withs and not postposition(ctx):
            partners = _joined_run(
                reading,
                _people_in(ctx, reading, withs[0].j, _partners_end(ctx, reading, withs[0])),
            )
            rules.append("meeting-agent" if withs[0].i in agents else "meeting-with")
        else:
            start = _clause_start(ctx, reading, trigger.i)
            before_with = [c for c in partner_markers(reading) if start <= c.i < trigger.i]
            if before_with:
                partners = _people_in(ctx, reading, before_with[-1].j, trigger.i)
                rules.append(
                    "meeting-agent" if before_with[-1].i in agents else "meeting-with-before"
                )
            elif weak and not joint:
                out.extend(_visit_hosts(ctx, reading, trigger))
                continue
            elif joint:
                partners = []
            else:
                # where "with" follows its noun (az, tr) a noun's partners precede it too
                after = not postposition(ctx)
                partners = (
                    _people_in(ctx, reading, trigger.j, _object_end(ctx, reading, trigger))
                    if after
                    else []
                )
                rules.append("meeting-object")
                if not partners and verb_final(ctx):
                    # "X Y-ni qəbul edib": the object stands between the subject and the verb
                    clause = _people_in(
                        ctx, reading, _clause_start(ctx, reading, trigger.i), trigger.i
                    )
                    start = _clause_start(ctx, reading, trigger.i)
                    # "Iran X-i çağırdı": a country or ministry stands as the subject
                    partners = clause if _institution_before(reading, start, clause) else clause[1:]
                    rules[-1] = "meeting-object-before-verb"
        if not partners and not joint:
            head = _delegation_head(ctx, reading, trigger)
            if head is not None:
                partners = [head]  # "received the Azerbaijani delegation": its head, named before
                rules.append("meeting-delegation-reference")
        if not partners:
            plural = [
                x
                for x in reading.mentions
                if x.kind == "office" and x.plural and x.entity and x.i < trigger.i
            ]
            group = list(dict.fromkeys(x.entity for x in plural if x.entity))
            if group and any(set(group) <= set(m.people) for m in out):
                continue  # "hosted the ministers of A and B for consultations": one meeting
            if len(group) >= 2:
                out.append(
                    Meeting(
                        group,
                        {p: next(x for x in plural if x.entity == p) for p in group},
                        reading,
                        (min(x.i for x in plural), trigger.j),
                        _place(ctx, reading, trigger.i),
                        rules + ["meeting-plural-office", "participant-office"],
                        0.6,
                    )
                )
                continue
            with_group = _group(ctx, reading, trigger, end)
            if with_group is not None:
                out.append(with_group)
                continue
            speaking = (
                _host_speaking(ctx, reading, trigger)
                or _counterpart_by_office(ctx, reading, trigger)
                or _unmet_partner(ctx, reading, trigger)
            )
            if speaking is not None:
                out.append(speaking)
                continue
            joined = _conjoined(ctx, reading, trigger.i)
            if len(joined) >= 2:
                out.append(
                    Meeting(
                        [pid for pid, _, _ in joined],
                        {pid: x for pid, x, _ in joined},
                        reading,
                        (min(x.i for _, x, _ in joined if x is not None), trigger.j),
                        _place(ctx, reading, trigger.i),
                        rules + ["meeting-reciprocal"],
                        0.6,
                    )
                )
                continue
            continue
        if len(partners) >= 2 and all(x.plural and x.kind == "office" for _, x, _ in partners):
            # "the meeting of the presidents of Azerbaijan and Iran": the holders met each other,
            # and their host ("Iran hosted the foreign ministers of A and B")
            host = _host(ctx, reading, trigger, partners)
            out.append(
                _together(
                    ctx,
                    reading,
                    trigger,
                    [*host, *partners],
                    rules
                    + ["meeting-plural-office", "participant-office"]
                    + (["meeting-host"] if host else []),
                )
            )
            continue
        if len(partners) >= 2 and _between(ctx, trigger):
            # "welcomed the meeting between X and Y": X and Y met, not the one who speaks
            out.append(_together(ctx, reading, trigger, partners, rules + ["meeting-between"]))
            continue
        if _addressed(ctx, reading, trigger, partners):
            subject = _addressee(ctx, reading, partners)  # "your meeting with X"
            if subject is None:
                continue
            rules.append("meeting-addressee")
        else:
            subject = _subject(ctx, reading, trigger, partners)
        if subject is None:
            first_person = [c for c in cues if c.kind == "first_person" and c.i < end]
            speaker = reading.speakers[0] if reading.speakers else None
            if first_person and speaker:
                subject = (speaker, None, "speaker")
                rules.append("meeting-first-person")
        if subject is None:
            if (
                len(partners) >= 2
                and not weak
                and not {"meeting-with", "meeting-with-before"} & set(rules)
            ):
                # "talks between X and Y", "зустрілися X та Y", "the meeting, attended by X
                # and Y": the partners met each other (but "met with X and Y" with no subject
                # found says nothing of X meeting Y)
                out.append(
                    _together(ctx, reading, trigger, partners, rules + ["meeting-reciprocal"])
                )
            elif len(partners) == 1:
                # "واستقبل X الوفد", "делегацию принял X": the one read as the object is the
                # subject, who met the head of the delegation referred back to
                head = _delegation_head(ctx, reading, trigger)
                if head is not None and head[0] != partners[0][0]:
                    out.append(
                        _together(
                            ctx,
                            reading,
                            trigger,
                            [partners[0], head],
                            rules + ["meeting-delegation-reference"],
                        )
                    )
                    continue
                # "التقى X نظيره الأذربيجاني": the verb's subject after it, read as its object,
                # met the counterpart the article does not name
                counterpart = _counterpart_by_office(ctx, reading, trigger)
                if counterpart is not None and counterpart.people[0] == partners[0][0]:
                    out.append(counterpart)
                    continue
                # "at the meeting X said" (X read as the meeting's object), or "X was summoned
                # by Y" after "Iran summoned X": the meeting the article began
                marked = bool(WITH_RULES & set(rules))
                named_later = _unmet_partner(ctx, reading, trigger, partners[0], marked)
                start = _clause_start(ctx, reading, trigger.i)
                institution = _institution_before(reading, start, partners)
                if named_later is not None:
                    out.append(named_later)
                elif marked or institution:
                    ctx.unmet.append((partners[0][0], trigger.i, institution))
            continue
        sid, smention, how = subject
        fellows = (
            _fellow_subjects(ctx, reading, trigger, sid, partners)
            if not _marked(reading, "separate_markers")
            else []
        )
        if fellows:
            # "X and Y held talks with Z", "X и Y провели переговоры при посредничестве Z":
            # the subjects met each other and the partner, in one meeting
            out.append(
                _together(
                    ctx, reading, trigger, [*fellows, *partners], rules + ["meeting-joint-subjects"]
                )
            )
            continue
        if len(partners) >= 2 and _marked(reading, "multilateral_markers"):
            if not _marked(reading, "separate_markers"):
                together = _together(
                    ctx,
                    reading,
                    trigger,
                    [subject] + [p for p in partners if p[0] != sid],
                    rules + ["meeting-multilateral", f"participant-{how or 'name'}"],
                )
                out.append(together)
                continue
        for pid, mention, phow in partners:
            if pid == sid:
                continue
            first = min([trigger.i, mention.i] + ([smention.i] if smention else []))
            last = max(trigger.j, mention.j)
            confidence = (
                0.8
                if how in ("name", "stem", "surname") and phow in ("name", "stem", "surname")
                else 0.6
            )
            out.append(
                Meeting(
                    [sid, pid],
                    {sid: smention, pid: mention},
                    reading,
                    (first, last),
                    _place(ctx, reading, trigger.i),
                    rules + [f"participant-{how or 'name'}", f"participant-{phow or 'name'}"],
                    confidence,
                )
            )
    _triggered_by(out, previous)
    return out


def _partners_end(ctx: Context, reading: Reading, marker: Match) -> int:
    """Where the partners after "with" end: the clause's end, or the subject of a reporting
    verb set off by a comma after them ("During the meeting with X, Y said": Y speaks, and
    met X; "A met with X, Y said": Y reports it)."""
    end = _clause_end(ctx, reading, marker.j)
    for act in reading.acts:
        start = act.subject_span[0]
        if (
            act.verb is not None
            and marker.j < start < end
            and act.subject_span[1] <= act.verb.i
            and ctx.doc.words[start - 1] in (",", "،")
        ):
            end = start
    return end


def _together(
    ctx: Context,
    reading: Reading,
    trigger: Match,
    people: Sequence[tuple[str, Mention | None, str]],
    rules: list[str],
) -> Meeting:
    """One meeting of all these people."""
    ids = list(dict.fromkeys(pid for pid, _, _ in people))
    mentions = {pid: x for pid, x, _ in reversed(people)}
    named = [x for _, x, _ in people if x is not None]
    first = min([trigger.i] + [x.i for x in named])
    last = max([trigger.j] + [x.j for x in named])
    return Meeting(
        ids, mentions, reading, (first, last), _place(ctx, reading, trigger.i), rules, 0.6
    )


# How many words may stand between a hosting verb and the meeting noun it takes ("hosted a
# meeting of").
HOSTED_NOUN_GAP = 1


def _host(
    ctx: Context, reading: Reading, trigger: Match, guests: list[tuple[str, Mention, str]]
) -> list[tuple[str, Mention | None, str]]:
    """Who hosted guests named by a plural office ("Iran hosted the foreign ministers of A and
    B", "Tehran hosted a meeting of the defence ministers of A and B", "Баку принял министров
    ..."): the subject of a ``hosting_verbs`` verb that is the trigger or takes it. A person is
    the host; a country, or a city of a country, stands for its holder of the guests' office
    at the article's date. None when the guests hold different offices, the city has no
    country, or the guests are the ones "between" whom talks were held (a mediator's)."""
    verb = next(
        (
            c
            for c in reading.cues
            if c.kind == "hosting_verbs"
            and c.i not in reading.quoted
            and c.i < trigger.j
            and trigger.i - c.j <= HOSTED_NOUN_GAP
        ),
        None,
    )
    if verb is None or _between(ctx, trigger):
        return []
    start = _clause_start(ctx, reading, verb.i)
    # before the guests where they stand before the verb ("İran, ... bakanlarını ağırladı")
    limit = min([verb.i] + [g.i for _, g, _ in guests])
    subjects = [
        x
        for x in reading.mentions
        if start <= x.i
        and x.j <= limit
        and x.i not in reading.quoted
        and not (x.attached or x.complement)
        and x.kind in PEOPLE + ("office", "country", "place")
    ]
    if not subjects:
        return []
    x = subjects[-1]
    if x.kind in PEOPLE or x.kind == "office":
        people, how = resolve(ctx, reading, x)
        return [(people[0], x, how)] if people else []
    place = _with_country(ctx, x)
    roles = {_role_of(ctx, o) for _, g, _ in guests for o in g.offices}
    if place is None or len(roles) != 1 or None in roles:
        return []
    offices = ctx.model.offices_for(place[1], [r for r in roles if r])
    holders = list(dict.fromkeys(h for o in offices for h in ctx.model.holders(o, *ctx.era)))
    return [(holders[0], None, "office")] if len(holders) == 1 else []


# How many words may stand between a delegation marker and its leader's name (a title: "a
# delegation led by Deputy Prime Minister X").
LEADER_GAP = 5
# How many words may stand between a country word and the delegation noun it qualifies.
DELEGATION_COUNTRY_GAP = 1


def _delegation_head(
    ctx: Context, reading: Reading, trigger: Match
) -> tuple[str, Mention, str] | None:
    """The head of a delegation the trigger's clause refers back to ("also received the
    Azerbaijani delegation", "делегацию принял также X": a ``delegation_nouns`` word) with no
    person named: the latest leader the article named before it with a ``delegation_markers``
    phrase ("a delegation led by X"), of the country named with the noun if one is."""
    start, end = _clause_start(ctx, reading, trigger.i), _object_end(ctx, reading, trigger)
    markers = [c for c in ctx.found.cues if c.kind == "delegation_markers"]
    noun = next(
        (
            c
            for c in reading.cues
            if c.kind == "delegation_nouns"
            and start <= c.i < end
            and c.i not in reading.quoted
            and not any(m.i <= c.i < m.j for m in markers)
        ),
        None,
    )
    if noun is None:
        return None
    qualifier = next(
        (
            x
            for x in reading.mentions
            if x.kind in ("demonym", "country")
            and x.country
            and (0 <= noun.i - x.j <= DELEGATION_COUNTRY_GAP or 0 <= x.i - noun.j <= 1)
        ),
        None,
    )
    heads = [h for c in markers if c.j <= noun.i and (h := _leader(ctx, c)) is not None]
    for pid in reversed(heads):
        if qualifier is None or _country(ctx, pid) == qualifier.country:
            first = min(noun.i, qualifier.i) if qualifier else noun.i
            last = max(noun.j, qualifier.j) if qualifier else noun.j
            return pid, Mention("person", first, last, entity=pid, how="delegation"), "delegation"
    return None


def _leader(ctx: Context, marker: Match) -> str | None:
    """Who leads the delegation a ``delegation_markers`` phrase names: the person right after
    it (past a title: "a delegation led by Deputy Prime Minister X"), else right before it
    ("X-in başçılıq etdiyi heyət")."""
    people = [x for x in ctx.found.mentions if x.kind in PEOPLE and x.entity]
    after = next((x for x in people if 0 <= x.i - marker.j <= LEADER_GAP), None)
    if after is not None and not any(
        ctx.doc.words[t] in CLAUSE_ENDS + (",", "،") for t in range(marker.j, after.i)
    ):
        return after.entity
    before = next((x for x in people if x.j == marker.i), None)
    return before.entity if before is not None else None


# How a visitor or host may not be found: they are named, or named by office.
UNNAMED = ("role", "counterpart", "pronoun", "speaker", "")
# How near the destination of a visit stands before its noun where the destination comes
# first ("Bakü ziyareti", "Tehrana səfəri").
DESTINATION_BEFORE = 2
# How near a place stands before the visit noun in any language ("in Baku on an official visit").
VISIT_AFTER_PLACE = 3


def _visit_hosts(ctx: Context, reading: Reading, trigger: Match) -> list[Meeting]:
    """A visit to a country whose clause names a person of that country with an invitation
    or a welcome (``host_markers``): the visitor met that host ("X, on his visit to Iran,
    invited Y, president of Iran"; "X visited Iran at the invitation of Y"). The visitor is
    the person the visit noun takes (after it, or before it where the destination comes
    first), else the clause's subject."""
    destination = _destination(ctx, reading, trigger)
    if destination is None:
        return []
    place, country = destination
    start, end = _clause_start(ctx, reading, trigger.i), _object_end(ctx, reading, trigger)
    people = _people_in(ctx, reading, start, end)
    visitor: tuple[str, Mention | None, str] | None = None
    if not postposition(ctx):
        visitor = next((p for p in people if trigger.j <= p[1].i < place.i), None)
    if visitor is None:
        visitor = _subject(ctx, reading, trigger, [])
    if visitor is None or visitor[2] in UNNAMED or _country(ctx, visitor[0]) in (None, country):
        return []
    ctx.visits.append((visitor[0], country, trigger.i))
    if not any(
        c.kind == "host_markers" and start <= c.i <= _clause_end(ctx, reading, trigger.j)
        for c in reading.cues
    ):
        return []  # "X, on a visit to Baku, criticised Y's policy": no one hosted X
    # (the marker may be the reporting verb that ends the clause: "dəvət edib")
    hosts = [
        p
        for p in people
        if p[0] != visitor[0]
        and p[2] not in UNNAMED
        and _country(ctx, p[0]) == country
        and p[0] not in reading.speakers  # who speaks of the visit is no host by that
    ]
    return [
        Meeting(
            [visitor[0], pid],
            {visitor[0]: visitor[1], pid: mention},
            reading,
            (min([trigger.i, mention.i] + ([visitor[1].i] if visitor[1] else [])), mention.j),
            _place(ctx, reading, trigger.i),
            ["meeting-visit-host", f"participant-{visitor[2] or 'name'}", f"participant-{how}"],
            0.5,
        )
        for pid, mention, how in hosts
    ]


# How many tokens after a visit a host may speak of "our meeting" with no partner named.
VISIT_RECALL = 80


WITH_RULES = {"meeting-with", "meeting-with-before", "meeting-with-postposition"}


def _institution_before(
    reading: Reading, start: int, people: Sequence[tuple[str, Mention | None, str]]
) -> bool:
    """Whether a country or a ministry stands before the first of these people in the clause
    starting at ``start``, as the subject ("Iran summoned X", "İran X-i çağırdı")."""
    first = min((x.i for _, x, _ in people if x is not None), default=reading.sentence.i)
    return any(
        x.kind in ("country", "organization") and start <= x.i < first and x.i not in reading.quoted
        for x in reading.mentions
    )


def _unmet_partner(
    ctx: Context,
    reading: Reading,
    trigger: Match,
    named: tuple[str, Mention | None, str] | None = None,
    partner_marked: bool = False,
) -> Meeting | None:
    """A meeting with no partner named, just after one whose partner was named but not its
    subject ("the minister of roads met X. The minister, Y, said at the meeting ..."): the
    person named now (the subject, or the one the trigger takes) met that partner. A person
    named as a partner ("summoned by Y") completes only a meeting whose other side was a
    country or ministry ("Iran summoned X")."""
    if not ctx.unmet:
        return None
    partner, at, institution = ctx.unmet[-1]
    if trigger.i <= at or (partner_marked and not institution):
        return None
    if sentence_ends_between(ctx.doc, at, trigger.i) > UNMET_RECALL:
        return None
    if _another_meeting(ctx, reading, trigger):
        return None  # "At the cabinet meeting, the prime minister said": not the one told
    subject = named or _subject(ctx, reading, trigger, [])
    if subject is None or subject[2] in UNNAMED or subject[0] == partner:
        return None
    ctx.unmet.pop()
    return Meeting(
        [subject[0], partner],
        {subject[0]: subject[1], partner: None},
        reading,
        (min(trigger.i, subject[1].i if subject[1] else trigger.i), trigger.j),
        _place(ctx, reading, trigger.i),
        ["meeting-trigger", "meeting-subject-named-later", f"participant-{subject[2]}"],
        0.5,
    )


# In how many sentences after a meeting whose subject was not found that subject may be named.
UNMET_RECALL = 2


def _another_meeting(ctx: Context, reading: Reading, trigger: Match) -> bool:
    """Whether the trigger names a meeting of its own kind, a word standing between it and
    the back-reference word before it ("at the cabinet meeting", "bu kabine toplantısında"),
    not the meeting told before ("at the meeting", "at this meeting")."""
    start = _clause_start(ctx, reading, trigger.i)
    words = tuple(ctx.doc.words)
    phrases = [key_tokens(str(p)) for p in ctx.matcher.lexicon.get("back_reference") or []]
    last = max(
        (
            t + len(p)
            for t in range(start, trigger.i)
            for p in phrases
            if p and words[t : t + len(p)] == p and t + len(p) <= trigger.i
        ),
        default=trigger.i,
    )
    return 0 < trigger.i - last <= QUALIFIER_GAP


# How many words may name a meeting's kind between a back-reference word and the meeting noun.
QUALIFIER_GAP = 2


def _counterpart_by_office(ctx: Context, reading: Reading, trigger: Match) -> Meeting | None:
    """ "X met his Azerbaijani counterpart" where the article named no one of that country
    holding X's office: the registry's holder of that office in that country at the date."""
    start, end = _clause_start(ctx, reading, trigger.i), _clause_end(ctx, reading, trigger.j)
    mention = next(
        (
            x
            for x in reading.mentions
            if x.kind == "counterpart"
            and x.country
            and start <= x.i < end
            and x.i not in reading.quoted
        ),
        None,
    )
    if mention is None or mention.country is None:
        return None
    subject = _subject(ctx, reading, trigger, [])
    person = ctx.people.get(subject[0]) if subject else None
    if subject is None or person is None or subject[2] in UNNAMED:
        return None
    roles = [r for o in person.offices if (r := _role_of(ctx, o))]
    offices = ctx.model.offices_for(mention.country, roles) if roles else []
    holders = list(dict.fromkeys(h for o in offices for h in ctx.model.holders(o, *ctx.era)))
    if len(holders) != 1 or holders[0] == subject[0]:
        return None
    return Meeting(
        [subject[0], holders[0]],
        {subject[0]: subject[1], holders[0]: mention},
        reading,
        (min(trigger.i, mention.i), max(trigger.j, mention.j)),
        _place(ctx, reading, trigger.i),
        ["meeting-trigger", "meeting-counterpart-office", "participant-office"],
        0.5,
    )


def _role_of(ctx: Context, office: str) -> str | None:
    entity = ctx.model.entities.get(office)
    return entity.role if entity is not None else None


def _addressed(
    ctx: Context, reading: Reading, trigger: Match, partners: list[tuple[str, Mention, str]]
) -> bool:
    """Whether the meeting is the addressee's ("your meeting with X", "لقاء سيادتكم مع X"): a
    second-person word in the trigger's clause before its partners."""
    start = _clause_start(ctx, reading, trigger.i)
    end = min([x.i for _, x, _ in partners] + [_clause_end(ctx, reading, trigger.j)])
    return any(c.kind == "second_person" and start <= c.i < end for c in reading.cues)


def _addressee(
    ctx: Context, reading: Reading, partners: list[tuple[str, Mention, str]]
) -> tuple[str, Mention | None, str] | None:
    """Who the speaker speaks to: the other participant of the meeting being reported."""
    if not ctx.meeting_people:
        return None
    others = {p for p, _, _ in partners} | set(reading.speakers[:1])
    pid = next((p for p in ctx.meeting_people[-1] if p not in others), None)
    return (pid, None, "addressee") if pid else None


def _host_speaking(ctx: Context, reading: Reading, trigger: Match) -> Meeting | None:
    """A meeting the speaker reports in the first person with no partner phrase, the visit
    named in its clause ("we met during his visit"), just after the article told of a visit
    to the speaker's country: the speaker met that visitor."""
    if not reading.speakers or not ctx.visits or not _marked(reading, "first_person"):
        return None
    start, end = _clause_start(ctx, reading, trigger.i), _clause_end(ctx, reading, trigger.j)
    # the visit may be the trigger that opens the clause ("səfər zamanı görüş keçirdik")
    if not any(c.kind == "weak_triggers" and start <= c.j and c.i < end for c in reading.cues):
        return None  # "we held a meeting of the council": not of the visit
    if any(start <= c.i < end for c in partner_markers(reading)):
        return None  # "we had a meeting with the farmers during his visit": not with him
    speaker = reading.speakers[0]
    visitor, country, at = ctx.visits[-1]
    if visitor == speaker or _country(ctx, speaker) != country:
        return None
    if trigger.i - at > VISIT_RECALL:
        return None
    return Meeting(
        [speaker, visitor],
        {speaker: None, visitor: None},
        reading,
        (trigger.i, trigger.j),
        _place(ctx, reading, trigger.i),
        ["meeting-trigger", "meeting-first-person-visit", "participant-speaker"],
        0.5,
    )


def _destination(ctx: Context, reading: Reading, trigger: Match) -> tuple[Mention, str] | None:
    """The country or place a visit goes to, and its country: the first named after the visit
    noun in its item, or, where the verb comes last (az, tr, fa), right before the noun or
    verb ("Bakü ziyareti", "به آذربایجان سفر کرد"); else, in any language, one right before
    the noun with no punctuation between ("arrived in Baku on an official visit", "прибыл в
    Баку с визитом"). A place after a word for "from" is where the visitor came from."""
    end = _object_end(ctx, reading, trigger)
    origins = {m[0] for m in lexicon_phrases(ctx.matcher.language, "origin_markers")}
    named = [
        x
        for x in reading.mentions
        if x.kind in ("country", "place") and x.entity and x.i not in reading.quoted
    ]
    # "прибыл в Баку из Москвы с визитом": Moscow is where the visitor came from
    came_from = [x for x in named if ctx.doc.words[x.i - 1] in origins]
    skipped = {t for x in came_from for t in range(x.i - 1, x.j)}
    places = [x for x in named if x not in came_from]
    for x in places:
        before = verb_final(ctx) and 0 <= trigger.i - x.j <= DESTINATION_BEFORE
        after = not postposition(ctx) and trigger.j <= x.i < end
        if before or after:
            return _with_country(ctx, x)
    for x in reversed(places):
        between = [t for t in range(x.j, trigger.i) if t not in skipped]
        if 0 <= len(between) <= VISIT_AFTER_PLACE and not any(
            not ctx.doc.words[t][:1].isalnum() for t in between
        ):
            return _with_country(ctx, x)
    return None


def _with_country(ctx: Context, x: Mention) -> tuple[Mention, str] | None:
    """A country or place mention with its country, if it has one."""
    entity = ctx.model.entities.get(x.entity or "")
    country = x.entity if x.kind == "country" else (entity.country if entity else None)
    return (x, country) if country else None


def _country(ctx: Context, pid: str) -> str | None:
    person = ctx.people.get(pid)
    if person is not None and person.country:
        return person.country
    entity = ctx.model.entities.get(pid)
    return entity.country if entity else None


def verb_final(ctx: Context) -> bool:
    """Whether the verb ends the clause, after its object (az, tr, fa)."""
    return bool(ctx.matcher.lexicon.get("verb_final"))


def _triggered_by(meetings: list[Meeting], trigger: Match | None) -> None:
    for meeting in meetings:
        if meeting.trigger == (0, 0) and trigger is not None:
            meeting.trigger = (trigger.i, trigger.j)


def _marked(reading: Reading, kind: str) -> bool:
    """Whether the sentence has a cue of this kind outside quotation marks."""
    return any(c.kind == kind and c.i not in reading.quoted for c in reading.cues)


def _group(ctx: Context, reading: Reading, trigger: Match, end: int) -> Meeting | None:
    """A meeting with a group the article has introduced ("received the visiting ministers",
    "the heads of state last met in October"): the people of the latest meeting (of the
    latest of three or more, for a trilateral one), with the sentence's subject when there is
    one."""
    cue = next(
        (
            c
            for c in reading.cues
            if c.kind in ("group_references", "both_sides")
            and c.i not in reading.quoted
            and (trigger.j <= c.i < end or (c.j <= trigger.i and trigger.i - c.j <= 12))
        ),
        None,
    )
    if cue is None:
        return None
    groups = ctx.meeting_people
    if _marked(reading, "multilateral_markers"):  # "the previous trilateral meeting"
        groups = [g for g in groups if len(g) >= 3] or groups
    group = list(groups[-1]) if groups else _just_named(ctx)
    rule = "meeting-group-reference" if ctx.meeting_people else "meeting-group-just-named"
    subject = _subject(ctx, reading, trigger, []) if cue.i >= trigger.j else None
    if subject is not None and subject[1] is not None and cue.i <= subject[1].i < cue.j:
        subject = None  # "переговоры министров": the group itself, not its last minister
    people = list(dict.fromkeys(([subject[0]] if subject else []) + group))
    if len(people) < 2 or (subject is not None and subject[0] in group and len(group) < 3):
        return None
    mentions: dict[str, Mention | None] = {pid: None for pid in people}
    if subject is not None:
        mentions[subject[0]] = subject[1]
    first = min([trigger.i, cue.i] + ([subject[1].i] if subject and subject[1] else []))
    return Meeting(
        people,
        mentions,
        reading,
        (first, max(trigger.j, cue.j)),
        _place(ctx, reading, trigger.i),
        ["meeting-trigger", rule],
        0.5,
    )


def _just_named(ctx: Context) -> list[str]:
    """The people the article has just named, before any meeting ("X arrived; Y welcomed
    him. The two presidents held talks"): the last two of different countries."""
    out: list[str] = []
    for pid in reversed(ctx.recent):
        person = ctx.people.get(pid)
        if person is None or not person.country:
            continue
        if all(ctx.people[o].country != person.country for o in out):
            out.append(pid)
        if len(out) == 2:
            break
    return list(reversed(out)) if len(out) == 2 else []


def postposition(ctx: Context) -> bool:
    """Whether "with" follows the partner ("Aliyev ile", "Gülerlə"), as in Turkish."""
    return bool(ctx.matcher.lexicon.get("with_follows"))


def _chain_before(
    ctx: Context, reading: Reading, end: int, start: int
) -> list[tuple[str, Mention, str]]:
    """People named right before token ``end``, back through "and" and commas, after ``start``."""
    conjunctions = {c.i for c in reading.cues if c.kind == "conjunctions"}
    people = _people_in(ctx, reading, start, end)
    out: list[tuple[str, Mention, str]] = []
    edge = _leader_end(ctx, reading, end)
    for pid, x, how in sorted(people, key=lambda p: -p[1].j):
        gap = range(x.j, edge)
        if out and not all(t in conjunctions or ctx.doc.words[t] in (",", "،") for t in gap):
            break
        if not out and x.j != edge:
            break
        out.append((pid, x, how))
        edge = x.i
        while edge > start and any(
            y.j == edge and (y.attached or y.complement) for y in reading.mentions
        ):
            edge = min(y.i for y in reading.mentions if y.j == edge)
    return list(reversed(out))


def _leader_end(ctx: Context, reading: Reading, end: int) -> int:
    """Where the person ends whose delegation or bracketed name ends at token ``end``:
    "X-in başçılıq etdiyi heyət ilə" is a meeting with X."""
    moved = True
    while moved:
        moved = False
        for c in reading.cues:
            if c.kind == "delegation_markers" and c.j == end and c.i > reading.sentence.i:
                end, moved = c.i, True
        if end > reading.sentence.i and ctx.doc.words[end - 1] in (")", "]"):
            end, moved = end - 1, True
    return end


def _postposition_partners(
    ctx: Context, reading: Reading, trigger: Match
) -> list[tuple[str, Mention, str]]:
    start = _clause_start(ctx, reading, trigger.i)
    ends = [e for e in postposition_ends(ctx, reading) if start <= e <= trigger.i]
    if not ends:
        return []
    return _chain_before(ctx, reading, ends[-1], reading.sentence.i)


def _conjoined(
    ctx: Context, reading: Reading, trigger: int
) -> list[tuple[str, Mention | None, str]]:
    """People joined by "and" before a trigger with no partner ("X and Y met", "he and
    President X inaugurated"): they met. "He" is the person it refers to; a title attached to
    a name is part of it."""
    people: list[tuple[str, Mention | None, str, int, int]] = [
        (pid, x, how, name_start(reading, x), x.j)
        for pid, x, how in _people_in(ctx, reading, reading.sentence.i, trigger)
    ]
    referent = reading.pronoun_referent
    for c in reading.cues:
        if c.kind == "pronouns" and c.j <= trigger and referent and c.i not in reading.quoted:
            people.append((referent, None, "pronoun", c.i, c.j))
    if len(people) < 2:
        return []
    joins = {c.i for c in reading.cues if c.kind == "conjunctions"}
    words = ctx.doc.words
    # "and" written onto the next name ("عراقجي وبيراموف"): a conjunction that is a clitic
    fused = tuple(
        str(c)
        for c in ctx.matcher.lexicon.get("conjunctions") or []
        if str(c) in (ctx.matcher.lexicon.get("clitic_prefixes") or [])
    )
    chain: list[tuple[str, Mention | None, str, int, int]] = []
    for person in sorted(people, key=lambda p: p[3]):
        if chain:
            between = range(chain[-1][4], person[3])
            joined = all(t in joins or words[t] in (",", "،") for t in between)
            if not between:
                joined = bool(fused) and words[person[3]].startswith(fused)
            if not joined:
                break
        if person[0] not in [p[0] for p in chain]:
            chain.append(person)
    if len(chain) < 2 or all(p[1] is None for p in chain):
        return []
    return [(pid, x, how) for pid, x, how, _, _ in chain]


def _fellow_subjects(
    ctx: Context,
    reading: Reading,
    trigger: Match,
    subject: str,
    partners: list[tuple[str, Mention, str]],
) -> list[tuple[str, Mention | None, str]]:
    """The people joined by "and" with the trigger's subject right before it, in its clause
    ("X and Y held talks with Z"), when there are two or more and none is a partner; else
    none."""
    joined = _conjoined(ctx, reading, trigger.i)
    words = ctx.doc.words
    for k in range(len(joined) - 1, 0, -1):
        before, after = joined[k - 1][1], joined[k][1]
        if (
            before is not None
            and after is not None
            and all(not w[:1].isalnum() for w in words[before.j : name_start(reading, after)])
        ):
            joined = joined[k:]  # "По словам X и Y, Z ...": a comma alone ends the subjects
            break
    ids = [pid for pid, _, _ in joined]
    if len(ids) < 2 or subject not in ids or {pid for pid, _, _ in partners} & set(ids):
        return []
    last = max(x.j for _, x, _ in joined if x is not None)
    if any(not w[:1].isalnum() for w in words[last : trigger.i]):
        return []  # "По словам X и Y, Z встретился с W": X and Y open another clause
    return joined


def _subject(
    ctx: Context, reading: Reading, trigger: Match, partners: list[tuple[str, Mention, str]]
) -> tuple[str, Mention | None, str] | None:
    """Who met the partners: the subject before the trigger (in the clause after "that" when
    one stands there, else in the trigger's own clause first), or right after it (verb
    first)."""
    partner_ids = {p for p, _, _ in partners}
    candidates = [
        c
        for c in subject_candidates(ctx, reading)
        if c[3] is None
        or not (is_object(ctx, reading, c[3]) or _complement_office(ctx, reading, c[3]))
    ]
    before = [c for c in candidates if c[1] <= trigger.i]
    that = [
        c.j
        for c in reading.cues
        if c.kind == "complementizers" and c.j <= trigger.i and c.i not in reading.quoted
    ]
    joins = {c.i for c in reading.cues if c.kind == "conjunctions" and c.j - c.i == 1}
    inner = [
        c
        for c in before
        if that
        and c[0] >= max(that)
        # "X said that Y is ready, and then met Z": X met Z, the "that" clause has ended
        and not any(t in joins and t + 1 in joins for t in range(max(that), trigger.i))
    ]
    # "X сообщил, что Y встретился с Z": Y met Z; else the trigger's own clause first ("X held
    # talks with Y, while Z met W": Z; a ``clause_openers`` phrase starts a clause)
    clause = _clause_start(ctx, reading, trigger.i)
    before = inner or [c for c in before if c[0] >= clause] + [c for c in before if c[0] < clause]
    limit = min([c.i for c in partner_markers(reading) if c.i >= trigger.j] + [trigger.j + 12])
    limit = min(limit, _next_item(ctx, reading, trigger))
    after = [c for c in candidates if trigger.j <= c[0] < limit]
    for start, _, kind, x in before + after:
        if kind == "pronoun" and any(
            c[2] == "mention"
            and start < c[0] < trigger.i
            and c[3] is not None
            and c[3].kind in PEOPLE
            for c in before
        ):
            continue  # "according to him, X's visit and meeting with Y": X met Y
        if kind == "pronoun":
            if reading.speakers and reading.speaker_how == "pronoun":
                pid: str | None = reading.speakers[0]
            else:
                pid = reading.pronoun_referent
            if pid and pid not in partner_ids:
                return pid, None, "pronoun"
            continue
        if kind != "mention" or x is None:
            continue
        people, how = resolve(ctx, reading, x)
        if people and people[0] not in partner_ids:
            return people[0], x, how
    if (
        reading.speakers
        and reading.speaker_how not in ("sides", "side", "agent", "continuation", "")
        and reading.speakers[0] not in partner_ids
    ):
        return reading.speakers[0], reading.subject, "speaker"
    return None


def _place(ctx: Context, reading: Reading, after: int = 0) -> str | None:
    """The first city or country-bound place named after the trigger, else before it."""
    mentions = [x for x in reading.mentions if x.i >= after] + [
        x for x in reading.mentions if x.i < after
    ]
    for x in mentions:
        if x.kind == "place" and x.entity and x.i not in reading.quoted:
            entity = ctx.model.entities.get(x.entity)
            if entity is not None and entity.country:
                return x.entity
    return None
