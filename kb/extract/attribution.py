"""Who is speaking in each sentence, and on whose authority.

Each reporting verb of a sentence (speech.verbs_of: finite verbs, converbs, participles) is an
``Act``. A finite verb's speaker is the first person (or office, role noun, pronoun,
counterpart, "the sides") that is its subject: not inside a quotation, not the object of
"with", not a name inside another person's title; a country or organisation only right before
the verb (opening its clause in a verb-final language, and not in the genitive). A participle's
speaker is the name right after it; a converb, or a verb coordinated with another, takes the
speaker of its sentence's other acts; a verb opening its sentence with no subject ("وأضاف أن",
"Bildirib ki", "also ...") takes the current speaker (continuity), never after a turn marker.
Pronouns and role nouns refer back to the people already named; "the sides" are the
participants of the meeting being reported. Direct speech after a colon goes on over the
following sentences. Attribution phrases ("according to IRNA") name the agents the claim is
reported through.
"""

from __future__ import annotations

from .mentions import Match, Mention
from .normalize import lexicon_phrases
from .quotations import interjection_at
from .reading import (
    PEOPLE,
    Act,
    Context,
    Person,
    Reading,
    conjunction_tokens,
    country_near,
    is_object,
    name_start,
    resolve,
    subject_candidates,
)
from .segment import Doc, Sentence
from .speech import verbs_of

SUBJECT_OPENS = 3  # tokens: the farthest from its sentence's start a subject opens it
SUBJECT_AFTER = 6  # tokens: the farthest a subject follows its verb ("قال وزير ...", "said X")
TITLE_GAP = 3  # tokens: the farthest a title follows the country it belongs to
AGENT_GAP = 2  # tokens: the most an agent subject stands before its verb ("X has said")
CLAUSE_BREAKS = (".", ";", "؛", ",", "،", ":", "!", "?", "؟")
QUOTE_OPEN = {"«": "»", "“": "”", "„": "“", '"': '"', "‹": "›"}
QUOTE_CLOSE = ("»", "”", '"', "›")


def quoted_tokens(doc: Doc, sentence: Sentence) -> set[int]:
    """Tokens inside quotation marks in a sentence."""
    inside: set[int] = set()
    opener: str | None = None
    start = 0
    t = sentence.i
    while t < sentence.j:
        word = doc.words[t]
        resumed = interjection_at(doc.words, t, sentence.j) if opener is not None else None
        if resumed is not None:  # the author's words inside the quotation are not quoted
            inside.update(range(start + 1, t))
            start, t = resumed - 1, resumed
            continue
        if opener is None and word in QUOTE_OPEN:
            opener, start = QUOTE_OPEN[word], t
        elif opener is not None and (word == opener or (opener == '"' and word in '”"')):
            inside.update(range(start + 1, t))
            opener = None
        t += 1
    if opener is not None and sentence.j - start > 3:
        inside.update(range(start + 1, sentence.j))
    if not inside and _open_before(doc, sentence):
        closers = [t for t in range(sentence.i, sentence.j) if doc.words[t] in ("»", "”", '"')]
        if closers and closers[0] - sentence.i > 3:
            inside.update(range(sentence.i, closers[0]))
    return inside


def _open_before(doc: Doc, sentence: Sentence) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open where the sentence
    starts (else a closing mark with no opener is a stray)."""
    text = doc.text[doc.text.rfind("\n", 0, sentence.start) + 1 : sentence.start]
    depth = 0
    for char in text:
        if char in "«“„":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
    return depth > 0 or text.count('"') % 2 == 1


def read(ctx: Context, sentence: Sentence, previous: Reading | None) -> Reading:
    """The sentence's mentions, cues, quoted tokens, reporting acts and speaker."""
    doc = ctx.doc
    mentions = [x for x in ctx.found.mentions if sentence.i <= x.i < sentence.j]
    cues = [c for c in ctx.found.cues if sentence.i <= c.i < sentence.j]
    if ctx.verbs or ctx.quoted:
        quoted = {t for t in range(sentence.i, sentence.j) if t in ctx.quoted}
    else:
        quoted = quoted_tokens(doc, sentence)
    reading = Reading(sentence, mentions, cues, quoted, window=sentence.i)
    verbs = [
        v
        for v in (ctx.verbs or verbs_of(doc, ctx.matcher.language, sentence.i, sentence.j))
        # a reporting verb in a quotation never closed may be the scraper's lost mark's
        if sentence.i <= v.i < sentence.j
        and (v.i not in quoted or v.i in ctx.unclosed)
        and not _no_speaker_verb(ctx, v)
        # a word of a name that reads as a verb's form ("قاليباف" as "قال"): the name
        and not any(x.i <= v.i < x.j and x.kind in PEOPLE and x.entity for x in mentions)
    ]
    _attribution(ctx, reading)
    reading.pronoun_referent = _pronoun_referent(ctx, previous)
    reading.acts = [] if _document_content(ctx, reading) else _acts(ctx, reading, previous, verbs)
    spoken = [a for a in reading.acts if a.speakers]
    primary = next((a for a in spoken if a.form == "finite"), spoken[0] if spoken else None)
    if primary is not None:
        reading.speech, reading.speakers, reading.speaker_how = (
            primary.verb,
            list(primary.speakers),
            primary.how,
        )
        reading.subject_span = primary.subject_span
        reading.colon = next((a.colon for a in spoken if a.colon is not None), None)
        reading.subject = next((x for x in mentions if (x.i, x.j) == primary.subject_span), None)
    else:
        reading.speech = None
        _speaker(ctx, reading, previous)  # no reporting verb: speech going on
        if not reading.speakers:
            _name_and_colon(ctx, reading)  # "ALİYEV: «...»"
        if reading.speakers:
            form = "quotation" if reading.colon is not None else "continuation"
            reading.acts = [
                Act(
                    None,
                    form,
                    list(reading.speakers),
                    reading.speaker_how,
                    reading.subject_span,
                    reading.colon,
                )
            ]
        elif verbs:
            reading.speech = verbs[0]
    _direct_speech(ctx, reading)
    if not reading.speakers:
        _impersonal(ctx, reading)
        if reading.speakers:
            reading.acts = [Act(reading.speech, "impersonal", list(reading.speakers), "sides")]
    for x in mentions:
        if x.i not in quoted:
            ctx.remember(x)
    _introduced_roles(ctx, reading)
    if reading.speakers and reading.speaker_how != "sides":
        for pid in reading.speakers:
            if pid in ctx.subjects:
                ctx.subjects.remove(pid)
            ctx.subjects.append(pid)
    spoken = [a for a in reading.acts if a.speakers]
    if spoken:
        ctx.current = list(spoken[-1].speakers)
    return reading


