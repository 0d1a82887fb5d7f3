"""A post while it is being read: its sentences, their clauses and the cues found.

Shared by the cue finder (`detector`) and the group resolver (`resolution`),
which both fill and read the per-sentence caches kept here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.detection.decision import Intent
from bot.detection.mentions import Mention

WORD_START = re.compile(r"\b\w")
WORDS = re.compile(r"\w+")
SENTENCE_STRIDE = 100_000  # orders mentions of later sentences after earlier ones
# Only the first OWN_TEXT_LIMIT characters of the author's own words (after
# quotes and code are removed) are analysed. People say they want to join near
# the start of a reply; 12,000 characters is ~2,000 words, six times a long
# (2 KB) reply, so decisions on real posts do not change. It bounds the work any
# post can cause: the costliest text (every sentence a sign-up naming groups)
# runs at ~1 ms per KB, so a 100 KB post of any content stays ~15-25 ms, well
# under the 50 ms budget even on a busy machine (bench/detect_speed.py).
OWN_TEXT_LIMIT = 12_000


@dataclass(frozen=True, slots=True)
class CueHit:
    """A join/leave cue that speaks for the author, where it sits in the post."""

    intent: Intent
    kind: str  # explicit | tentative | direct
    sentence: int
    clause: tuple[int, int]
    span: tuple[int, int]
    everything: bool = False  # "all my groups"
    subjectless: bool = False  # "Stepping down from X": must name what it leaves


@dataclass(slots=True)
class PostReading:
    """One post while it is being decided: its sentences and cached mentions."""

    texts: list[str]
    folded: list[str]
    negated: list[list[tuple[int, int]]]
    clauses: list[list[tuple[int, int]]]
    mentions: dict[int, list[Mention]]
    raw: str
    first_person: re.Pattern[str]  # "I", "jeg"…: chosen for the post's language
    # groups named in what the author quoted, and whether the quote is a sign-up; looked up once
    quoted: tuple[list[Mention], bool] | None = None


def clauses_of(clause_break: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of a folded sentence."""
    start = 0
    for sep in clause_break.finditer(text):
        if sep.start() > start:
            yield start, sep.start()
        start = sep.end()
    if start < len(text):
        yield start, len(text)
