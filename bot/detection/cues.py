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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_

from bot.detection.covers import REGEX_CONSTANTS as _c
from bot.detection.covers import parse_items

_MIN_COVER = 2
WORD = re.compile(r"\w+")  # the detector's notion of a word (also used for group names)
# ASCII characters that are not word characters, mapped to spaces
_ASCII_GAPS = str.maketrans({chr(c): " " for c in range(128) if not WORD.fullmatch(chr(c))})


_LINE_GAPS = str.maketrans({chr(c): " " for c in range(128) if not WORD.fullmatch(chr(c)) and chr(c) != "\n"})
# the same as a byte table for UTF-8, which spells non-ASCII characters with bytes >= 0x80 only
_LINE_GAP_BYTES = bytes(ord(_LINE_GAPS.get(b, chr(b))) if b < 0x80 else b for b in range(256))
_ASCII_BYTES = bytes(range(0x80))


def words_of_lines(text: str) -> list[list[str]]:
    """``words_of`` for each line of `text`: one translate for the whole post."""
    # bytes.translate on the UTF-8 costs a quarter of str.translate, which also
    # looks up every character after the first non-ASCII one in Python objects
    data = text.encode("utf-8", "surrogatepass")
    lines = data.translate(_LINE_GAP_BYTES).decode("utf-8", "surrogatepass").split("\n")
    if text.isascii() or data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass").isalnum():
        # every character left is a word character or a space: the pieces are the words
        return [line.split() for line in lines]
    return [_split_words(line) for line in lines]


def words_of(text: str) -> list[str]:
    """``WORD.findall(text)``, faster.

    translate + split run in C without building a match object per word, which
    made word splitting the largest single cost of a typical post.
    """
    return _split_words(text.translate(_ASCII_GAPS))


def _split_words(gapped: str) -> list[str]:
    """Words of a text whose ASCII gaps are already spaces; a piece that still
    holds a non-word character (an emoji, "–", "…") is split the slow way."""
    pieces = gapped.split()
    if gapped.isascii():
        return pieces
    return [word for piece in pieces
            for word in ((piece,) if piece.isascii() or piece.isalnum() else WORD.findall(piece))]


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # e.g. "join/explicit"
    regex: re.Pattern[str]
    cover: tuple[str, ...] | None
    extra: tuple[tuple[str, ...], ...] = ()  # further covers, each also necessary
    # written with \A: it holds at the start of any clause ("…, if the X needs hands, lmk"),
    # where ^ holds at the start of the sentence only (and is cheaper: no clause split)
    anchored: bool = False