def _document_content(ctx: Context, reading: Reading) -> bool:
    """Whether the sentence opens by citing a document ("Under the 1993 treaty, both sides
    pledged ...", "بموجب الاتفاق": the language's ``document_openers``): it tells what the
    document provides, and no one speaks in it."""
    words, start = ctx.doc.words, reading.sentence.i
    return any(
        tuple(words[start : start + len(phrase)]) == phrase
        for phrase in lexicon_phrases(ctx.matcher.language, "document_openers")
    )


def _name_and_colon(ctx: Context, reading: Reading) -> None:
    """A line opening with a person's name, a colon and a quotation ("ALİYEV: «...»",
    "Алиев: «...»", a headline's convention): the person said it."""
    s, words = reading.sentence, ctx.doc.words
    x = next((x for x in reading.mentions if x.i == s.i and x.kind in PEOPLE), None)
    if x is None or x.j + 2 >= s.j or words[x.j] != ":" or words[x.j + 1] not in QUOTE_OPEN:
        return
    people, how = resolve(ctx, reading, x)
    if people:
        reading.speakers, reading.speaker_how = people, how
        reading.subject, reading.subject_span, reading.colon = x, (x.i, x.j), x.j
        closing = QUOTE_OPEN[words[x.j + 1]]
        end = next((t for t in range(x.j + 2, s.j) if words[t] in (closing, "”", '"')), s.j)
        reading.quoted.update(range(x.j + 1, end + 1))  # speech, however short, in its marks


ROLE_GAP = 8  # tokens: the farthest a name follows the role noun that introduces it
# cues that end a role's complement: a verb of speech or meeting, a partner's "with"
ROLE_GAP_BREAKS = (
    "speech_verbs",
    "addressed_verbs",
    "meeting_triggers",
    "weak_triggers",
    "joint_triggers",
    "discussion_verbs",
    "with_markers",
    "complementizers",
)


def _introduced_roles(ctx: Context, reading: Reading) -> None:
    """A role noun that introduces a name ("the adviser to the president on political affairs
    Mehdi X"), or stands right after it ("X سفیر آذربایجان"), is that person's: "the adviser"
    later refers to them."""
    words = ctx.doc.words
    for x in reading.mentions:
        if x.kind != "role" or not x.role or x.i in reading.quoted:
            continue
        named = next(
            (
                y
                for y in reading.mentions
                if y.kind in PEOPLE and y.entity and x.j <= y.i <= x.j + ROLE_GAP
            ),
            None,
        )
        if named is None:
            # the role in apposition right after the name ("علی‌زاده سفیر آذربایجان", "X,
            # the ambassador of ...")
            named = next(
                (
                    y
                    for y in reading.mentions
                    if y.kind in PEOPLE
                    and y.entity
                    and (y.j == x.i or (y.j == x.i - 1 and words[y.j] in (",", "،")))
                ),
                None,
            )
            if named is not None:
                _take_role(ctx.people.get(named.entity or ""), x, reading)
            continue
        if any(words[t] in CLAUSE_BREAKS for t in range(x.j, named.i)):
            continue
        # only the role's complement may stand between ("the adviser on foreign policy X"),
        # not a verb or a partner ("an adviser held talks with X": X is someone else)
        if any(c.kind in ROLE_GAP_BREAKS and x.j <= c.i < named.i for c in reading.cues) or any(
            a.verb is not None and x.j <= a.verb.i < named.i for a in reading.acts
        ):
            continue
        _take_role(ctx.people.get(named.entity or ""), x, reading)


def _take_role(person: Person | None, role: Mention, reading: Reading) -> None:
    """The person holds the role noun, and, known to be of no other, the role's country
    ("سفیر جمهوری آذربایجان")."""
    if person is None or not role.role:
        return
    person.roles += [r for r in role.role if r not in person.roles]
    if person.country is None:
        person.country = country_near(reading, role)


def _direct_speech(ctx: Context, reading: Reading) -> None:
    """Direct speech after a colon without quotation marks ("X said: You are welcome! I am
    glad ...") goes on, sentence after sentence, to the end of the paragraph and into the next
    paragraphs whose sentences speak in the first person, until someone else is reported."""
    line = reading.sentence.line
    spoken = [a for a in reading.acts if a.speakers and a.verb is not None]
    if spoken:
        colon = [a for a in spoken if a.colon is not None]
        ctx.direct = (list(colon[-1].speakers), line) if colon else None
        return
    if ctx.direct is None:
        return
    speakers, last = ctx.direct
    if line not in (last, last + 1):
        ctx.direct = None
        return
    ctx.direct = (speakers, line)
    if reading.speakers or reading.quoted:
        return
    if line == last or any(c.kind == "first_person" for c in reading.cues):
        reading.speakers, reading.speaker_how = list(speakers), "continuation"
        reading.colon = reading.sentence.i - 1
        reading.acts = [
            Act(None, "quotation", list(speakers), "continuation", (0, 0), reading.colon)
        ]


