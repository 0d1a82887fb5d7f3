"""Phrases the parser offers back: choices for unclear schedules, and examples.

Each option is written in the writer's language from the ``[render]`` table of
its vocabulary file, and is built so that it parses back without ambiguity.
"""

from __future__ import annotations

from typing import Any

from bot.meetings.cadence import WEEKDAY_CODES, Choice
from bot.meetings.lexicon import load_language


def _render(language: str) -> dict[str, Any]:
    """The language's render table, falling back to English key by key."""
    return {**load_language("en")["render"], **load_language(language).get("render", {})}


def _with_time(text: str, table: dict[str, Any], clock: str | None) -> str:
    return f"{text} {table['at'].format(time=clock)}" if clock else text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def choice_phrase(choice: Choice, *, language: str, clock: str | None) -> str:
    table = _render(language)
    weekday = table["weekdays"][WEEKDAY_CODES.index(choice.weekday)]
    if choice.nth is None:
        weeks = choice.weeks or 1
        template = table["every_other_week"] if weeks == 2 else table["every_n_weeks"]
        text = template.format(n=weeks, weekday=weekday)
    else:
        nth = table["ordinals"][str(choice.nth)]
        if choice.interval == 1:
            text = table["nth_weekday"].format(nth=nth, weekday=weekday)
        else:
            months = table["every_months"]
            every = months.get(str(choice.interval), months["n"]).format(n=choice.interval)
            text = table["nth_weekday_every"].format(every=every, nth=nth, weekday=weekday)
    return _capitalised(_with_time(text, table, clock))


def offset_phrase(weeks: int, *, before: bool, group: str, language: str, clock: str | None) -> str:
    table = _render(language)
    text = table["offset"]["before" if before else "after"].format(n=weeks, group=group)
    return _capitalised(_with_time(text, table, clock))


def examples(language: str) -> list[str]:
    return list(_render(language)["examples"])
