"""Human durations in config files ("3d", "2h", "90m", "1w2d").

Co-op volunteers edit the config by hand, so "3 days" reads better than 259200.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

_PART = re.compile(r"(\d{1,6})\s*(w|d|h|m|s)")
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


def parse_duration(value: Any) -> timedelta:
    """Accept "3d", "2h30m", "1w", a number of seconds, or a timedelta."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError("a duration is a string such as '3d' or '2h', not true/false")
    if isinstance(value, (int, float)):
        if value < 0:
            raise ValueError("a duration cannot be negative")
        return timedelta(seconds=value)
    if not isinstance(value, str):
        raise ValueError("a duration is a string such as '3d', '2h' or '30m'")
    text = value.strip().lower().replace(" ", "")
    if not text or len(text) > 40:
        raise ValueError(f"'{value}' is not a duration; write e.g. '3d', '2h' or '30m'")
    pos, total = 0, timedelta()
    for match in _PART.finditer(text):
        if match.start() != pos:
            break
        total += timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
        pos = match.end()
    if pos != len(text) or pos == 0:
        raise ValueError(f"'{value}' is not a duration; write e.g. '3d', '2h' or '30m'")
    return total


def format_duration(delta: timedelta) -> str:
    """The inverse of parse_duration, for summaries and logs."""
    seconds = int(delta.total_seconds())
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


Duration = Annotated[
    timedelta,
    BeforeValidator(parse_duration),
    PlainSerializer(format_duration, return_type=str),
]