def _acts(
    ctx: Context, reading: Reading, previous: Reading | None, verbs: list[Match]
) -> list[Act]:
    """One act per reporting verb. A finite verb's subject is looked for after the verb read
    before it; a participle's is the name right after it ("dile getiren Vaizi"); a converb,
    or a verb with no subject of its own, takes the speaker of the sentence's other acts, or,
    opening the sentence, the speaker of the sentences before (continuity)."""
    acts: list[Act] = []
    colons = [t for t in range(reading.sentence.i, reading.sentence.j) if ctx.doc.words[t] == ":"]
    that = {c.i for c in reading.cues if c.kind == "complementizers"}  # ", что": no clause break
    for verb in verbs:
        if acts and any(acts[-1].verb and acts[-1].verb.j <= t < verb.i for t in colons):
            break  # a verb inside the direct speech after "X said:" is part of what is said
        act = Act(verb, verb.kind)
        if verb.kind == "participle":
            named = [
                c
                for c in subject_candidates(ctx, reading)
                if c[2] in ("mention", "pronoun")
                and 0 <= c[0] - verb.j <= 1
                and (c[3] is None or not is_object(ctx, reading, c[3]))
            ]
            if named and named[0][3] is not None:
                people, how = resolve(ctx, reading, named[0][3])
                if people:
                    act.speakers, act.how, act.subject_span = people, how, named[0][:2]
        elif verb.kind == "finite":
            if _reported_by(reading, verb):
                continue  # "according to IRNA": whose report, not who speaks
            joined = acts and any(c.kind == "conjunctions" and c.j == verb.i for c in reading.cues)
            if (
                joined
                and acts[-1].speakers
                and not _person_between(ctx, reading, acts[-1], verb)
                and not (  # "..., заявила X": X's own; not "and added X would visit"
                    ctx.doc.words[verb.i - 1] in CLAUSE_BREAKS
                    and _subject_follows(ctx, reading, verb)
                )
            ):
                act.speakers, act.how = list(acts[-1].speakers), acts[-1].how  # "... and added"
                acts.append(act)
                continue
            antecedent = _relative_antecedent(ctx, reading, verb)
            if antecedent is not None:
                people, how = resolve(ctx, reading, antecedent)
                if people:  # "X met Y, who said ...": Y says it
                    act.speakers, act.how = people, how
                    act.subject_span = (antecedent.i, antecedent.j)
                    acts.append(act)
                    continue
            scratch = Reading(
                reading.sentence,
                reading.mentions,
                reading.cues,
                reading.quoted,
                speech=verb,
                according_to=reading.according_to,
                attribution=reading.attribution,
                # "X said ..., and he added ...": "he" is the one who spoke before in the sentence
                pronoun_referent=_speaker_so_far(acts) or reading.pronoun_referent,
                window=_window(ctx, reading, acts),
            )
            _speaker(ctx, scratch, previous)
            act.speakers, act.how = scratch.speakers, scratch.speaker_how
            act.subject_span, act.colon = scratch.subject_span, scratch.colon
            if _not_an_official(ctx, reading, act.subject_span):
                act.speakers, act.how = [], ""  # "said X, an analyst at ...": no official
            named_at = act.subject_span[0]
            if scratch.subject is not None and scratch.subject.i == named_at:
                named_at = name_start(reading, scratch.subject)  # "according to Minister X"
            if _names_its_source(ctx, verb) and named_at != verb.j:
                # "ووفقا للمكتب الصحفي، أكد X": whom it cites is right after it, or no one
                act.speakers, act.how = [], ""
            outer = acts[-1] if acts else None
            if (
                act.how == "agent"
                and outer is not None
                and outer.speakers
                and outer.how != "agent"
                and outer.verb is not None
                and not any(
                    ctx.doc.words[t] in CLAUSE_BREAKS and not {t - 1, t + 1} & that
                    for t in range(_opening_end(ctx, reading, outer), act.subject_span[0])
                )
            ):
                # "X said Iran stressed ...", "заявил, что Россия выступает за ...", "X bildirib
                # ki, İran ... alqışlayır", "По его словам, Иран выступает за ...": the country
                # speaks inside X's statement
                act.speakers, act.how = list(outer.speakers), outer.how
        acts.append(act)
    _inverted_over_agents(ctx, acts)
    for k, act in enumerate(acts):
        assert act.verb is not None
        following = acts[k + 1].verb if k + 1 < len(acts) else None
        end = following.i if following is not None else reading.sentence.j
        act.colon = next(
            (
                t
                for t in range(act.verb.j, end)
                if ctx.doc.words[t] == ":" and t not in reading.quoted
            ),
            None,
        )
        if act.speakers:
            continue
        donors = [a for a in reversed(acts[:k]) if a.speakers]
        if act.form != "finite":
            donors += [a for a in acts[k + 1 :] if a.speakers and a.form == "finite"]
        before_quote = _named_before_quotation(ctx, reading, act) if k == 0 else None
        if donors:
            act.speakers, act.how = list(donors[0].speakers), donors[0].how
        elif before_quote is not None:
            act.speakers, act.how = before_quote, "name"  # X, «... . ...» dedi.
        elif (
            k == 0
            and act.form != "participle"
            and ctx.current
            and not _names_its_source(ctx, act.verb)
            and _opens(ctx, reading, act)
        ):
            act.speakers, act.how = list(ctx.current), "continuity"
    return acts


