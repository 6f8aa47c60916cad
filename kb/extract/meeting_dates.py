"""When a meeting took place: the date phrase nearest the words that report it (a weekday, a
relative day or period, a month with or without its part and year, a printed date), else the
date of a meeting reported before it, else current news on the publication day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..dates import DateBounds, parse_partial
from .dates import days_together, find_dates, month_bounds, relative, to_gregorian, year_of
from .meetings import Meeting
from .mentions import Match
from .normalize import lexicon_phrases, normalizer
from .reading import Context, Reading
from .segment import Doc, Line

CURRENT_NEWS_DAYS = 7
# the date rules of a meeting dated only as the day's news, and of one with no date of its own
AS_NEWS = frozenset({"date-current-news", "date-dateline"})
UNDATED = AS_NEWS | {"date-told-first-person"}
# A relative year next to a month name ("in June last year", "ötən ilin oktyabrında"): how
# many years before the publication's; the month and the year phrase at most this many
# tokens apart.
YEARS_BACK = {"last_year": 1, "year_to_date": 0}
MONTH_YEAR_GAP = 3
DATELINE_DAYS = 7  # a dispatch's dateline is at most this many days before publication
DATELINE_GAP = 4  # tokens: the farthest a dateline's month follows the place that opens it
# days: a dispatch's news with no date of its own is of the dateline's day or the day before
# (a dispatch filed in Baku on meetings held in Tehran the evening before)
DISPATCH_DAYS = 1


@dataclass
class Dateline:
    """The day a dispatch was filed, as its dateline prints it ("BAKU, Azerbaijan, Nov. 13")."""

    printed: str
    day: date
    tokens: range  # the dateline's own tokens, which date the dispatch, not what it reports


def dateline_of(ctx: Context, lines: list[Line], published: date | None) -> Dateline | None:
    """The dateline among the page's first lines: a place opens its line (one the registry
    knows, or a word in capitals: "ANTALYA"), then, within a few words, a day and month
    ("БАКУ, 13 ноября. /Trend/", "Bakı. 13 noyabr", "Baku /05.10.23/"), on or at most
    DATELINE_DAYS before publication (a page updated later may print its own date at the
    head)."""
    if published is None:
        return None
    doc = ctx.doc
    first_body = next((n for n, line in enumerate(lines) if line.role == "body"), len(lines))
    places = {x.i: x.j for x in ctx.found.mentions if x.kind in ("place", "country") and x.entity}
    for line in lines[: first_body + 2]:
        place_end = places.get(line.i) or (line.i + 1 if _in_capitals(doc, line.i) else None)
        if place_end is None or place_end >= line.j:  # a short dateline may pass for boilerplate
            continue
        when = _day_after(ctx, place_end, min(line.j, place_end + DATELINE_GAP), published)
        if when is not None and 0 <= (published - when[0]).days <= DATELINE_DAYS:
            return Dateline(doc.verbatim(line.i, when[1]), when[0], range(line.i, when[1]))
    return None


def _in_capitals(doc: Doc, t: int) -> bool:
    """Whether token t is a word of three letters or more printed in capitals ("TEHRAN")."""
    word = doc.verbatim(t, t + 1)
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _day_after(ctx: Context, i: int, j: int, published: date) -> tuple[date, int] | None:
    """A day printed in tokens i..j after nothing but punctuation and places ("BAKU,
    Azerbaijan, Nov. 13"): a date in full, or a day and month without a year (the last such
    day before publication); with the token after it."""
    doc = ctx.doc
    places = {
        t for x in ctx.found.mentions if x.kind in ("place", "country") for t in range(x.i, x.j)
    }

    def only_places_before(t: int) -> bool:
        return all(k in places or not any(ch.isalnum() for ch in doc.words[k]) for k in range(i, t))

    a, b = doc.span(i, j)
    line_end = doc.text.find("\n", b)
    printed = doc.text[a : line_end if line_end >= 0 else len(doc.text)]
    for found in find_dates(normalizer().key(printed), ctx.matcher.language)[:1]:
        start = doc.token_at(a + found.start)
        if found.start <= b - a and found.precision == "day" and only_places_before(start):
            return found.day, max(doc.token_at(a + found.end), i + 1)
    for month in ctx.found.of_kind("month", i, j):
        day = _day_next_to(doc, month)
        if day is None or not only_places_before(min(day.i, month.i)):
            continue
        calendar, month_number = month.payload
        printed = doc.verbatim(min(day.i, month.i), max(day.j, month.j))
        when = _last_such_day(calendar, month_number, day.first, printed, published)
        if when is not None:
            return when, max(day.j, month.j)
    return None


def meeting_bounds(
    ctx: Context,
    meeting: Meeting,
    published: date | None,
    language: str,
    before: list[tuple[frozenset[str], DateBounds]],
    dateline: Dateline | None = None,
) -> tuple[DateBounds, list[str]]:
    """When a meeting took place, from the date phrase nearest the words that report it, else
    from the meeting reported before it (``before``: earlier meetings with a date of their
    own), else as current news: on the day of the dispatch's ``dateline`` or the day before,
    else in the week up to the publication day. A relative phrase ("yesterday", "on Monday")
    counts from the dateline's day where there is one."""
    reading = meeting.reading
    doc = ctx.doc
    first, last = meeting.trigger if meeting.trigger != (0, 0) else meeting.evidence
    # direct speech after a colon ("X said at the meeting: in the past year ...") dates
    # what is said, not the meeting
    speech = reading.colon if reading.colon is not None and reading.colon >= last else None
    told = speech if speech is not None else reading.sentence.j
    if published is None:  # only a date printed in full dates the meeting
        return _printed_date(ctx, reading, told, language, None) or (DateBounds(), [])
    own = dateline.tokens if dateline is not None else range(0)
    cues = sorted(
        (c for c in reading.cues if c.i not in reading.quoted and c.i < told and c.i not in own),
        key=lambda c: (max(first - c.j, c.i - last, 0), c.i, c.i - c.j),
    )  # the date phrase nearest the word that reports the meeting first, the longest first
    for same in [c for c in cues if c.kind == "same_day_markers"]:
        # "اليوم نفسه" (the same day) is not "اليوم" (today); "later that day" not "later"
        cues = [c for c in cues if c is same or not (same.i <= c.i and c.j <= same.j)]
    months = [c for c in cues if c.kind == "month" and _month_alone(ctx, c)]
    years = [c for c in cues if c.kind == "relperiod" and c.payload in YEARS_BACK]
    for month in months:
        year = next(
            (
                y
                for y in years
                if -MONTH_YEAR_GAP <= y.i - month.j <= MONTH_YEAR_GAP
                or -MONTH_YEAR_GAP <= month.i - y.j <= MONTH_YEAR_GAP
            ),
            None,
        )
        if year is None:
            continue
        part = _month_part(ctx, reading, month)
        a, b = min(month.i, year.i, part.i), max(month.j, year.j, part.j)
        calendar, number = month.payload
        bounds = month_bounds(
            calendar,
            number,
            doc.verbatim(a, b),
            published,
            YEARS_BACK[year.payload],
            part.payload,
        )
        if bounds is not None:
            return DateBounds(bounds.earliest, bounds.latest, (bounds.basis,)), [
                "date-month-relative-year"
            ]
    for cue in cues:
        if cue.kind in ("weekday", "reldays", "relperiod"):
            past = cue.kind == "weekday" and _said_past(ctx, cue)
            phrase = doc.verbatim(cue.i, cue.j)
            bounds = (
                relative(cue.kind, cue.payload, phrase, published, past=past)
                if dateline is None
                else relative(
                    cue.kind,
                    cue.payload,
                    phrase,
                    dateline.day,
                    past=past,
                    dateline=dateline.printed,
                )
            )
            if bounds is not None:
                return DateBounds(bounds.earliest, bounds.latest, (bounds.basis,)), [
                    f"date-{cue.kind}"
                ]
    printed = _printed_date(ctx, reading, told, language, published)
    if printed is not None:
        return printed
    told_text = doc.verbatim(reading.sentence.i, told)
    printed_years = {m.start() for m in re.finditer(r"\b\d{4}\b", told_text)}
    for month in months:
        if printed_years:
            break  # "in June 2022" that the patterns above did not read: no guess
        calendar, number = month.payload
        day = _day_next_to(doc, month)
        if day is not None:
            phrase = doc.verbatim(min(day.i, month.i), max(day.j, month.j))
            when = _last_such_day(calendar, number, day.first, phrase, published)
            if when is None:
                continue  # no such day in that month ("31 June")
            until = _same_month_day(calendar, when, number, day.last, published)
            why = f"'{phrase}' in an article published on {published.isoformat()}"
            return DateBounds(when, until, (why,)), ["date-day-month"]
        part = _month_part(ctx, reading, month)
        phrase = doc.verbatim(min(month.i, part.i), max(month.j, part.j))
        bounds = month_bounds(calendar, number, phrase, published, None, part.payload)
        if bounds is not None:
            return DateBounds(bounds.earliest, bounds.latest, (bounds.basis,)), ["date-month"]
    report_day = dateline.day if dateline is not None else published
    if _told_in_first_person(meeting):
        why = f"no date of its own: told by a participant in the first person, by {report_day}"
        return DateBounds(None, report_day, (why,)), ["date-told-first-person"]
    earlier = _date_of_earlier(meeting, before, cues, published)
    if earlier is not None:
        return earlier
    if dateline is not None:
        why = f"reported as current news under the dateline '{dateline.printed}'"
        earliest = report_day - timedelta(days=DISPATCH_DAYS)
        return DateBounds(earliest, report_day, (why,)), ["date-dateline"]
    earliest = published - timedelta(days=CURRENT_NEWS_DAYS)
    why = f"reported as current news on the publication date ({published.isoformat()})"
    return DateBounds(earliest, published, (why,)), ["date-current-news"]


