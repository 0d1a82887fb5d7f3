"""Invisible markers that make forum replies findable again (at-most-once replies).

The caller embeds `reply_marker(key)` in the raw text of a reply. Discourse keeps
HTML comments in `raw` but strips them from `cooked`, so readers never see it,
and after a crash or timeout `DiscourseGateway.find_recent_reply` can tell
whether the reply was already posted before sending it again.
"""

from __future__ import annotations

import re

_KEY = re.compile(r"^[A-Za-z0-9:._/-]{1,200}$")


def reply_marker(key: str) -> str:
    """`<!-- coopbot:KEY -->`; keys are restricted so they cannot close the comment early."""
    if not _KEY.match(key):
        raise ValueError(f"marker keys use letters, digits and :._/- only: {key!r}")
    return f"<!-- coopbot:{key} -->"


def has_marker(raw: str, marker: str) -> bool:
    return marker in raw
