"""The work bound: huge posts are cut to the author's first words, normal posts are not."""

from __future__ import annotations

from bot.detection import Detector
from bot.detection.detector import OWN_TEXT_LIMIT
from bot.detection.markup import bounded
from tests.detection_groups import GROUPS

DETECTOR = Detector(GROUPS)
CHATTER = "We talked about the rota and the new fridge for a while on Tuesday evening. "


def test_bounded_leaves_short_text_alone_and_cuts_long_text_at_a_space() -> None:
    text = "word " * 100
    assert bounded(text, len(text)) == text
    cut = bounded(text, 52)
    assert len(cut) <= 52 and text.startswith(cut) and cut.endswith("word")
    assert bounded("x" * 100, 10) == "x" * 10  # no space to cut at: cut hard


def test_normal_posts_are_far_below_the_bound() -> None:
    # typical replies are <= 2 KB; the bound must never touch them
    assert OWN_TEXT_LIMIT > 4 * 2048


def test_sign_up_near_the_start_of_a_huge_post_is_found() -> None:
    post = "Hi all! I'd like to join the garden group.\n\n" + CHATTER * 1500  # ~110 KB
    decision = DETECTOR.detect(post)
    assert (decision.intent, decision.groups) == ("join", ("garden",))


def test_quotes_do_not_use_up_the_bound() -> None:
    quoted = "[quote]\n" + CHATTER * 1200 + "\n[/quote]\n"  # ~90 KB of someone else's words
    decision = DETECTOR.detect(quoted + "Count me in for the Finance Group!")
    assert (decision.intent, decision.groups) == ("join", ("finance",))


def test_words_beyond_the_bound_are_not_analysed() -> None:
    post = CHATTER * (OWN_TEXT_LIMIT // len(CHATTER) + 10) + "I'd like to join the garden group."
    assert DETECTOR.detect(post).intent == "none"
    assert DETECTOR.detect(post[-200:]).intent == "join"


def test_a_clause_repeating_a_blocked_cue_is_still_decided() -> None:
    # thousands of negated wishes in one clause: each is blocked, none is a sign-up
    post = "I would not like to join the garden group and " * 2000
    assert DETECTOR.detect(post).intent == "none"


def test_greetings_next_to_group_names_in_one_long_sentence() -> None:
    # driver speech ("welcome") among many group names: still driver speech, so no join
    post = "welcome aboard, I'll add you to Events and Finance and Garden and " * 300
    assert DETECTOR.detect(post).intent == "none"
