"""The fast preprocessing gives exactly what the plain algorithms it replaced gave.

The references below are the earlier, simpler implementations, kept here only
to compare against on random text (Nordic letters, emoji, U+0130, Greek and
Cyrillic, quotes, dashes, unprintable and surrogate characters).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.detection.cues import _LINE_GAPS, WORD, _split_words, words_of_lines
from bot.detection import markup
from bot.detection.folding import _TABLE, fold

_NON_ASCII = re.compile(r"([^\x00-\x7f]+)")


def reference_fold(text: str) -> str:
    """The table, applied run by run (ASCII runs lowered), as before."""
    parts = _NON_ASCII.split(text)
    parts[::2] = [p.lower().replace("`", "'") for p in parts[::2]]
    parts[1::2] = [p.translate(_TABLE) for p in parts[1::2]]
    return "".join(parts)


_SPECIALS = ("åøæäöéüßÅØÆÄÖÉÜẞİıÐðÞþŁł\u0130\u03a3\u03c3\u03c2ΑΩωЖжЁё\u212a\u2126"
             "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u00a0\u202f\u2009\t\r\x0b\x1c\x85\u2028"
             "\U0001F644\U0001F643\U0001F612\U0001F44D\U0001F602\u2600\u27bf\u2764`'\"()[]-–—.!?…"
             "\ud800\udfff")
TEXT = st.text(alphabet=st.one_of(st.sampled_from(_SPECIALS), st.characters(codec=None),
                                  st.sampled_from("aAzZ ,.\n")), max_size=300)


@settings(max_examples=1500)
@given(TEXT)
def test_fold_is_the_table_run_by_run(text: str) -> None:
    assert fold(text) == reference_fold(text)


@given(st.text(max_size=300))
def test_fold_any_text(text: str) -> None:
    assert fold(text) == reference_fold(text)


def test_fold_keeps_the_odd_characters() -> None:
    text = "İSTANBUL Σ ΣΑΣ K Ω Ж “Å”—ø…\U0001F644\U0001F44D `x` \ud800"
    assert fold(text) == reference_fold(text)
    assert len(fold(text)) == len(text)


def reference_words_of_lines(text: str) -> list[list[str]]:
    """One str.translate, then the words of each line, as before."""
    lines = text.translate(_LINE_GAPS).split("\n")
    if text.isascii():
        return [line.split() for line in lines]
    return [_split_words(line) for line in lines]


@settings(max_examples=1500)
@given(TEXT)
def test_words_of_lines_as_before(text: str) -> None:
    assert words_of_lines(text) == reference_words_of_lines(text)
    assert words_of_lines(fold(text)) == reference_words_of_lines(fold(text))
    assert words_of_lines(text) == [WORD.findall(line) for line in text.split("\n")]


# markup: patterns rewritten to open with a literal, against the plain forms
_OLD_MENTION = re.compile(r"(?=@)(?<![\w.@])@[\w][\w.\-]{0,59}")
_OLD_EMPHASIS = re.compile(r"(?=[*_#])(?:\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|^#{1,6}\s)", re.MULTILINE)
_OLD_BLOCK_LINE = re.compile(r"^(?:[^\S\n]|[`~>\d])", re.MULTILINE)
_PIECES = st.sampled_from(["@", ".@", "a@", "@@", "@kim_b", "_", "__", "___", "a_", "_a", "*", "**", "***",
                           "#", "##", "\n#", "\n", " ", "\t", "\u00a0", "`", "~", ">", "1", "x", "ø", ".", "-"])
MARKUP = st.lists(st.one_of(_PIECES, st.characters(codec=None)), max_size=80).map("".join)


@settings(max_examples=2000)
@given(MARKUP)
def test_markup_patterns_as_before(text: str) -> None:
    assert markup._MENTION.sub(" ", text) == _OLD_MENTION.sub(" ", text)
    assert markup._EMPHASIS.sub("", text) == _OLD_EMPHASIS.sub("", text)
    new = markup._BLOCK_START.match(text) or markup._BLOCK_LINE.search(text)
    assert bool(new) == bool(_OLD_BLOCK_LINE.search(text))


_LINE_STARTS = st.sampled_from(["", " ", "  ", "   ", "    ", "\t", " \t", "\u00a0", "\r", "   \t", " \u00a0  ", "\u00a0   "])
_LINE_BODIES = st.sampled_from(["", "```", "```py", "````", "~~~", "~~", "``", "> quote", ">", "3 Likes", "1 like",
                                "12  LIKES ", "2 Likes x", "1. item", "hello", "sign me up", "`x`", "~"])
_LINES = st.tuples(_LINE_STARTS, _LINE_BODIES, st.sampled_from(["", " ", "\t", "```", "a"])).map("".join)
BLOCKS = st.lists(st.one_of(_LINES, st.text(max_size=8)), max_size=25).map("\n".join)
# most texts: no line starts indented (four spaces or a tab)
_FLAT_LINES = st.tuples(_LINE_STARTS.filter(lambda s: s not in ("    ", "\t")), _LINE_BODIES,
                        st.sampled_from(["", " ", "\t", "```", "a"])).map("".join)
FLAT_BLOCKS = st.lists(_FLAT_LINES, max_size=25).map("\n".join)


@settings(max_examples=3000)
@given(st.one_of(BLOCKS, FLAT_BLOCKS))
def test_strip_blocks_as_before(text: str) -> None:
    # the line loop, which still handles indented code, is the algorithm every text went through before
    assert markup.strip_blocks(text) == markup._strip_blocks_by_line(text)
