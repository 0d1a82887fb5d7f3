"""Meeting schedules: phrases to rules, rules to dates, dates to calendar feeds.

Pure code: no database, no Discord, no HTTP. Services store a ``ScheduleRule``
(its fields are plain values) with a series start and ask for occurrences.
"""

from bot.meetings.phrases import parse_schedule
from bot.meetings.recurrence import Anchor, is_occurrence, next_dates, occurrences
from bot.meetings.rule import AmbiguousScheduleError, ScheduleParseError, ScheduleRule

__all__ = [
    "Anchor",
    "AmbiguousScheduleError",
    "ScheduleParseError",
    "ScheduleRule",
    "is_occurrence",
    "next_dates",
    "occurrences",
    "parse_schedule",
]
