"""Schedule vocabulary, loaded from one TOML file per language.

Adding a language is adding ``lang/<code>.toml``: the parser only ever sees
canonical symbols (``("weekday", "MO")``, ``("unit", "WEEKLY")``), never words.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).with_name("lang")

# Numbers may carry ordinal marks: 16th, 2nd, 1e, 1:a, 3:e, 15. (Nordic).
# Bounded repetition only: the pattern is linear in the input length.
TOKEN_RE = re.compile(r"\d{1,4}(?:st|nd|rd|th|e|:a|:e|\.)?|[^\W\d_]{1,40}")
NUMBER_RE = re.compile(r"(\d{1,4})(st|nd|rd|th|e|:a|:e|\.)?")

Symbol = tuple[str, Any]


@dataclass(frozen=True, slots=True)
class Token:
    """A word as written (``raw``, for group names) and where it stood."""

    raw: str
    word: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Match:
    symbol: Symbol
    tokens: tuple[Token, ...]
    languages: frozenset[str]

    @property
    def kind(self) -> str:
        return self.symbol[0]

    @property
    def value(self) -> Any:
        return self.symbol[1]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The vocabulary of several languages merged; the first language wins a clash.

    Compared and hashed by identity: there is one per language combination.
    """

    languages: tuple[str, ...]
    phrases: dict[tuple[str, ...], tuple[Symbol, frozenset[str]]]
    longest: int
    time_markers: tuple[str, ...]
    range_words: tuple[str, ...]
    time_suffixes: tuple[str, ...]
    meeting_suffixes: tuple[str, ...]
    render: dict[str, dict[str, Any]]

    def match(self, tokens: Sequence[Token]) -> list[Match]:
        """Greedy longest-phrase matching; unknown words become ``("word", text)``."""
        out: list[Match] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                key = tuple(t.word for t in tokens[i : i + size])
                found = self.phrases.get(key)
                if found is not None:
                    out.append(Match(found[0], tuple(tokens[i : i + size]), found[1]))
                    i += size
                    break
            else:
                out.append(Match(_number_or_word(tokens[i].word), (tokens[i],), frozenset()))
                i += 1
        return out


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.group(), m.group().casefold(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)
    ]


def _number_or_word(word: str) -> Symbol:
    m = NUMBER_RE.fullmatch(word)
    if m is None:
        return ("word", word)
    value = int(m.group(1))
    if m.group(2):
        return ("ordinal", value)
    return ("year", value) if value >= 1000 else ("number", value)


def _entries(data: dict[str, Any]) -> Iterable[tuple[str, Symbol]]:
    for code, words in data.get("weekdays", {}).items():
        yield from ((w, ("weekday", code)) for w in words)
    for number, words in data.get("months", {}).items():
        yield from ((w, ("month", int(number))) for w in words)
    for number, words in data.get("ordinals", {}).items():
        yield from ((w, ("ordinal", int(number))) for w in words)
    for number, words in data.get("numbers", {}).items():
        yield from ((w, ("number", int(number))) for w in words)
    for freq, words in data.get("units", {}).items():
        yield from ((w, ("unit", freq)) for w in words)
    for phrase, cadence in data.get("cadences", {}).items():
        freq, interval = cadence.split("/")
        yield phrase, ("cadence", (freq, int(interval)))
    for symbol, words in data.get("words", {}).items():
        yield from ((w, (symbol, None)) for w in words)


@cache
def load_language(code: str) -> dict[str, Any]:
    path = LANG_DIR / f"{code}.toml"
    if not path.is_file():
        raise ValueError(f"no schedule vocabulary for language {code!r} (looked for {path})")
    with path.open("rb") as f:
        return tomllib.load(f)


@cache
def lexicon_for(languages: tuple[str, ...]) -> Lexicon:
    """Merge languages once per combination; the parser calls this on every phrase."""
    phrases: dict[tuple[str, ...], tuple[Symbol, frozenset[str]]] = {}
    markers: list[str] = []
    ranges: list[str] = []
    suffixes: list[str] = []
    meeting: list[str] = []
    render: dict[str, dict[str, Any]] = {}
    for code in languages:
        data = load_language(code)
        for phrase, symbol in _entries(data):
            key = tuple(t.word for t in tokenize(phrase))
            if key in phrases:
                old_symbol, langs = phrases[key]
                phrases[key] = (old_symbol, langs | {code})
            else:
                phrases[key] = (symbol, frozenset({code}))
        markers += data.get("time_markers", [])
        ranges += data.get("range_words", [])
        suffixes += data.get("time_suffixes", [])
        meeting += data.get("meeting_suffixes", [])
        render[code] = data.get("render", {})
    return Lexicon(
        languages=languages,
        phrases=phrases,
        longest=max((len(k) for k in phrases), default=1),
        time_markers=tuple(dict.fromkeys(markers)),
        range_words=tuple(dict.fromkeys(ranges)),
        time_suffixes=tuple(dict.fromkeys(suffixes)),
        meeting_suffixes=tuple(sorted(set(meeting), key=len, reverse=True)),
        render=render,
    )
