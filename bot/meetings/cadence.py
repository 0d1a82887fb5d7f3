"""From the words of a recurring phrase to an RFC 5545 RRULE body.

Works on canonical symbols only (see ``lexicon``), so it is the same code for
every language. When a phrase has two honest readings it raises ``Unclear``
with structured choices; ``phrases`` words them in the writer's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.meetings.lexicon import Match

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
NTH_CHOICES = (1, 2, 3, 4, -1)
QUANTITY = ("number", "ordinal")


@dataclass(frozen=True, slots=True)
class Choice:
    """One reading of an unclear phrase: ``nth`` of ``weekday`` every ``interval`` months,
    or (``nth`` None) every ``weeks`` weeks on ``weekday``."""

    weekday: str
    nth: int | None = None
    interval: int = 1
    weeks: int | None = None


class Unclear(Exception):
    def __init__(self, key: str, choices: list[Choice]) -> None:
        super().__init__(key)
        self.key = key
        self.choices = choices


class NotUnderstood(Exception):
    """Carries the catalog key and the words that did not fit."""

    def __init__(self, key: str, words: Sequence[str] = ()) -> None:
        super().__init__(key)
        self.key = key
        self.words = list(words)


@dataclass(slots=True)
class _Parts:
    freq: str | None = None
    interval: int = 1
    weekdays: list[str] = field(default_factory=list)
    nth_days: list[tuple[int, str]] = field(default_factory=list)
    monthdays: list[int] = field(default_factory=list)
    month_context: bool = False
    every_nth: tuple[int, str] | None = None  # "every second Tuesday": which reading?
    unknown: list[str] = field(default_factory=list)

    def set_cadence(self, freq: str, interval: int) -> None:
        if self.freq is not None and (self.freq, self.interval) != (freq, interval):
            raise NotUnderstood("meetings.schedule.conflict")
        self.freq, self.interval = freq, interval
        self.month_context |= freq == "MONTHLY"


def _kind(items: Sequence[Match], i: int) -> str | None:
    return items[i].kind if i < len(items) else None


def _read_every(items: Sequence[Match], i: int, parts: _Parts, *, bare_unit_interval: int) -> int:
    """Read what follows "every" (or Dutch "om de"); return how many items were used."""
    nxt, after = _kind(items, i + 1), _kind(items, i + 2)
    if nxt in QUANTITY and after == "unit":
        parts.set_cadence(items[i + 2].value, items[i + 1].value)
        return 3
    if nxt == "unit":
        parts.set_cadence(items[i + 1].value, bare_unit_interval)
        return 2
    if nxt == "ordinal" and after == "weekday":
        if items[i + 1].value >= 2:
            parts.every_nth = (items[i + 1].value, items[i + 2].value)
        return 1
    if nxt == "ordinal" and after == "ordinal":  # "every first and third Tuesday"
        return 1
    if nxt in ("weekday", "cadence") and bare_unit_interval == 1:
        return 1
    raise NotUnderstood("meetings.schedule.unparsed", [m.tokens[0].raw for m in items[i : i + 2]])


def _read_number(items: Sequence[Match], i: int, parts: _Parts) -> int:
    """An ordinal or number: nth weekday ("first and third Tuesday"), interval, or day of month."""
    j = i
    while _kind(items, j) == "ordinal":
        j += 1
    if j > i and _kind(items, j) == "weekday":
        day = items[j].value
        parts.nth_days += [(m.value, day) for m in items[i:j]]
        return j - i + 1
    if _kind(items, i + 1) == "unit":
        parts.set_cadence(items[i + 1].value, items[i].value)
        return 2
    value = items[i].value
    if not 1 <= value <= 31:
        raise NotUnderstood("meetings.schedule.unparsed", [items[i].tokens[0].raw])
    parts.monthdays.append(value)
    return 1


def _collect(matches: Sequence[Match]) -> _Parts:
    items = [m for m in matches if m.kind != "filler"]
    parts = _Parts()
    i = 0
    while i < len(items):
        m = items[i]
        if m.kind == "cadence":
            parts.set_cadence(*m.value)
        elif m.kind == "every":
            i += _read_every(items, i, parts, bare_unit_interval=1)
            continue
        elif m.kind == "alt_every":
            i += _read_every(items, i, parts, bare_unit_interval=2)
            continue
        elif m.kind == "every_other" and _kind(items, i + 1) == "unit":
            parts.set_cadence(items[i + 1].value, 2)
            i += 1
        elif m.kind == "every_other" and _kind(items, i + 1) == "weekday":
            parts.set_cadence("WEEKLY", 2)
        elif m.kind in QUANTITY:
            i += _read_number(items, i, parts)
            continue
        elif m.kind == "weekday":
            parts.weekdays.append(m.value)
        elif m.kind == "of_month" or (m.kind == "unit" and m.value == "MONTHLY"):
            parts.month_context = True
        else:
            parts.unknown += [t.raw for t in m.tokens]
        i += 1
    return parts


def _infer_freq(parts: _Parts) -> None:
    if parts.every_nth and parts.freq is None and not parts.month_context:
        nth, day = parts.every_nth
        if nth <= 4:
            raise Unclear(
                "meetings.schedule.every_nth_weekday",
                [Choice(day, weeks=nth), Choice(day, nth=nth)],
            )
        parts.set_cadence("WEEKLY", nth)
        parts.nth_days.clear()
        parts.weekdays.append(day)
    if parts.freq is None:
        if parts.nth_days or parts.month_context or parts.monthdays:
            parts.set_cadence("MONTHLY", 1)
        elif parts.weekdays:
            parts.set_cadence("WEEKLY", 1)
        else:
            raise NotUnderstood("meetings.schedule.unparsed")
    if parts.freq == "DAILY" and parts.interval % 7 == 0:
        parts.freq, parts.interval = "WEEKLY", parts.interval // 7


def _by_rules(parts: _Parts, today: date) -> list[str]:
    freq = parts.freq
    if freq == "WEEKLY":
        if parts.nth_days or parts.monthdays:
            raise NotUnderstood("meetings.schedule.conflict")
        days = parts.weekdays or [WEEKDAY_CODES[today.weekday()]]
        return ["BYDAY=" + ",".join(dict.fromkeys(days))]
    if freq == "MONTHLY":
        bare = [d for d in parts.weekdays if d not in {day for _, day in parts.nth_days}]
        if bare:
            choices = [Choice(bare[0], nth=n, interval=parts.interval) for n in NTH_CHOICES]
            raise Unclear("meetings.schedule.which_weekday", choices)
        if parts.nth_days and parts.monthdays:
            raise NotUnderstood("meetings.schedule.conflict")
        if parts.nth_days:
            return ["BYDAY=" + ",".join(dict.fromkeys(f"{n}{d}" for n, d in parts.nth_days))]
        days = parts.monthdays or [today.day if today.day <= 28 else -1]
        return ["BYMONTHDAY=" + ",".join(str(d) for d in dict.fromkeys(days))]
    if parts.weekdays or parts.nth_days or parts.monthdays:
        raise NotUnderstood("meetings.schedule.conflict")
    if freq == "YEARLY":
        last_of_feb = (today.month, today.day) == (2, 29)
        return [f"BYMONTH={today.month}", f"BYMONTHDAY={-1 if last_of_feb else today.day}"]
    return []


def recurrence(items: Sequence[Match], *, today: date) -> str:
    """The RRULE body for a recurring phrase.

    Parts the phrase leaves out come from ``today``: the weekday for "every
    6 weeks", the day of the month for "every other month" (the last day when
    today is the 29th-31st, so no month is skipped), month and day for
    "yearly". The echo of the next dates shows the writer what was chosen.
    """
    parts = _collect(items)
    if parts.unknown:
        raise NotUnderstood("meetings.schedule.unparsed", parts.unknown)
    _infer_freq(parts)
    if parts.interval < 1 or parts.interval > 366:
        raise NotUnderstood("meetings.schedule.unparsed")
    body = [f"FREQ={parts.freq}"]
    if parts.interval > 1:
        body.append(f"INTERVAL={parts.interval}")
    return ";".join(body + _by_rules(parts, today))