def _subject_follows(ctx: Context, reading: Reading, verb: Match) -> bool:
    """Whether a person is named right after the verb, with no break between ("..., заявила
    официальный представитель МИД X", "..., said X"): the verb's own subject, after it."""
    for start, _, kind, x in subject_candidates(ctx, reading):
        if kind != "mention" or x is None or start < verb.j or is_object(ctx, reading, x):
            continue
        opening = name_start(reading, x)
        if opening - verb.j <= SUBJECT_AFTER and not any(
            ctx.doc.words[t] in CLAUSE_BREAKS for t in range(verb.j, opening)
        ):
            return True
    return False


def _inverted_over_agents(ctx: Context, acts: list[Act]) -> None:
    """A country's verb before a verb set off by a comma whose subject follows it ("Россия
    призывает ..., заявила X", "Iran opposes ..., X said"): X says what the country does."""
    for k, act in enumerate(acts):
        if act.how != "agent":
            continue
        later = next((a for a in acts[k + 1 :] if a.form == "finite" and a.verb is not None), None)
        if (
            later is not None
            and later.verb is not None
            and later.speakers
            and later.how not in ("agent", "continuity")
            and later.subject_span[0] >= later.verb.j
            and ctx.doc.words[later.verb.i - 1] in CLAUSE_BREAKS
        ):
            act.speakers, act.how = list(later.speakers), later.how


def _speaker_so_far(acts: list[Act]) -> str | None:
    """The one person who speaks by the sentence's last act read so far, if any (not a
    country or body that speaks)."""
    last = acts[-1] if acts else None
    if last is None or len(last.speakers) != 1 or last.how == "agent":
        return None
    return last.speakers[0]


NON_OFFICIAL_GAP = 8  # tokens: how far from a name the words that say what the person is stand


def _not_an_official(ctx: Context, reading: Reading, subject: tuple[int, int]) -> bool:
    """Whether the subject is someone the registry does not know whom the words next to the
    name show to be no official ("analyst X", "X, head of a think tank": the language's
    ``non_officials``): an analyst's view is no position of a state."""
    if not any((x.i, x.j) == subject and x.kind == "new-person" for x in reading.mentions):
        return False
    words = ctx.doc.words
    lo = max(reading.sentence.i, subject[0] - NON_OFFICIAL_GAP)
    hi = min(reading.sentence.j, subject[1] + NON_OFFICIAL_GAP)
    for phrase in lexicon_phrases(ctx.matcher.language, "non_officials"):
        for t in range(lo, hi - len(phrase) + 1):
            if tuple(words[t : t + len(phrase)]) == phrase:
                return True
    return False


def _names_its_source(ctx: Context, verb: Match) -> bool:
    """Whether the verb is one that names whom it cites right after it ("according to X",
    "بحسب X": the language's ``source_verbs``): with no one named there ("بحسب الاتفاق",
    according to the agreement), the speaker before does not go on."""
    words = tuple(ctx.doc.words[verb.i : verb.j])
    return words in lexicon_phrases(ctx.matcher.language, "source_verbs")


def _relative_antecedent(ctx: Context, reading: Reading, verb: Match) -> Mention | None:
    """The person a relative pronoun right before a reporting verb stands for ("X met Y, who
    called for ...", "..., who also said": the language's ``relative_pronouns``): the one
    named right before the comma that opens the relative clause."""
    words = ctx.doc.words
    language = ctx.matcher.language
    for phrase in lexicon_phrases(language, "relative_pronouns"):
        end = verb.i
        for marker in lexicon_phrases(language, "continuity_markers"):
            if tuple(words[end - len(marker) : end]) == marker:
                end -= len(marker)  # "who also said"
                break
        start = end - len(phrase)
        if start < reading.sentence.i + 2 or tuple(words[start:end]) != phrase:
            continue
        if words[start - 1] not in (",", "،"):
            return None
        return next(
            (x for x in reading.mentions if x.j == start - 1 and x.kind in PEOPLE and x.entity),
            None,
        )
    return None


def _named_after_opening(
    ctx: Context, people: list[tuple[int, int, str, Mention | None]], verb: int
) -> tuple[int, int, str, Mention | None] | None:
    """The person named right before the verb when the first candidate is a pronoun in an
    opening phrase set off by a comma ("In his remarks, X stressed"): X, with nothing
    between the name and the verb."""
    words = ctx.doc.words
    first, last = people[0], people[-1]
    if first[2] != "pronoun" or last[2] != "mention" or last is first or last[1] > verb:
        return None
    if any(v.i <= first[0] <= v.j + 1 for v in ctx.verbs):
        return None  # "به گفته وی، X ...", "according to him, X ...": he speaks
    if not any(words[t] in (",", "،") for t in range(first[1], last[0])):
        return None
    if any(words[t] in CLAUSE_BREAKS for t in range(last[1], verb)):
        return None
    return last


RELATIVE_CLAUSE = 16  # tokens: the longest relative clause between a subject and its verb


COMMAS = (",", "،")


def _relative_clause(ctx: Context, reading: Reading, end: int, verb: int) -> bool:
    """Whether a relative clause between commas fills the words from ``end`` to ``verb`` (",
    which has mediated between the two neighbours,"): the language's ``relative_pronouns``
    after the first comma, and no other punctuation before the comma that closes it."""
    words = ctx.doc.words
    if not (end + 2 < verb <= end + RELATIVE_CLAUSE) or not (
        words[end] in COMMAS and words[verb - 1] in COMMAS
    ):
        return False
    if any(words[t] in CLAUSE_BREAKS for t in range(end + 1, verb - 1)):
        return False
    return any(
        tuple(words[end + 1 : end + 1 + len(phrase)]) == phrase
        for phrase in lexicon_phrases(ctx.matcher.language, "relative_pronouns")
    )


