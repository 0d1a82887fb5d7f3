"""Fast lookup of cue patterns: only run a pattern where it could possibly match.

Each pattern is parsed once to find a *cover*: a few literal strings one of
which every match must contain (for "sign me (up|in)" that is {"sign me"}).
A pattern is only tried on the sentences holding one of its strings (checked
word by word, see CueIndex). This keeps the cost proportional to the text, not
to text x patterns, and needs nothing from the language files beyond the
patterns themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

try:  # the regex parser is private; without it every pattern simply always runs
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other Python versions
    _c = _p = None  # type: ignore[assignment]

_MIN_COVER = 2
WORD = re.compile(r"\w+")  # the detector's notion of a word (also used for group names)


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
    """Many cue patterns, found in a post without trying each one everywhere.

    A cover string is reduced to an *anchor*: its longest word piece and how
    that piece must sit in one word of the text (``" me "`` -> a word equal to
    "me"; ``"'m in"`` -> a word starting with "in"; ``"leav"`` -> a word
    containing it). The anchors a word satisfies are worked out once per
    distinct word and remembered, so a post costs one tokenisation plus one
    dict lookup per word instead of a substring search per cover string. The
    anchor is a necessary condition, so the candidates are a superset of the
    cues whose cover occurs: a pattern that could match is never skipped.
    """

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.cues = tuple(cues)
        always = {i for i, cue in enumerate(self.cues) if cue.cover is None}
        self._anchors: dict[str, dict[str, set[int]]] = {kind: {} for kind in _KINDS}
        for i, cue in enumerate(self.cues):
            for s in cue.cover or ():
                anchor = _anchor(s)
                if anchor is None:  # no word character: may match where no word is
                    always.add(i)
                else:
                    self._anchors[anchor[0]].setdefault(anchor[1], set()).add(i)
        self._always = frozenset(always)
        self._lengths = {kind: sorted({len(p) for p in self._anchors[kind]}) for kind in _KINDS}
        inside = sorted(self._anchors["inside"], key=len, reverse=True)
        self._inside = re.compile("|".join(map(re.escape, inside))) if inside else None
        self._seen: dict[str, frozenset[int]] = {}

    def candidates(self, sentences: Sequence[str]) -> list[tuple[int, ...]]:
        """For each folded sentence, the cue ids that might match in it (in id order)."""
        return [self.candidates_of(WORD.findall(s)) for s in sentences]

    def candidates_of(self, words: Iterable[str]) -> tuple[int, ...]:
        """Cue ids that might match in a sentence made of these folded words."""
        found: set[int] = set(self._always)
        seen = self._seen
        for word in words:
            ids = seen.get(word)
            if ids is None:
                ids = self._ids_of(word)
                if len(seen) < _CACHE_LIMIT:
                    seen[word] = ids
            if ids:
                found |= ids
        return tuple(sorted(found))

    def _ids_of(self, word: str) -> frozenset[int]:
        anchors, lengths = self._anchors, self._lengths
        found: set[int] = set(anchors["word"].get(word, ()))
        for n in lengths["prefix"]:
            found.update(anchors["prefix"].get(word[:n], ()))
        for n in lengths["suffix"]:
            found.update(anchors["suffix"].get(word[-n:], ()))
        if self._inside is not None:
            pos = 0  # overlapping search: "helpjoin" holds both "help" and "join"
            while (hit := self._inside.search(word, pos)) is not None:
                for n in lengths["inside"]:
                    found.update(anchors["inside"].get(word[hit.start(): hit.start() + n], ()))
                pos = hit.start() + 1
        return frozenset(found)


_KINDS = ("word", "prefix", "suffix", "inside")
_CACHE_LIMIT = 50_000  # distinct words whose candidate cues are remembered


def _anchor(cover: str) -> tuple[str, str] | None:
    """The most selective word piece of a cover string and where it must sit."""
    best: tuple[int, int, str, str] | None = None
    for piece in WORD.finditer(cover):
        closed_left, closed_right = piece.start() > 0, piece.end() < len(cover)
        kind = ("word" if closed_left and closed_right else "prefix" if closed_left
                else "suffix" if closed_right else "inside")
        rank = (_KINDS.index(kind) > 0, -len(piece.group()))
        if best is None or rank < best[:2]:
            best = (*rank, kind, piece.group())  # type: ignore[assignment]
    return None if best is None else (best[2], best[3])
