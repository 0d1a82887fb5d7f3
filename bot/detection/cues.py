"""Fast lookup of cue patterns: only run a pattern where it could possibly match.

Each pattern is parsed once to find a *cover*: a few literal strings one of
which every match must contain (for "sign me (up|in)" that is {"sign me"}).
A post is scanned with plain substring search for all cover strings, and a
pattern is only tried on the sentences holding one of its strings. This keeps
the cost proportional to the text, not to text x patterns, and needs nothing
from the language files beyond the patterns themselves.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

try:  # the regex parser is private; without it every pattern simply always runs
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other Python versions
    _c = _p = None  # type: ignore[assignment]

_MIN_COVER = 2


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # e.g. "join/explicit"
    regex: re.Pattern[str]
    cover: tuple[str, ...] | None


def cover_of(pattern: str) -> tuple[str, ...] | None:
    """Literal strings of which every match contains one, or None if unknown."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern)
    except (re.error, RecursionError, TypeError):
        return None
    found = _sequence(list(parsed))
    if not found or min(len(s) for s in found) < _MIN_COVER:
        return None
    return tuple(sorted(found))


def _sequence(items: Sequence[tuple[object, object]]) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if len(run) >= 2:
            options.append(frozenset(["".join(run)]))
        run = []
        cover = _element(op, av)
        if cover:
            options.append(cover)
    if len(run) >= 2:
        options.append(frozenset(["".join(run)]))
    if not options:
        return None
    return min(options, key=_cost)


def _cost(option: frozenset[str]) -> float:
    """Rough work a cover causes: one search per string, plus the pattern runs
    its false hits trigger (short strings such as "me" occur everywhere)."""
    return sum(1 + 1000 / 8 ** (len(s) - 1) for s in option)


def _element(op: object, av: object) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))  # type: ignore[index]
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))  # type: ignore[call-overload]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, item = av  # type: ignore[misc]
        return _sequence(list(item)) if low >= 1 else None
    if op is _c.BRANCH:
        covers = [_sequence(list(alt)) for alt in av[1]]  # type: ignore[index]
        if any(c is None for c in covers):
            return None
        return frozenset().union(*covers)  # type: ignore[arg-type]
    return None


class CueIndex:
    """Many cue patterns, found in a post without trying each one everywhere."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.cues = tuple(cues)
        self._always = tuple(i for i, cue in enumerate(self.cues) if cue.cover is None)
        by_string: dict[str, list[int]] = {}
        for i, cue in enumerate(self.cues):
            for s in cue.cover or ():
                by_string.setdefault(s, []).append(i)
        self._by_string = {s: tuple(ids) for s, ids in by_string.items()}

    def candidates(self, sentences: Sequence[str]) -> list[tuple[int, ...]]:
        """For each sentence, the cue ids that might match in it (in id order)."""
        text = "\n".join(sentences)
        starts: list[int] = []
        pos = 0
        for s in sentences:
            starts.append(pos)
            pos += len(s) + 1
        found: list[set[int]] = [set(self._always) for _ in sentences]
        starts.append(len(text) + 1)
        for s, ids in self._by_string.items():
            at = text.find(s)
            while at != -1:
                index = bisect.bisect_right(starts, at) - 1
                found[index].update(ids)
                at = text.find(s, starts[index + 1])  # next sentence: one hit is enough
        return [tuple(sorted(f)) for f in found]