def _reported_by(reading: Reading, verb: Match) -> bool:
    """Whether an outlet right after a reporting verb is whose report it is ("according to
    IRNA", "ذكرت وكالة إرنا"), not the one spoken to ("told IRNA", "وقال عراقجي لوكالة إرنا").
    A body there is the speaker where the subject follows its verb ("وقالت وزارة الخارجية",
    "..., said the ministry")."""
    addressed = any(
        c.kind == "addressed_verbs" and (c.i, c.j) == (verb.i, verb.j) for c in reading.cues
    )
    for x in reading.mentions:
        if x.kind != "media" or addressed or not verb.j <= x.i <= verb.j + 1:
            continue
        if not any(y.kind in PEOPLE and verb.j <= y.i and y.j <= x.i for y in reading.mentions):
            return True
    return False


def _opening_end(ctx: Context, reading: Reading, act: Act) -> int:
    """Where an act's attribution ends: after its verb, or, where the act opens the sentence
    with its speaker ("По его словам,", "На думку X,"), after the comma that closes it."""
    assert act.verb is not None
    end = max(act.verb.j, act.subject_span[1])
    if act.verb.i == reading.sentence.i and end < reading.sentence.j:
        if ctx.doc.words[end] in (",", "،"):
            return end + 1
    return act.verb.j


def _named_before_quotation(ctx: Context, reading: Reading, act: Act) -> list[str] | None:
    """The subject of a verb that follows a quotation of several sentences, named before
    the quotation opened ("X, «A. B.» dedi.": the verb's sentence starts after the closing
    mark, or inside the quotation when the mark closes right before the verb): the person
    right before the opening mark, set off by a comma."""
    words, s = ctx.doc.words, reading.sentence
    if act.verb is None or s.i == 0:
        return None
    if act.verb.i - s.i <= 1 and words[s.i - 1] in QUOTE_CLOSE:
        closer = s.i - 1
    else:
        # "X, «A. B» dedi.": the quotation closes in the verb's sentence, right before the
        # verb, and opened in a sentence before it
        closer = next(
            (
                t
                for t in range(act.verb.i - 1, max(s.i, act.verb.i - 3) - 1, -1)
                if words[t] in QUOTE_CLOSE
            ),
            -1,
        )
        if closer < 0 or s.i not in reading.quoted:
            return None
    opener = next((t for t in range(closer - 1, -1, -1) if words[t] in QUOTE_OPEN), None)
    if opener is None or closer - opener < 2 or (closer >= s.i and opener >= s.i):
        return None
    end = opener - 1 if opener and words[opener - 1] in (",", "،") else opener
    named = [x for x in ctx.found.mentions if x.j == end and x.kind in PEOPLE and x.entity]
    return [named[0].entity] if named and named[0].entity else None


def _person_between(ctx: Context, reading: Reading, act: Act, verb: Match) -> bool:
    """Whether a person who may be a subject stands between an act's verb and a later verb
    ("the ministry said that X ... appreciated and thanked": X thanked, not the ministry)."""
    start = act.verb.j if act.verb is not None else reading.sentence.i
    return any(
        c[2] == "mention"
        and start <= c[0]
        and c[1] <= verb.i
        and (c[3] is None or not is_object(ctx, reading, c[3]))
        for c in subject_candidates(ctx, reading)
    )


def _window(ctx: Context, reading: Reading, acts: list[Act]) -> int:
    """The first token where the subject of the next finite verb may start: after the finite
    verbs read before it and, where the verb ends the clause, after a participle's speaker
    ("... dile getiren X, ... belirtti": X is the subject of both, the words between are
    what X said)."""
    ends = [a.verb.j for a in acts if a.verb and a.form == "finite"]
    if ctx.matcher.lexicon.get("verb_final"):
        ends += [a.subject_span[1] for a in acts if a.form == "participle" and a.speakers]
    return max(ends, default=reading.sentence.i)


def _opens(ctx: Context, reading: Reading, act: Act) -> bool:
    """Whether a reporting verb has no subject of its own before it in its sentence (it
    opens the sentence, after at most a connective: "وأضاف", "Bildirib ki", "He added", or
    opens a clause after an adverbial phrase: "وفي إشارة إلى ...، أكد على ...")."""
    assert act.verb is not None
    before = [c for c in subject_candidates(ctx, reading) if c[1] <= act.verb.i and c[2] != "agent"]
    words = ctx.doc.words
    that = {c.i for c in reading.cues if c.kind == "complementizers"}
    # what follows is what is said ("وأضاف أن", "Bildirib ki,", "added:"), or its object
    # ("ووصف التعاون", "أكد على"), not a name
    content = any(
        t in that or words[t] == ":" or t in reading.quoted
        for t in range(act.verb.j, min(act.verb.j + 3, len(words)))
    ) or (
        _object_follows(ctx, act.verb.j)
        and not any(x.i <= act.verb.j < x.j for x in reading.mentions)
        and not any(
            c.kind in ("title", "role", "honorifics") and c.i <= act.verb.j < c.j
            for c in reading.cues
        )
    )
    # after an adverbial phrase only a preposition may follow ("، أكد على"): a noun there is
    # the verb's own subject ("، أكد المتحدث باسم الحكومة أن"), who is someone else
    opening = act.verb.i - reading.sentence.i <= 3 or (
        words[act.verb.i - 1] in (",", "،") and _object_follows(ctx, act.verb.j, listed=True)
    )
    # or a connective before the verb says the same speaker goes on ("كما رحب", "He also")
    going_on = any(
        tuple(words[act.verb.i - len(m) : act.verb.i]) == m
        for m in lexicon_phrases(ctx.matcher.language, "continuity_markers")
    )
    handed_over = any(c.kind == "turn_markers" and c.j <= act.verb.i for c in reading.cues)
    return (
        not before
        and not handed_over
        and not _unnamed_subject(reading, act.verb)
        and (
            (opening and (content or going_on))
            or _opened_by_marker(ctx, reading)
            or _after_opening_quotation(ctx, reading, act.verb)
        )
    )


