"""What a parsed meeting schedule is, and the two ways parsing can refuse.

The rule is plain data so the service layer can store it (rrule string, time,
date, offset) and rebuild it later without re-parsing the phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any, Literal

from bot.errors import UserFacingError

RuleKind = Literal["recurring", "once", "relative"]


@dataclass(frozen=True, slots=True)
class ScheduleRule:
    """A parsed schedule.

    - ``recurring``: ``rrule`` is an RFC 5545 RRULE body ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO").
      Parts the phrase left out (which weekday, which day of the month) are
      filled in from the ``today`` given to the parser, so the rule does not
      depend on the series start for anything but its phase.
    - ``once``: a single meeting on ``date``.
    - ``relative``: ``offset`` from each meeting of ``anchor_group`` (negative = before).

    ``start_local`` is the wall-clock time in the organisation's zone; ``None``
    means "not given": occurrences then take the time of the series start
    (or, for relative rules, of the anchor meeting).
    """

    kind: RuleKind
    rrule: str | None
    start_local: time | None
    date: date | None
    duration: timedelta
    anchor_group: str | None
    offset: timedelta | None
    text: str


class ScheduleParseError(UserFacingError):
    """The phrase is not a schedule we understand.

    ``params`` always carries ``examples``: accepted phrases in the writer's
    language, so the reply can show what works.
    """

    def __init__(self, key: str = "meetings.schedule.unparsed", *, examples: list[str], **params: Any) -> None:
        super().__init__(key, examples=examples, **params)
        self.examples = examples


class AmbiguousScheduleError(UserFacingError):
    """The phrase has more than one reasonable reading.

    ``options`` are complete phrases, in the writer's language, each of which
    parses without ambiguity: the adapter can offer them as buttons and feed
    the chosen one straight back into ``parse_schedule``.
    """

    def __init__(self, key: str, *, options: list[str], **params: Any) -> None:
        super().__init__(key, options=options, **params)
        self.options = options