def _same_month_day(calendar: str, first: date, month: int, day: int, published: date) -> date:
    """The second of two days printed together, in the first's month and year (the first
    alone where the month has no such day, "30-31 November"), not after publication."""
    try:
        last = to_gregorian(calendar, year_of(calendar, first), month, day)
    except (ValueError, OverflowError, IndexError):
        return first
    return min(max(last, first), published)


def _told_in_first_person(meeting: Meeting) -> bool:
    """Whether a participant tells of the meeting in the first person, in direct speech or a
    quotation ("we met during your last visit", «I met him»): what a speaker recalls,
    not the day's news."""
    if any(rule.startswith("meeting-first-person") for rule in meeting.rules):
        return True
    reading = meeting.reading
    first = (meeting.trigger if meeting.trigger != (0, 0) else meeting.evidence)[0]
    spoken = first in reading.quoted or (reading.colon is not None and reading.colon < first)
    return spoken and any(
        c.kind == "first_person" and reading.sentence.i <= c.i < first for c in reading.cues
    )


def _last_such_day(
    calendar: str, month: int, day: int, phrase: str, published: date
) -> date | None:
    """The last day of a month and number printed without a year ("Nov. 13", "20 آبان") on
    or before publication, in the month's own calendar; None when there is no such day."""
    bounds = month_bounds(calendar, month, phrase, published, None)
    if bounds is None or bounds.earliest is None:
        return None
    try:
        in_year = year_of(calendar, bounds.earliest)
        when = to_gregorian(calendar, in_year, month, day)
        if when > published:  # later this month: the month a year before
            when = to_gregorian(calendar, in_year - 1, month, day)
    except (ValueError, OverflowError, IndexError):
        return None
    return when if when <= published else None


