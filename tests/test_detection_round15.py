"""Families added in round fifteen (our own sentences, written from the general causes
behind misses on fresh held-out corpora, never copied from them):

- a stop word left alone by an alias ("the van") or a mailbox ("van@…") names no group;
- counterfactual conditions ("if it was on weekends I'd…", "…if I spoke Dutch",
  "als mijn knie het toeliet") and "maar dat doet hij niet" refuse;
- formal Dutch leaves ("Hierbij meld ik me af als vrijwilliger bij X", "ik treed af");
- "Nee hoor, grapje" takes back a mock sign-up; "happy to be useful" offers help.
"""

from __future__ import annotations

import pytest

from bot.detection import Detector, GroupRef
from tests.detection_groups import GROUPS, assert_decides

DETECTOR = Detector(GROUPS, word_model=False)

CASES = [
    ('none:', "If it was on weekends I'd happily do the garden group, but weekdays are impossible."),
    ('none:', "I'd join the garden group in a heartbeat if I spoke Dutch, but I don't."),
    ('none:', "Ik zou best bij de tuingroep willen, als mijn rug het toeliet, maar dat doet hij niet."),
    ('join:garden', "Ik zou best bij de tuingroep willen, als jullie nog iemand zoeken."),
    ('leave:garden', "Hierbij meld ik me af als vrijwilliger bij de tuingroep."),
    ('none:', "Ik meld me af voor de vergadering van vanavond, sorry."),
    ('leave:garden', "Na vijf jaar treed ik af uit de tuingroep."),
    ('none:', "Ja hoor, zet mij maar in de tuingroep, dan ben ik mijn weekenden kwijt 😅 Nee hoor, grapje."),
    ('join:', "Honestly happy to be useful wherever you need hands."),
]


@pytest.mark.parametrize(("spec", "text"), CASES)
def test_round15_family(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)


def test_a_stop_word_left_by_an_alias_or_a_mailbox_names_no_group() -> None:
    van = GroupRef("repair-van", "Repair Van", ("the van", "repair van"), email="van@coop.example")
    detector = Detector([van, *GROUPS], word_model=False)
    decision = detector.detect("Hoe kan ik lid worden van de werkgroep tuin? Ik help graag mee.")
    assert "repair-van" not in decision.groups
    assert detector.detect("I'd love to join the repair van crew this summer.").groups == ("repair-van",)