UNNAMED_AFTER = 2  # tokens: the farthest an unnamed subject follows its verb ("وقال محللون")


def _unnamed_subject(reading: Reading, verb: Match) -> bool:
    """Whether the verb's subject is people the text does not name ("Western diplomats said",
    "Эксперты считают", "وقال محللون": the language's ``unnamed_speakers``), before the verb in
    its sentence or right after it: no one named speaks, and the speaker before does not go on."""
    end = min(verb.j + UNNAMED_AFTER, reading.sentence.j)
    return any(
        c.kind == "unnamed_speakers"
        and reading.sentence.i <= c.i
        and (c.j <= verb.i or verb.j <= c.i and c.j <= end)
        for c in reading.cues
    )


QUOTATION_TO_VERB = 3  # tokens: the farthest a verb ending its clause follows its quotation


def _after_opening_quotation(ctx: Context, reading: Reading, verb: Match) -> bool:
    """Whether, where the verb ends the clause, a quotation opens the sentence and the verb
    follows it with no subject ("«...» diye konuştu", "«...», - deyə əlavə edib"): the
    speaker before goes on."""
    if not ctx.matcher.lexicon.get("verb_final"):
        return False
    start = reading.sentence.i
    if start not in reading.quoted and start + 1 not in reading.quoted:
        return False
    end = start + 1
    while end < verb.i and (end in reading.quoted or end + 1 in reading.quoted):
        end += 1
    return 0 <= verb.i - end <= QUOTATION_TO_VERB


def _object_follows(ctx: Context, t: int, *, listed: bool = False) -> bool:
    """Whether the word at t, as printed, opens an object or a prepositional phrase (the
    language's ``object_openers``: "على", "إلى", or, unless only ``listed`` ones count, a word
    with the article "ال"), not a name."""
    if t >= len(ctx.doc.words):
        return False
    word = ctx.doc.printed(*ctx.doc.span(t, t + 1))
    lex = ctx.matcher.lexicon
    openers = [str(w) for w in lex.get("object_openers") or []]
    prefixes = tuple(str(w) for w in lex.get("object_prefixes") or [])
    return word in openers or not listed and bool(prefixes) and word.startswith(prefixes)


def _no_speaker_verb(ctx: Context, verb: Match) -> bool:
    """A reporting verb that names no speaker: an impersonal form ("вказано", "отмечено":
    the language's ``impersonal_endings``), a passive ("was proposed by": after one of the
    language's ``passive_auxiliaries``) or part of a phrase that only looks like one
    ("في إشارة إلى", in reference to: the language's ``not_speech``)."""
    words = ctx.doc.words
    last = words[verb.j - 1]
    lex = ctx.matcher.lexicon
    endings = tuple(str(e) for e in lex.get("impersonal_endings") or [])
    if endings and len(last) > 4 and last.endswith(endings):
        return True
    if verb.i > 0 and (words[verb.i - 1],) in lexicon_phrases(
        ctx.matcher.language, "passive_auxiliaries"
    ):
        return True  # "the format was proposed by X": what X did, not what X says
    for phrase in lexicon_phrases(ctx.matcher.language, "not_speech"):
        for start in range(verb.i - len(phrase) + 1, verb.i + 1):
            if start >= 0 and tuple(words[start : start + len(phrase)]) == phrase:
                return True
    return False


def _opened_by_marker(ctx: Context, reading: Reading) -> bool:
    """Whether, where the verb ends the clause, a continuity marker opens the sentence
    ("Ayrıca ... vurguladı", "همچنین بر ... تاکید کرد"): the same speaker goes on."""
    if not ctx.matcher.lexicon.get("verb_final"):
        return False
    words, start = ctx.doc.words, reading.sentence.i
    return any(
        tuple(words[start : start + len(m)]) == m
        for m in lexicon_phrases(ctx.matcher.language, "continuity_markers")
    )


def _impersonal(ctx: Context, reading: Reading) -> None:
    """ "It was noted that ...", "Отмечена ...": the sides of the meeting being reported."""
    group = ctx.meeting_people[-1] if ctx.meeting_people else []
    cue = next(
        (c for c in reading.cues if c.kind == "impersonal_speech" and c.i not in reading.quoted),
        None,
    )
    if cue is not None and len(group) >= 2:
        reading.speech, reading.speakers, reading.speaker_how = cue, list(group), "sides"


def _pronoun_referent(ctx: Context, previous: Reading | None) -> str | None:
    """ "he" is the previous sentence's speaker, else its subject (the first person, office or
    role noun it opens with: "The Iranian minister offered ... He stressed"), else the last
    person it named (not after "with", not a possessor; the first, where the verb ends the
    clause), else the last speaker before."""
    if previous is not None:
        if previous.speakers and previous.speaker_how != "sides":
            return previous.speakers[0]
        opening = next(
            (
                c[3]
                for c in subject_candidates(ctx, previous)
                if c[2] == "mention" and c[0] - previous.sentence.i <= SUBJECT_OPENS
            ),
            None,
        )
        if (
            opening is not None
            and not is_object(ctx, previous, opening)
            and not _possessor(ctx, opening)
        ):
            people, _ = resolve(ctx, previous, opening)
            if people:
                return people[0]
        named = [
            x
            for x in previous.mentions
            if x.i not in previous.quoted
            and not x.complement
            and not is_object(ctx, previous, x)
            and not _possessor(ctx, x)
            and ctx.person_of(x)
        ]
        if named:
            # where the verb ends the clause, the subject opens it: the first name is his
            subject = named[0] if ctx.matcher.lexicon.get("verb_final") else named[-1]
            return ctx.person_of(subject)
    return ctx.last_subject()