def _date_of_earlier(
    meeting: Meeting,
    before: list[tuple[frozenset[str], DateBounds]],
    cues: list[Match],
    published: date,
) -> tuple[DateBounds, list[str]] | None:
    """The date of a meeting with no date phrase of its own, from the last meeting before it
    with one that shares a participant (a visit's next talks: "Shoigu also met Bagheri"), or
    from the last dated one when said to be the same day or later: on that meeting's days
    (through a shared participant, only a meeting of the news, not one recalled),
    or, said to be later ("afterwards", "daha sonra"), from them to the publication day; said
    to be earlier ("Ранее X провел переговоры"), on some day before them (or publication)."""
    same_day = any(c.kind == "same_day_markers" for c in cues)
    later = not same_day and any(c.kind == "later_markers" for c in cues)
    sooner = not same_day and any(c.kind == "earlier_markers" for c in cues)
    recent = published - timedelta(days=CURRENT_NEWS_DAYS)
    shared = [  # a meeting of the news, not one recalled ("they last met in April")
        b
        for people, b in before
        if people & set(meeting.people) and b.latest is not None and b.latest >= recent
    ]
    if sooner:  # "Earlier, X met Y": before the meeting reported before it, or publication
        latest = (before[-1][1].earliest if before else None) or published
        why = "no date of its own: said to be earlier than"
        what = "the meeting reported before it" if before else "publication"
        return DateBounds(None, latest, (f"{why} {what}",)), ["date-before-earlier-meeting"]
    if shared:
        earlier = shared[-1]
    elif (same_day or later) and before:
        earlier = before[-1][1]
    else:
        return None
    why = "no date of its own: that of the meeting reported before it"
    basis = (f"{why} ({'; '.join(earlier.basis)})",) if earlier.basis else (why,)
    if later:
        return DateBounds(earlier.earliest, published, basis), ["date-after-earlier-meeting"]
    return DateBounds(earlier.earliest, earlier.latest, basis), ["date-earlier-meeting"]


def _printed_date(
    ctx: Context, reading: Reading, told: int, language: str, published: date | None
) -> tuple[DateBounds, list[str]] | None:
    """The first date printed in the sentence before what is told, not after publication."""
    told_text = ctx.doc.verbatim(reading.sentence.i, told)
    for found in find_dates(normalizer().key(told_text), language):
        if found.day == published and found.start < 40:
            continue  # the dateline's publication date, not the meeting's
        if published is None or found.day <= published:
            if found.precision == "month":
                end = found.last or parse_partial(found.day.isoformat()[:7])[1]
                return DateBounds(found.day, end, ("printed in the sentence",)), ["date-printed"]
            last = (
                found.last
                if published is None or found.last is None
                else min(found.last, published)
            )
            return DateBounds(found.day, last or found.day, ("printed in the sentence",)), [
                "date-printed"
            ]
    return None


