"""Round-three families: own sentences, with look-alikes that must stay "none".

Unsubscribing one's address, a pause "for me", stepping out of a group,
"…and leaving X"; typo'd modal verbs; "how do I get onto X", becoming a
<role>, standing for a group; "Me too — X" fragments; a list after a colon;
a past tense that stays in its own conjunct; groups named in a condition;
"manage without me this year" as declining a round, not leaving.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.detection import Detector, GroupRef
from bot.detection.cues import WORD, words_of
from tests.detection_groups import GROUPS

DETECTOR = Detector(GROUPS)

CASES = [
    # leave: unsubscribing one's address, in four languages
    ('leave:garden', "unsub me from the garden group pls"),
    ('leave:finance', "Please remove my email address from the Finance mailing list."),
    ('leave:webshop', "Kan iemand mijn e-mailadres van de webshop-lijst verwijderen?"),
    ('leave:garden', "Kan noen fjerne e-postadressen min fra hagegruppa?"),
    ('leave:garden', "Ta bort min e-postadress från trädgårdsgruppen, tack."),
    # leave: a pause for me, stepping out, "and leaving X"
    ('leave:garden', "Even pauze voor mij bij de tuingroep, het is te druk op mijn werk."),
    ('leave:events', "I'm stepping out of the events team after the summer fair."),
    ('leave:finance', "I'm passing my notes to Sam and leaving the Finance Group for good."),
    # join: typos, "get onto", becoming a <role>, standing for
    ('join:garden', "woud love to join the garden group, i have a big shed"),
    ('join:garden', "vil gjerne værre med i hagegruppa"),
    ('join:garden', "vill gärna va me i trädgårdsgruppen"),
    ('join:webshop', "How do I get onto the Webshop team?"),
    ('join:finance', "I'm thinking of standing for the Finance Group next spring."),
    # join: a "me too" fragment, a list after a colon, a past conjunct
    ('join:garden', "Same here — garden group."),
    ('join:events,webshop', "I can give a few evenings to whichever needs it: events, webshop."),
    ('join:finance', "Does the Finance Group take beginners? I used to run a small café and would like to help."),
    ('join:events', "Zet me maar bij de evenementen, ik doe mee!"),
    # join: a group named only in the condition is not a target
    ('join:garden', "Jeg vil gjerne være med i hagegruppa hvis økonomigruppa ikke trenger meg."),
    ('join:events', "I'd like to help with Events if the Finance Group can spare me."),
    ('join:webshop', "Ik wil graag meehelpen bij de webshop als jullie de financiën al rond hebben."),
    # look-alikes that stay "none"
    ('none:', "Hagegruppa får klare seg uten meg i år, ryggen er dårlig."),
    ('none:', "Trädgårdsgruppen får klara sig utan mig i år."),
    ('none:', "De tuingroep moet het dit jaar zonder mij doen, sorry."),
    ('none:', "The garden group will have to manage without me this time."),
    ('none:', "Stepping out for a coffee, back in ten."),
    ('none:', "I used to be in the garden group."),
    ('none:', "Me too — what a lovely party that was."),
    ('none:', "How does one become a good baker?"),
    ('none:', "She's stepping out of the events team and leaving the Finance Group."),
]


@pytest.mark.parametrize(("spec", "text"), CASES)
def test_round3_family(spec: str, text: str) -> None:
    intent, _, named = spec.partition(":")
    decision = DETECTOR.detect(text)
    assert decision.intent == intent, decision
    if intent != "none":
        assert set(decision.groups) == set(filter(None, named.split(","))), decision


def test_fuzzy_hit_on_the_cue_word_is_not_a_group() -> None:
    """ "stepping" looks like "Steering" to a fuzzy matcher; the cue's own words name no group."""
    detector = Detector([GroupRef("steering", "Steering Committee", ("steering",)),
                         GroupRef("welfare", "Welfare Committee")])
    decision = detector.detect("I'm stepping out of the welfare committee after the party.")
    assert (decision.intent, decision.groups) == ("leave", ("welfare",))


@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=200))
def test_words_of_is_word_findall(text: str) -> None:
    """The fast ASCII path splits exactly like the regex the cue index was built for."""
    assert words_of(text) == WORD.findall(text)


BOARD = Detector([GroupRef("board", "Styret", ("styre", "styrelsen", "bestuur")),
                  GroupRef("garden", "Garden", ("hagegruppa", "tuingroep"))])


@pytest.mark.parametrize(("text", "intent", "groups"), [
    ("Jeg stiller gjerne til valg som styremedlem.", "join", ("board",)),
    ("Jag ställer gärna upp som styrelseledamot.", "join", ("board",)),
    ("Ik stel me graag kandidaat als bestuurslid.", "join", ("board",)),
    ("Alle styremedlemmer må lese referatet.", "none", ()),
    ("Jeg vil gjerne være med i hagegruppa. Styremedlem Kari tar kontakt.", "join", ("garden",)),
])
def test_member_compound_names_its_group(text: str, intent: str, groups: tuple[str, ...]) -> None:
    """ "styremedlem", "styrelseledamot", "bestuurslid": a member of the board names the board."""
    decision = BOARD.detect(text)
    assert (decision.intent, decision.groups) == (intent, groups), decision
