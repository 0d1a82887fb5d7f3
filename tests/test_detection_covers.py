"""Cue pre-filtering is only an optimisation: it must never hide a cue that matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.detection.covers import word_cover, word_covers
from bot.detection.cues import WORD, Cue, CueIndex
from bot.detection.folding import fold
from bot.detection.lexicon import DEFAULT_LANG_DIR, Lexicon, discover
from bot.detection.markup import own_words, sentences

LEXICON = Lexicon(discover(DEFAULT_LANG_DIR, None))
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "signups.dev.jsonl"
WORDS = st.sampled_from([
    "i", "i'd", "i'm", "jeg", "eg", "jag", "ik", "we", "would", "could", "can", "kan", "kunne", "like",
    "love", "to", "join", "help", "be", "with", "sign", "me", "up", "in", "count", "gjerne", "med", "vara",
    "graag", "mee", "doen", "step", "down", "leave", "not", "the", "group", "gruppa", "events", "for",
    "+1", "!", ".", ",", "'", "happy", "interested", "keen", "on", "is", "there", "room", "space",
])


def test_alternatives_next_to_each_other_are_multiplied_out() -> None:
    assert word_cover(r"\b(?:jeg|eg) (?:kan|kunne) (?:\S+\s+){0,2}?bake\b") == (
        "eg kan ", "eg kunne ", "jeg kan ", "jeg kunne ")


def test_optional_words_are_part_of_the_strings() -> None:
    assert word_cover(r"\bcount (?:me )?in\b") == ("count in", "count me in")


def test_anchored_patterns_start_at_a_word() -> None:
    assert word_cover(r"^\s*(?:ar|e) med\b") == (" ar med", " e med")
    assert word_cover(r"\A\s*er med") == (" er med",)


def test_two_necessary_covers_both_required() -> None:
    covers = word_covers(r"\bi(?:'d| would) (?:\S+\s+)?(?:like|love) to (?:\S+\s+)?(?:join|help)\b")
    assert covers == (("like to ", "love to "), ("i would ", "i'd "))
    index = CueIndex([Cue("join/explicit", re.compile("x"), covers[0], covers[1:])])
    assert index.candidates_of("i would love to join".split()) == (0,)
    assert index.candidates_of("they love to join things".split()) == ()  # a wish, nobody wishing


def test_no_cover_when_the_pattern_has_no_fixed_words() -> None:
    assert word_cover(r"\w+\s+\S+") is None
    assert word_cover(r"(?i)\bjoin\b") is None  # case-insensitive: literals are not exact


def test_every_match_contains_a_cover_string() -> None:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    folded = [fold(s) for text in texts for s in sentences(own_words(text))]
    checked = 0
    for cue in LEXICON.cues.cues:
        cover = word_cover(cue.regex.pattern)
        for sentence in folded:
            match = cue.regex.search(sentence)
            if match and cover:
                checked += 1
                # a leading space in a cover string stands for a word start, as at the sentence start
                assert any(s in " " + sentence for s in cover), (cue.regex.pattern, sentence)
    assert checked > 50


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=14).map(" ".join))
def test_candidates_include_every_cue_that_matches(sentence: str) -> None:
    index = LEXICON.cues
    candidates = set(index.candidates_of(WORD.findall(sentence)))
    for i, cue in enumerate(index.cues):
        if cue.regex.search(sentence):
            assert i in candidates, (cue.regex.pattern, sentence)