def _said_past(ctx: Context, cue: Any) -> bool:
    """Whether a weekday is said to be past ("last Thursday", "الخميس الماضي", "پنجشنبه
    گذشته": one of the language's ``past_weekday_markers`` right before or after it): on
    that weekday's own publication day, it is the week before."""
    words = ctx.doc.words
    markers = {m[0] for m in lexicon_phrases(ctx.matcher.language, "past_weekday_markers")}
    return any(0 <= t < len(words) and words[t] in markers for t in (cue.i - 1, cue.j))


def _month_alone(ctx: Context, cue: Any) -> bool:
    """Whether a month name can be read as a month: at least three letters (Persian "می" is
    also a verb prefix) and, where the language capitalises months, capitalised ("May")."""
    word = ctx.doc.words[cue.i]
    if len(word) < 3:
        return False
    if ctx.matcher.lexicon.get("months_capitalised"):
        following = ctx.doc.words[cue.j] if cue.j < len(ctx.doc.words) else ""
        # "eylül ayında": a lowercase month before the word for month is one
        return ctx.doc.text[ctx.doc.starts[cue.i]].isupper() or following in _month_nouns(ctx)
    return True


def _month_part(ctx: Context, reading: Reading, month: Match) -> Match:
    """The part of a month named right before or after it ("early October", "в начале
    октября", "oktyabrın əvvəlində"), with at most the word for month between ("Ekim ayının
    başında", "مطلع شهر أكتوبر"); else an empty match at the month."""
    nouns = _month_nouns(ctx)
    for cue in reading.cues:
        if cue.kind != "month_part" or (month.i < cue.j and cue.i < month.j):
            continue
        gap = range(cue.j, month.i) if cue.j <= month.i else range(month.j, cue.i)
        if len(gap) <= 1 and all(ctx.doc.words[t] in nouns for t in gap):
            return cue
    return Match("month_part", None, month.i, month.i)


def _month_nouns(ctx: Context) -> set[str]:
    """The language's words for month (``month_nouns``), folded."""
    return {phrase[0] for phrase in lexicon_phrases(ctx.matcher.language, "month_nouns")}


# "29", with a case ending ("19-da", "19-го") or an ordinal's ("9th"); or two days ("10-11")
DAY = re.compile(r"(\d{1,2})(?:[-–](\d{1,2}))?(?:st|nd|rd|th|-\w{1,3})?")
DASHES = ("-", "–", "—")


@dataclass
class PrintedDay:
    """The day, or the first and last of two days, printed next to a month name; their
    tokens i..j."""

    i: int
    j: int
    first: int
    last: int


def _day_next_to(doc: Doc, month: Any) -> PrintedDay | None:
    """The day printed right before or after a month name ("29 марта", "March 29", "Oct. 9",
    "November 9th", "19-го мая", "mayın 19-da"), or two days ("10-11 Kasım", "December
    19-20", "10 – 11 ноября"), if any."""
    after = [month.j]
    if month.j < len(doc.words) and doc.words[month.j] == ".":
        after.append(month.j + 1)  # the abbreviation's full stop ("Oct. 9")
    words = doc.words
    for t in (month.i - 1, *after):
        day = DAY.fullmatch(words[t]) if 0 <= t < len(words) else None
        if day is None or not 1 <= int(day.group(1)) <= 31:
            continue
        first, second = (
            ((t, t + 1), (month.i, month.j)) if t < month.i else ((month.i, month.j), (t, t + 1))
        )
        gap = doc.text[doc.span(*first)[1] : doc.span(*second)[0]]
        if not (gap.strip(" \t") in ("", ".") and len(gap) <= 2):  # same line, a full stop
            continue
        number, to = int(day.group(1)), int(day.group(2) or day.group(1))
        start = t
        if t >= 2 and words[t - 1] in DASHES and (earlier := DAY.fullmatch(words[t - 2])):
            start, number = t - 2, int(earlier.group(1))  # "10 – 11 ноября"
        if days_together(number, to):
            return PrintedDay(start, t + 1, number, to)
        return (
            PrintedDay(t, t + 1, to, to)
            if day.group(2) is None
            else PrintedDay(t, t + 1, number, number)
        )
    return None


def may_overlap(a: DateBounds, b: DateBounds) -> bool:
    """Whether two date ranges (open where a bound is unknown) may share a day."""
    return (a.earliest is None or b.latest is None or a.earliest <= b.latest) and (
        b.earliest is None or a.latest is None or b.earliest <= a.latest
    )
