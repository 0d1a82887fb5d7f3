"""Selective covers for the word-by-word cue index: whole phrases, not fragments.

`cues.cover_of` picks single literal runs and is tuned for substring search,
so `\\b(?:jeg|eg) (?:kan|kunne) ...` gets the cover " k". The cue index checks
every word piece of a cover string, so longer strings are nearly free and far
more selective: here the cover is {"jeg kan ", "jeg kunne ", "eg kan ",
"eg kunne "}. Adjacent literal elements (letters, small alternations, optional
words) are multiplied out while the set stays small. A cover only decides
which patterns are *tried*; every match of the pattern contains one of its
strings, so no decision depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

try:  # the regex parser is private; without it the caller falls back
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other Python versions
    _c = _p = None  # type: ignore[assignment]

REGEX_CONSTANTS = _c  # the parser's opcodes, for the other cover walker (None without the parser)
_MAX_STRINGS = 24  # alternatives kept in one multiplied-out run
_WORD = re.compile(r"\w")
Items = Sequence[tuple[object, object]]


def parse_items(pattern: str, *, case_sensitive_only: bool = False) -> Items | None:
    """The parsed form of a pattern, or None when it cannot be reasoned about
    (no private parser on this Python, a parse error, or case-insensitive when
    the caller needs exact text)."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern)
    except (re.error, RecursionError, TypeError):
        return None
    if case_sensitive_only and parsed.state.flags & re.IGNORECASE:
        return None
    return list(parsed)


def word_cover(pattern: str) -> tuple[str, ...] | None:
    """Strings of which every match of `pattern` contains one, or None if unknown.

    A pattern anchored at the start ("^\\s*e med") begins at a word start, so its
    first run is written with a leading space: " e med" says "the word e", not
    "a word ending in e", which keeps the cue off most sentences.
    """
    found = word_covers(pattern, limit=1)
    return found[0] if found else None


def word_covers(pattern: str, *, limit: int = 2) -> tuple[tuple[str, ...], ...]:
    """Up to `limit` cheapest covers, each necessary on its own: a match holds a
    string of every one ("i'd … like … join": one of the wishes AND one of the verbs)."""
    items = parse_items(pattern, case_sensitive_only=True)
    if items is None:
        return ()
    skip = _anchored_start(items)
    options = sorted(_options(items[skip:], seed=" " if skip else ""), key=lambda o: (_cost(o), sorted(o)))
    return tuple(tuple(sorted(o)) for o in options[:limit])


def _anchored_start(items: Items) -> int:
    """How many leading items are ^ / \\A and optional spaces (0: not anchored)."""
    if not items or items[0] != (_c.AT, _c.AT_BEGINNING) and items[0] != (_c.AT, _c.AT_BEGINNING_STRING):
        return 0
    k = 1
    while k < len(items) and items[k][0] is _c.MAX_REPEAT and items[k][1][0] == 0 \
            and list(items[k][1][2]) in ([(_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE)])],):
        k += 1
    return k


def _cover(items: Items) -> frozenset[str] | None:
    """The cheapest necessary set among the runs of exact strings in a sequence."""
    options = _options(items)
    return min(options, key=_cost) if options else None


def _options(items: Items, seed: str = "") -> list[frozenset[str]]:
    """Every necessary set found along a sequence (runs of exact strings, inner covers)."""
    options: list[frozenset[str]] = []
    run: set[str] = {seed}
    for item in items:
        exact = _exact([item])
        if exact is not None and len(run) * len(exact) <= _MAX_STRINGS:
            run = {a + b for a in run for b in exact}
            continue
        _keep(run, options)
        if exact is not None:
            run = set(exact)
            continue
        run = {""}
        inner = _inner(*item)
        if inner:
            options.append(inner)
    _keep(run, options)
    return options


def _keep(run: set[str], options: list[frozenset[str]]) -> None:
    if all(_WORD.search(s) and len(s) >= 2 for s in run):
        options.append(frozenset(run))


def _cost(option: frozenset[str]) -> float:
    """Chance-like cost of false hits: short strings ("me", " k") are everywhere."""
    return sum(1000 / 8 ** (len(s) - 1) for s in option)


def _inner(op: object, av: object) -> frozenset[str] | None:
    """A cover inside one element that is not an exact string (e.g. `(?:x\\S+)+`)."""
    if op is _c.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _cover(list(av[-1]))  # type: ignore[index]
    if op is _c.ATOMIC_GROUP:
        return _cover(list(av))  # type: ignore[call-overload]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, item = av  # type: ignore[misc]
        return _cover(list(item)) if low >= 1 else None
    if op is _c.BRANCH:
        covers = [_cover(list(alt)) for alt in av[1]]  # type: ignore[index]
        return None if any(c is None for c in covers) else frozenset().union(*covers)  # type: ignore[arg-type]
    return None


def _exact(items: Items) -> set[str] | None:
    """Every string a sequence can match, if it is a small finite set of literals."""
    result: set[str] = {""}
    for op, av in items:
        if op is _c.AT:  # \b, ^, $: match no characters
            continue
        if op is _c.LITERAL:
            strings: set[str] | None = {chr(av)}  # type: ignore[arg-type]
        elif op is _c.IN:
            strings = {chr(v) for o, v in av} if all(o is _c.LITERAL for o, v in av) else None  # type: ignore[union-attr]
        elif op is _c.SUBPATTERN:
            strings = None if av[1] & re.IGNORECASE else _exact(list(av[-1]))  # type: ignore[index]
        elif op is _c.BRANCH:
            alts = [_exact(list(alt)) for alt in av[1]]  # type: ignore[index]
            strings = None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[:2] == (0, 1):  # type: ignore[index]
            inner = _exact(list(av[2]))  # type: ignore[index]
            strings = None if inner is None else inner | {""}
        else:
            strings = None
        if strings is None or len(result) * len(strings) > _MAX_STRINGS:
            return None
        result = {a + b for a in result for b in strings}
    return result