def _attribution(ctx: Context, reading: Reading) -> None:
    doc = ctx.doc
    for x in reading.mentions:
        if x.kind not in ("media", "organization") or not x.entity:
            continue
        for pre, post in ctx.matcher.attribution:
            for gap in (0, 1):
                start = x.i - len(pre) - gap
                if start < reading.sentence.i or tuple(doc.words[start : start + len(pre)]) != pre:
                    continue
                if tuple(doc.words[x.j : x.j + len(post)]) != post:
                    continue
                if not pre and not post:
                    continue
                end = x.j + len(post)
                reading.according_to.append(x.entity)
                reading.attribution = doc.verbatim(start, end)
                return


def _genitive(ctx: Context) -> tuple[str, ...]:
    """Genitive endings of the language (a country so ended owns something: not a subject)."""
    return tuple(str(g) for g in ctx.matcher.lexicon.get("genitive_endings") or []) or ("\0",)


def _possessor(ctx: Context, x: Mention) -> bool:
    """Whether a name read through its inflection ends in the genitive ("Əhmədinejadın
    məktubu"): the owner of what follows, not the one "he" refers to. A name matched as
    printed keeps its own ending ("Putin")."""
    if x.possessor:  # read as a genitive where the person was found (new people too)
        return True
    return x.how not in ("name", "exact") and ctx.doc.words[x.j - 1].endswith(_genitive(ctx))


def _possessive_subject(ctx: Context, x: Mention | None, speech: Match) -> bool:
    """Whether a person read in the genitive cannot be the subject of a verb that ends its
    clause ("X-in də qatıldığı görüşdə Y ... bildirib": Y speaks), unless the verb is a
    statement noun that X holds ("X'in açıklamasında")."""
    return (
        x is not None
        and bool(ctx.matcher.lexicon.get("verb_final"))
        and _possessor(ctx, x)
        and not _statement_noun(ctx, speech)
    )


def _statement_noun(ctx: Context, verb: Match) -> bool:
    """Whether a reporting verb is a statement noun ("açıklamada", in the statement), whose
    holder stands before it in the genitive."""
    return tuple(ctx.doc.words[verb.i : verb.j]) in lexicon_phrases(
        ctx.matcher.language, "statement_nouns"
    )


def _capitalised(ctx: Context, t: int) -> bool:
    """Whether token t starts with a capital letter (a title or name goes on after a country:
    "İran Yol ve Şehircilik Bakanı ...")."""
    if t >= len(ctx.doc.words):
        return False
    return ctx.doc.text[ctx.doc.starts[t]].isupper()


def _modifies_a_title(reading: Reading, end: int) -> bool:
    """Whether a title, an office or a person follows within a few tokens of a country."""
    return any(
        c.kind in ("title", "role") and 0 <= c.i - end <= TITLE_GAP for c in reading.cues
    ) or any(
        x.kind in PEOPLE + ("office",) and 0 <= x.i - end <= TITLE_GAP for x in reading.mentions
    )


OWN_VERBS = ("speech_verbs", "meeting_triggers", "joint_triggers", "discussion_verbs")


def _inverted(
    ctx: Context,
    reading: Reading,
    before: tuple[int, int, str, Mention | None],
    after: tuple[int, int, str, Mention | None],
    speech: Match,
) -> bool:
    """Whether a verb set off by a comma has its subject after it while the people before it
    are the subjects of a verb of their own ("X и Y встретились накануне, сообщил журналистам
    Z": Z speaks)."""
    return (
        after[2] == "mention"
        and speech.i > 0
        and ctx.doc.words[speech.i - 1] in CLAUSE_BREAKS
        and any(c.kind in OWN_VERBS and before[1] <= c.i < speech.i - 1 for c in reading.cues)
    )


def _opening(reading: Reading, candidate: tuple[int, int, str, Mention | None]) -> int:
    """Where a subject candidate starts, with the title attached to its name."""
    return candidate[0] if candidate[3] is None else name_start(reading, candidate[3])


def _joined_subjects(
    ctx: Context,
    reading: Reading,
    candidates: list[tuple[int, int, str, Mention | None]],
    chosen: tuple[int, int, str, Mention | None],
) -> list[Mention]:
    """The people joined by "and" into one subject with the one chosen ("X and his Iranian
    counterpart Y welcomed ..."): they speak together. Nothing but the conjunction, commas and
    a possessive may stand between a name (with its title) and the next."""
    start, end, kind, first = chosen
    if kind != "mention" or first is None:
        return []
    words = ctx.doc.words
    joins = {t for t in conjunction_tokens(reading) if any(ch.isalpha() for ch in words[t])}
    possessive = {t for c in reading.cues if c.kind == "pronouns" for t in range(c.i, c.j)}
    out = [first]
    for _, c_end, c_kind, x in candidates:
        if x is None or x.i < end:
            continue
        gap = range(end, name_start(reading, x))
        if (
            c_kind != "mention"
            or not joins.intersection(gap)
            or not all(t in joins or t in possessive or words[t] in (",", "،") for t in gap)
        ):
            break
        out.append(x)
        end = c_end
    later = [c for c in candidates if c[0] >= end and c[2] == "mention"]
    # "X and Y met in Brussels, where X said": the one named again speaks, not the pair
    return out if len(out) >= 2 and not later else []


