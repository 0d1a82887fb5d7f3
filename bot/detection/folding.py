"""Case and diacritic folding that keeps every character at its offset.

Folding one character to exactly one character means a match found in the
folded text points at the same span of the original, so the detector can still
look at capital letters and quote the author's own words as evidence.
"""

from __future__ import annotations

import unicodedata

from bot.detection.markup import IRONY_EMOJI

_SPECIAL = {
    "ø": "o", "Ø": "o", "æ": "a", "Æ": "a", "œ": "o", "Œ": "o", "ß": "s",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "þ": "t",
    "Þ": "t", "ı": "i",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " ",
    "\u202f": " ",
}


_EMOJI = ((0x2600, 0x27BF), (0x1F300, 0x1FAFF))  # symbols, dingbats and pictographs


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0].lower()
        if base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord(k): v for k, v in _SPECIAL.items()})
    # an emoji closes what was said like "!" ("jag är med 👍"), except the ones that
    # mark jest, which the detector still has to see
    for start, end in _EMOJI:
        table.update({code: "!" for code in range(start, end + 1) if chr(code) not in IRONY_EMOJI})
    return table


_TABLE = _build_table()
# what the table does to ASCII, as a byte table: UTF-8 spells every other
# character with bytes >= 0x80, which this leaves alone
_ASCII_FOLD = bytes(ord(_TABLE.get(b, chr(b))) if b < 0x80 else b for b in range(256))
_ASCII_BYTES = bytes(range(0x80))
# the table folds a non-ASCII character to a folded ASCII one, so it does not
# matter whether it is applied before or after the ASCII is folded
assert all(code < 0x80 or (len(v) == 1 and v.isascii() and _TABLE.get(ord(v), v) == v)
           for code, v in _TABLE.items())


def fold(text: str) -> str:
    """Lower-case and strip diacritics (ø/ö→o, æ/ä→a, å→a), emoji to "!", same length."""
    if text.isascii():  # most posts: the table only lowers A-Z and turns ` into '
        return text.lower().replace("`", "'")
    # str.translate leaves its fast ASCII path at the first "ø" for good and then
    # looks up every character in Python objects. Instead the ASCII is folded as
    # UTF-8 bytes, and the few distinct non-ASCII characters (the bytes left when
    # the ASCII is deleted) are each replaced in one pass: all in C.
    data = text.encode("utf-8", "surrogatepass")
    folded = data.translate(_ASCII_FOLD).decode("utf-8", "surrogatepass")
    for char in set(data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")):
        if (to := _TABLE.get(ord(char))) is not None:
            folded = folded.replace(char, to)
    return folded


def fold_pattern(pattern: str) -> str:
    """Fold a regex written in natural spelling, leaving escapes such as \\S alone."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        else:
            out.append(char.translate(_TABLE))
    return "".join(out)
