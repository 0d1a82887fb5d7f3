"""What detection knows about groups and what it concludes about one post.

Both are frozen value objects so a decision can be logged, compared in tests
and handed across layers without anyone mutating it on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Below this a join/leave is shown as "possible sign-up, please check" rather
# than acted on silently: the detector found a cue but something was weak
# (tentative wording, a typo-only group match, a group borrowed from the next
# sentence, or conflicting signals).
LOW_CONFIDENCE = 0.6

Intent = Literal["join", "leave", "none"]


@dataclass(frozen=True, slots=True)
class GroupRef:
    """The parts of a working group that help recognise it in free text."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    email: str | None = None
    status: str = "open"  # open | closed | planned


@dataclass(frozen=True, slots=True)
class Decision:
    """The detector's verdict on one reply, with the words that carried it."""

    intent: Intent
    groups: tuple[str, ...]
    confidence: float
    evidence: str
    language: str

    @property
    def is_low_confidence(self) -> bool:
        """True when a human should confirm before anyone is added or removed."""
        return self.intent != "none" and self.confidence < LOW_CONFIDENCE
