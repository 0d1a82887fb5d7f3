"""Times of day and numeric dates inside a schedule phrase.

These are found with regular expressions before the words are read, because
"14.00-15.30", "12-1pm" and "kl. 19" are punctuation as much as words. Every
quantifier is bounded and no group repeats inside another, so matching stays
linear even on hostile input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from functools import cache

from bot.meetings.lexicon import Lexicon

ISO_DATE_RE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
# Day first, as everywhere our co-ops live: 16.01.2025, 16/01/2025.
DAY_FIRST_DATE_RE = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d./])")


@dataclass(frozen=True, slots=True)
class ClockSpan:
    """A time of day, and the end time when the phrase gave a range."""

    start: time
    end: time | None
    span: tuple[int, int]


class TimeTextError(ValueError):
    """The text holds something shaped like a time or date that cannot be one."""

    def __init__(self, key: str, found: str) -> None:
        super().__init__(key)
        self.key = key
        self.found = found


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!)"


def _time_pattern(tag: str) -> str:
    return (
        rf"(?P<{tag}h>\d{{1,2}})(?:[:.h](?P<{tag}m>\d{{2}}))?"
        rf"(?:\s?(?P<{tag}ap>[ap])\.?m\b\.?)?"
    )


@cache
def clock_regex(lexicon: Lexicon) -> re.Pattern[str]:
    markers = _alternation(lexicon.time_markers)
    ranges = _alternation(lexicon.range_words)
    suffixes = _alternation(lexicon.time_suffixes)
    return re.compile(
        rf"(?<![\w:.])(?:(?P<mk>{markers})\s{{0,3}})?{_time_pattern('a')}"
        rf"(?:\s{{0,3}}(?P<sa>{suffixes})\b)?"
        rf"(?:\s{{0,3}}(?:-|\b(?:{ranges})\b)\s{{0,3}}(?:(?:{markers})\s{{0,3}})?{_time_pattern('b')}"
        rf"(?:\s{{0,3}}(?P<sb>{suffixes})\b)?)?"
        rf"(?![\w:]|\.\d)",
        re.IGNORECASE,
    )


def _is_clock(m: re.Match[str], tag: str) -> bool:
    return bool(m.group(f"{tag}m") or m.group(f"{tag}ap") or m.group(f"s{tag}"))


def _to_time(hour: int, minute: int, meridiem: str | None, found: str) -> time:
    if meridiem:
        if not 1 <= hour <= 12:
            raise TimeTextError("meetings.schedule.invalid_time", found)
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour > 23 or minute > 59:
        raise TimeTextError("meetings.schedule.invalid_time", found)
    return time(hour, minute)


def _read(m: re.Match[str], tag: str, meridiem: str | None) -> time:
    minute = int(m.group(f"{tag}m") or 0)
    return _to_time(int(m.group(f"{tag}h")), minute, meridiem, m.group())


def _range_times(m: re.Match[str]) -> tuple[time, time]:
    ap_a, ap_b = m.group("aap"), m.group("bap")
    end = _read(m, "b", ap_b or ap_a)
    if ap_a or not ap_b:
        return _read(m, "a", ap_a), end
    # "12-1pm", "11-1pm": the start borrows the end's am/pm unless that puts it after the end.
    start = _read(m, "a", ap_b)
    if start > end:
        start = _read(m, "a", "a" if ap_b == "p" else "p")
    return start, end


def find_clock(text: str, lexicon: Lexicon) -> ClockSpan | None:
    """The one time (or time range) in ``text``; a bare number is a time only after a marker."""
    found: list[ClockSpan] = []
    for m in clock_regex(lexicon).finditer(text):
        is_range = m.group("bh") is not None
        marked = m.group("mk") is not None
        if not (marked or _is_clock(m, "a") or (is_range and _is_clock(m, "b"))):
            continue
        if is_range:
            start, end = _range_times(m)
            found.append(ClockSpan(start, end, m.span()))
        else:
            found.append(ClockSpan(_read(m, "a", m.group("aap")), None, m.span()))
    if len(found) > 1:
        raise TimeTextError("meetings.schedule.several_times", text[found[1].span[0] : found[1].span[1]])
    return found[0] if found else None


def find_numeric_date(text: str) -> tuple[date, tuple[int, int]] | None:
    """An ISO (2025-01-16) or day-first (16.01.2025, 16/01/2025) date, if there is one."""
    m = ISO_DATE_RE.search(text)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = DAY_FIRST_DATE_RE.search(text)
        if m is None:
            return None
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    try:
        return date(year, month, day), m.span()
    except ValueError:
        raise TimeTextError("meetings.schedule.invalid_date", m.group()) from None