def cover_of(pattern: str) -> tuple[str, ...] | None:
    """Literal strings of which every match contains one, or None if unknown."""
    items = parse_items(pattern)
    if items is None:
        return None
    found = _sequence(items)
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

    Each word piece of a cover string says how one word of the text must look
    (``"could i "``: a word ending in "could" and the word "i"; ``"'m in"``: the
    word "m" and a word starting with "in"; ``"leav"``: a word containing it).
    Which pieces a word satisfies is worked out once per distinct word and
    remembered, so a sentence costs one dict lookup per word; a cover string is
    possible where all its pieces are satisfied. These are necessary conditions,
    so the candidates are a superset of the cues whose cover occurs: a pattern
    that could match is never skipped.
    """

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.cues = tuple(cues)
        always: set[int] = set()
        self._pieces: dict[tuple[str, str], int] = {}
        # the pieces most words satisfy get the lowest bits, so that a word's and a
        # sentence's pieces are small ints, cheap to OR and to hash (see _commonest_first)
        for piece in _commonest_first(self.cues):
            self._piece_id(piece)
        covers: dict[int, list[tuple[int, int]]] = {}  # first piece -> (mask of other pieces, cue)
        for i, cue in enumerate(self.cues):
            cover = cue.cover
            if cover is None:
                always.add(i)
            for s in cover or ():
                pieces = [self._piece_id(p) for p in _pieces(s)]
                if not pieces:  # no word character: may match where no word is
                    always.add(i)
                else:
                    covers.setdefault(pieces[0], []).append((_mask(pieces[1:]), i))
        # a candidate must also hold a string of each extra cover ("like" AND "join")
        self._extra: dict[int, tuple[tuple[int, ...], ...]] = {}
        for i, cue in enumerate(self.cues):
            options = [[_pieces(s) for s in option] for option in cue.extra]
            options = [o for o in options if all(o)]  # a string without word pieces: no help
            if cue.cover is not None and options:
                self._extra[i] = tuple(tuple(_mask(map(self._piece_id, ps)) for ps in o) for o in options)
        self._always = tuple(sorted(always))
        self._covers = {pid: tuple(entries) for pid, entries in covers.items()}
        self._firsts = _mask(covers)
        by_kind: dict[str, dict[str, int]] = {kind: {} for kind in _KINDS}
        for (kind, piece), pid in self._pieces.items():
            by_kind[kind][piece] = pid
        self._by_kind = by_kind
        self._lengths = {kind: sorted({len(p) for p in by_kind[kind]}) for kind in _KINDS}
        inside = sorted(by_kind["inside"], key=len, reverse=True)
        self._inside = re.compile("|".join(map(re.escape, inside))) if inside else None
        self._seen = _Memo(self._pieces_of)
        self._by_present: dict[int, tuple[int, ...]] = {}

    def _piece_id(self, piece: tuple[str, str]) -> int:
        return self._pieces.setdefault(piece, len(self._pieces))

    def candidates(self, sentences: Sequence[str]) -> list[tuple[int, ...]]:
        """For each folded sentence, the cue ids that might match in it (in id order)."""
        return [self.candidates_of(WORD.findall(s)) for s in sentences]

    def candidates_of(self, words: Sequence[str]) -> tuple[int, ...]:
        """Cue ids that might match in a sentence made of these folded words."""
        # the pieces a sentence satisfies are one int's bits: OR-ing ints and
        # looking the result up is half the cost of uniting frozensets
        present = reduce(or_, map(self._seen.__getitem__, words), 0)
        known = self._by_present.get(present)  # chatter repeats the same few pieces
        if known is None:
            known = self._covered(present)
            if len(self._by_present) < _CACHE_LIMIT:
                self._by_present[present] = known
        return known

    def _covered(self, present: int) -> tuple[int, ...]:
        found = set(self._always)
        covers = self._covers
        extra = self._extra
        for pid in _bits(present & self._firsts):
            for rest, cue in covers[pid]:
                if rest & present == rest and all(
                        any(piece & present == piece for piece in option) for option in extra.get(cue, ())):
                    found.add(cue)
        return tuple(sorted(found))

    def _pieces_of(self, word: str) -> int:
        """The cover pieces this one word satisfies, as bits."""
        by_kind, lengths = self._by_kind, self._lengths
        found = 1 << by_kind["word"][word] if word in by_kind["word"] else 0
        for n in lengths["prefix"]:
            if (pid := by_kind["prefix"].get(word[:n])) is not None:
                found |= 1 << pid
        for n in lengths["suffix"]:
            if (pid := by_kind["suffix"].get(word[-n:])) is not None:
                found |= 1 << pid
        if self._inside is not None:
            pos = 0  # overlapping search: "helpjoin" holds both "help" and "join"
            while (hit := self._inside.search(word, pos)) is not None:
                for n in lengths["inside"]:
                    if (pid := by_kind["inside"].get(word[hit.start(): hit.start() + n])) is not None:
                        found |= 1 << pid
                pos = hit.start() + 1
        return found


class _Memo(dict[str, int]):
    """word -> its cover pieces, computed on first sight; bounded so that a
    stream of never-repeated words cannot grow it without limit."""

    def __init__(self, compute: Callable[[str], int]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str) -> int:
        pieces = self._compute(word)
        if len(self) < _CACHE_LIMIT:
            self[word] = pieces
        return pieces


_KINDS = ("word", "prefix", "suffix", "inside")
_CACHE_LIMIT = 50_000  # distinct words whose cover pieces are remembered


def _mask(ids: Iterable[int]) -> int:
    return sum(1 << i for i in set(ids))


def _bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of `mask`, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _commonest_first(cues: Sequence[Cue]) -> list[tuple[str, str]]:
    """Every word piece of the cues' covers, those likely in more words first.

    Any order gives the same candidates; this one keeps the bit masks short.
    A short piece is in more words than a long one, and a piece that may sit
    anywhere in a word in more than one that must be a whole word.
    """
    pieces = {p for cue in cues for s in cue.cover or () for p in _pieces(s)}
    for cue in cues:  # the further covers CueIndex keeps (see there)
        options = [[_pieces(s) for s in option] for option in cue.extra]
        if cue.cover is not None:
            pieces.update(p for o in options if all(o) for ps in o for p in ps)
    return sorted(pieces, key=lambda kp: (len(kp[1]), -_KINDS.index(kp[0]), kp[1]))


def _pieces(cover: str) -> list[tuple[str, str]]:
    """Each word piece of a cover string and where it must sit in a word, longest first."""
    found = []
    for piece in WORD.finditer(cover):
        closed_left, closed_right = piece.start() > 0, piece.end() < len(cover)
        kind = ("word" if closed_left and closed_right else "prefix" if closed_left
                else "suffix" if closed_right else "inside")
        found.append((kind, piece.group()))
    return sorted(found, key=lambda kp: (-len(kp[1]), _KINDS.index(kp[0])))