def _speaker(ctx: Context, reading: Reading, previous: Reading | None) -> None:
    candidates = [
        c
        for c in subject_candidates(ctx, reading)
        if (c[3] is None or not is_object(ctx, reading, c[3])) and c[0] >= reading.window
    ]
    speech = reading.speech
    chosen = None
    joined: list[Mention] = []
    conjunctions = conjunction_tokens(reading)
    if speech is not None:
        # a pronoun inside the phrase is its holder ("по его словам", "за його словами")
        before = [
            c
            for c in candidates
            if c[1] <= speech.i
            or (c[0] <= speech.i < c[1])
            or (c[2] == "pronoun" and speech.i < c[0] < speech.j)
        ]
        content = min(
            (
                c.i
                for c in reading.cues
                if c.kind == "complementizers" and c.i >= speech.j and c.i not in reading.quoted
            ),
            default=reading.sentence.j,
        )
        # after the verb (VSO, "said X"): a person within a few words, counted to the title
        # that opens the name ("сообщил в своем Telegram-канале министр ... X"), an agent
        # right after it; never in the content after "that"
        after = [
            c
            for c in candidates
            if speech.j <= c[0] < content
            and _opening(reading, c) - speech.j <= (SUBJECT_AFTER if c[2] != "agent" else 1)
            and ":" not in ctx.doc.words[speech.j : c[0]]
        ]
        people_before = [
            c for c in before if c[2] != "agent" and not _possessive_subject(ctx, c[3], speech)
        ]
        if people_before and not (
            after and _inverted(ctx, reading, people_before[-1], after[0], speech)
        ):
            chosen = people_before[0]
            named = _named_after_opening(ctx, people_before, speech.i)
            if named is not None:
                chosen = named  # "In his remarks, X stressed ...": X, not whom "his" stands for
            joined = _joined_subjects(ctx, reading, people_before, chosen)
        elif ctx.matcher.lexicon.get("verb_final"):
            # subject, content, verb: an agent is the subject only opening the clause, and not
            # as the country of a title or name after it ("İran'ın ... büyükelçisi X")
            if (
                before
                and before[0][0] - reading.window <= AGENT_GAP
                and not _modifies_a_title(reading, before[0][1])
                and not _capitalised(ctx, before[0][1])
                and (
                    not ctx.doc.words[before[0][1] - 1].endswith(_genitive(ctx))
                    or _statement_noun(ctx, speech)  # "X'in ... açıklamasında": X's statement
                )
            ):
                chosen = before[0]
            elif after and after[0][0] == speech.j and after[0][2] != "agent":
                chosen = after[0]  # "به گفته وی، ...": the holder right after the phrase
        elif (
            before
            and speech.i - before[-1][1] <= AGENT_GAP
            and not any(
                ctx.doc.words[t] in CLAUSE_BREAKS or t in conjunctions
                for t in range(before[-1][1], speech.i)
            )
        ):
            chosen = before[-1]  # an agent right before the verb ("Iran's foreign ministry said")
        elif relative := [c for c in before if _relative_clause(ctx, reading, c[1], speech.i)]:
            chosen = relative[-1]  # "Russia, which mediated between them, said ...": Russia
        elif after:
            chosen = after[0]
        elif before:
            chosen = None
        colon = next(
            (
                t
                for t in range(speech.j, reading.sentence.j)
                if ctx.doc.words[t] == ":" and t not in reading.quoted
            ),
            None,
        )
        reading.colon = colon
    else:
        # no reporting verb: an opening pronoun continues the speech before
        opening = [c for c in candidates if c[0] - reading.sentence.i <= 4]
        if opening and opening[0][2] in ("pronoun",):
            chosen = opening[0]
            reading.continuation = True
        elif (
            not [c for c in candidates if c[2] != "agent"]
            and previous is not None
            and previous.speakers
            and (
                previous.sentence.line == reading.sentence.line
                and (
                    reading.quoted
                    or previous.colon is not None
                    or previous.speaker_how == "continuation"
                )
                # direct speech after a colon goes on in the next paragraph ("We ...")
                or previous.sentence.line + 1 == reading.sentence.line
                and previous.colon is not None
                and any(c.kind == "first_person" for c in reading.cues)
            )
        ):
            reading.speakers = list(previous.speakers)
            reading.speaker_how = "continuation"
            reading.continuation = True
            reading.colon = reading.sentence.i - 1 if previous.colon is not None else None
            reading.according_to, reading.attribution = (
                list(previous.according_to),
                previous.attribution,
            )
            return
    if chosen is None:
        return
    start, end, kind, x = chosen
    reading.subject = x
    reading.subject_span = (start, end)
    if kind == "pronoun":
        pid = reading.pronoun_referent
        if pid:
            reading.speakers, reading.speaker_how = [pid], "pronoun"
            if (
                previous is not None
                and previous.speakers == [pid]
                and previous.according_to
                and not reading.according_to
            ):
                reading.according_to, reading.attribution = (
                    list(previous.according_to),
                    previous.attribution,
                )
    elif kind == "sides":
        group = ctx.sides(reading, previous)
        if len(group) < 2:
            # no meeting read: the last two people the article named
            group = list(dict.fromkeys(reversed(ctx.subjects + ctx.recent)))[:2]
        if len(group) >= 2:
            reading.speakers, reading.speaker_how = list(group), "sides"
    elif kind == "side" and x is not None and x.country:
        present = [
            pid
            for group in reversed(ctx.meeting_people)
            for pid in group
            if ctx.people.get(pid) and ctx.people[pid].country == x.country
        ]
        entity = present[0] if present else ctx.model.government_of.get(x.country)
        if entity:
            reading.speakers, reading.speaker_how = [entity], "side"
    elif kind == "agent" and x is not None and x.entity:
        entity = x.entity
        if x.kind == "country":
            entity = ctx.model.government_of.get(entity, entity)
        reading.speakers, reading.speaker_how = [entity], "agent"
    elif joined:
        people = [pid for y in joined for pid in resolve(ctx, reading, y)[0]]
        if people:
            reading.speakers, reading.speaker_how = list(dict.fromkeys(people)), "joined"
    elif x is not None:
        people, how = resolve(ctx, reading, x)
        if people:
            reading.speakers, reading.speaker_how = people, how
