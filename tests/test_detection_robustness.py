"""No input, however hostile, makes detect() hang or return garbage."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.detection import Decision, Detector
from tests.detection_groups import GROUPS

DETECTOR = Detector(GROUPS)
PIECES = st.sampled_from([
    "[quote]", "[/quote]", '[quote="x, post:1"]', "```", "~~~", "    ", "\t", "> ", "`", "<", ">",
    "[", "]", "(", ")", "![", "](", "@", ":", "*", "_", "#", "\n", "\n\n", " ", ".", "!", "?", "-",
    "I'd like to join ", "the garden group", "sign me up", "not ", "but ", "FIN", "hagegruppa",
    "jeg vil gjerne være med i ", "ik wil graag meedoen met ", "jag vill gärna vara med i ",
    "shop@coop.example", "webshp", "Events", "æøå", "ÄÖ", "💪", "\u200b",
])


def valid(decision: Decision) -> None:
    assert isinstance(decision, Decision)
    assert decision.intent in {"join", "leave", "none"}
    assert 0.0 <= decision.confidence <= 1.0
    assert all(slug in {g.slug for g in GROUPS} for slug in decision.groups)
    assert len(set(decision.groups)) == len(decision.groups)
    assert decision.intent != "none" or decision.groups == ()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_adversarial_fragments(text: str) -> None:
    valid(DETECTOR.detect(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    valid(DETECTOR.detect(text))


def test_huge_pathological_inputs_return() -> None:
    for text in (
        " " * 100_000,
        "[quote]" * 10_000,
        "[" * 50_000 + "]" * 50_000,
        "I'd like to join " * 6_000,
        "a" * 100_000,
        "```\n" + "x\n" * 40_000,
        "> " + "quote " * 15_000,
        ("sign me up for the garden group. " * 3000),
    ):
        valid(DETECTOR.detect(text))
