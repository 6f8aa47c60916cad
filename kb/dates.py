"""Dates that are exact or only bounded, and the most precise date that states them.

>>> b = DateBounds.parse("2023-10")
>>> b.earliest, b.latest
(datetime.date(2023, 10, 1), datetime.date(2023, 10, 31))
>>> b.narrowed(latest=date(2023, 10, 5), why="published 2023-10-05").precise()
('2023-10', 'gYearMonth')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_partial(text: str) -> tuple[date, date]:
    """The first and last day of a day, month or year written as ISO 8601."""
    match = _PARTIAL.match(text.strip())
    if not match:
        raise ValueError(f"not a date, month or year: {text!r} (write 2023-10-04, 2023-10 or 2023)")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    exact = date(year, month, day)
    return exact, exact


def as_day(value: object) -> date:
    """A day from a YAML value: a date, a datetime or an ISO string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    first, last = parse_partial(str(value))
    if first != last:
        raise ValueError(f"expected a day, got {value!r}")
    return first


@dataclass(frozen=True)
class DateBounds:
    """Earliest and latest possible day of an event, and why."""

    earliest: date | None = None
    latest: date | None = None
    basis: tuple[str, ...] = field(default=())

    @classmethod
    def parse(cls, text: str, why: str | None = None) -> DateBounds:
        first, last = parse_partial(text)
        return cls(first, last, (why,) if why else ())

    def narrowed(
        self, earliest: date | None = None, latest: date | None = None, why: str = ""
    ) -> DateBounds:
        """These bounds tightened by a new earliest and/or latest day, recording why if it helps."""
        new_earliest, new_latest = self.earliest, self.latest
        changed = False
        if earliest and (new_earliest is None or earliest > new_earliest):
            new_earliest, changed = earliest, True
        if latest and (new_latest is None or latest < new_latest):
            new_latest, changed = latest, True
        if not changed:
            return self
        return replace(
            self,
            earliest=new_earliest,
            latest=new_latest,
            basis=self.basis + ((why,) if why else ()),
        )

    @property
    def known(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def consistent(self) -> bool:
        return not (self.earliest and self.latest and self.earliest > self.latest)

    def precise(self) -> tuple[str, str] | None:
        """The most precise date containing both bounds, as (lexical form, XSD datatype name)."""
        first, last = self.earliest, self.latest
        if first is None or last is None or first > last:
            return None
        if first == last:
            return first.isoformat(), "date"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year:04d}-{first.month:02d}", "gYearMonth"
        if first.year == last.year:
            return f"{first.year:04d}", "gYear"
        return None
