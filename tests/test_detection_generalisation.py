"""Phenomena found on held-out text, in coopbot's own words and other groups.

Each family (verb-second order, candidacy, standing down at an election,
"me too" replies, concrete offers of work, withdrawn wishes, groups named by a
plain word before the cue or in the sentence before, e-mail offers, list
removal) is written in every language where it applies. None of these
sentences come from a corpus.
"""

from __future__ import annotations

import pytest

from bot.detection import Detector, GroupRef
from tests.detection_groups import GROUPS

DETECTOR = Detector(GROUPS)

CASES = [
    # verb-second order: an adverb or clause first, then verb before subject
    ('join:garden', 'Etter jul blir jeg gjerne med i hagegruppa.'),
    ('join:garden', 'Nå som jeg har flyttet hit, melder jeg meg på til hagegruppa.'),
    ('join:finance', 'I så fall hjelper jeg gjerne økonomigruppa med budsjettet.'),
    ('join:garden', 'Till våren anmäler jag mig till trädgårdsgruppen.'),
    ('join:events', 'I så fall är jag gärna med i Events.'),
    ('join:garden', 'Om det behövs vill jag gärna vara med i trädgårdsgruppen.'),
    ('join:garden', 'Vanaf maart doe ik graag mee met de tuingroep.'),
    ('leave:garden', 'Etter tre år trekker jeg meg fra hagegruppa.'),
    ('leave:events', 'Fra nyttår melder jeg meg ut av Events.'),
    ('leave:garden', 'Efter säsongen kliver jag av trädgårdsgruppen.'),
    ('leave:events', 'Tyvärr hoppar jag av Events efter sommaren.'),
    ('leave:events', 'Därför drar jag mig ur Events.'),
    # dialect and imperative forms
    ('join:garden', 'Kan eg bli med i hagegruppa?'),
    ('leave:finance', 'Meld meg av økonomigruppa sine e-poster, takk.'),
    # Dutch separable verbs split by "te"
    ('join:webshop', 'Ik heb Sanne gemaild om me aan te melden voor de webshop.'),
    ('join:events', 'Ik wil me graag opgeven voor Events.'),
    # candidacy counts as join; not standing again counts as leave
    ('join:housing', "If there's an election for Housing Advice I'd like to be a candidate."),
    ('join:housing', "I'm throwing my hat in the ring for Housing Advice."),
    ('join:housing', 'Ik stel me beschikbaar voor woonadvies bij de volgende verkiezing.'),
    ('join:housing', 'Jag kandiderar gärna till boligrådet.'),
    ('leave:housing', "I won't be standing for re-election to Housing Advice in May."),
    ('leave:housing', 'After two terms I have decided not to run again for Housing Advice.'),
    ('leave:housing', 'Jeg stiller ikke til gjenvalg i boligrådet.'),
    ('leave:housing', 'Jag ställer inte upp för omval till boligrådet.'),
    ('leave:housing', 'Ik stel me niet herkiesbaar voor woonadvies.'),
    ('leave:finance', "I'm standing down from the Finance Group at the AGM."),
    # removal from a group's list, in several shapes
    ('leave:events', "Could I be removed from the Events mailing list?"),
    ('leave:garden', "Please take me off the garden group list, I've moved away."),
    ('leave:garden', 'Stryk meg fra lista til hagegruppa, er du snill.'),
    ('leave:garden', 'Ta bort mig från trädgårdsgruppen, tack.'),
    ('leave:events', 'Kunnen jullie me afmelden voor de mails van Events?'),
    ('leave:finance', "I will no longer be part of the Finance Group after March."),
    ('leave:garden', "I'm taking a break from the garden group until autumn."),
    ('leave:events', 'Jeg tar en pause fra Events i vår.'),
    ('leave:webshop', 'Ik neem een pauze van de webshop tot de zomer.'),
    # "me too" replies need a group
    ('join:webshop', 'Me too for the webshop!'),
    ('join:garden', 'Jeg også, hagegruppa høres gøy ut!'),
    ('join:garden', 'Jag också, trädgårdsgruppen låter kul.'),
    pytest.param('join:garden', 'Jag också! Trädgårdsgruppen låter kul.', marks=pytest.mark.xfail(
        strict=True, reason='groups are borrowed from the sentence before, never after')),
    ('join:events', 'Ik ook voor Events!'),
    ('none', 'Me too, what a lovely evening.'),
    # interest at the end of a clause
    ('join:finance', "What does the Finance Group actually do? If it's bookkeeping I'd be interested."),
    ('join:webshop', "The webshop sounds fun - I'm interested!"),
    # offers of concrete work
    ('join:garden', "Is the garden group still short of hands? I'm a retired gardener and happy to mow the lawn."),
    ('join:webshop', 'Does the webshop need photos? I can take pictures of the produce.'),
    ('join:garden', 'Trenger hagegruppa folk? Jeg kan ta vanningen i juli.'),
    ('join:garden', 'Behöver trädgårdsgruppen hjälp? Jag kan ta gräsklippningen.'),
    ('join:webshop', 'Zoekt de webshop nog mensen? Ik kan de foto\'s wel doen.'),
    ('none', "I'm happy to answer questions about the Finance Group."),
    # offers sent by e-mail, mentioned in the thread
    ('join:finance', 'Just emailed money@coop.example offering to help with the accounts.'),
    # a group named by a plain word before the cue or in the sentence before
    ('join:webshop', 'When the webshop relaunches, count me in.'),
    ('join:webshop', 'Als de webshop opnieuw start, help ik graag mee.'),
    ('join:events', 'Someone said events is short of people. Sign me up!'),
    # withdrawn wishes are not sign-ups; caveats are
    ('none', "I'd love to join the Events team but I have no time this spring."),
    ('none', 'Jeg skulle gjerne vært med i hagegruppa, men rekker det ikke i år.'),
    ('none', 'Jag hade gärna varit med i trädgårdsgruppen men hinner inte i år.'),
    ('none', 'Ik zou graag meedoen met de tuingroep, maar ik heb geen tijd.'),
    ('join:garden', "I'd like to join the garden group, but I can't do Tuesdays."),
    ('join:finance', 'Jag skulle kunna hjälpa ekonomigruppen, men min engelska är inte perfekt.'),
    # things that must stay none
    ('none', "I'm happy to report the garden looks amazing."),
    ('none', 'Etter møtet går jeg ut av lokalet og låser døra.'),
    ('none', 'Jag ställer upp på mötet på tisdag.'),
    ('none', 'Sam is offering to help with the webshop photos.'),
    ('none', 'Kim has decided not to stand again for Housing Advice.'),
    ('none', 'Hij stelt zich niet herkiesbaar voor woonadvies.'),
    ('none', 'The party after Events was great fun.'),
]


def _expect(spec: str) -> tuple[str, tuple[str, ...]]:
    intent, _, groups = spec.partition(":")
    return intent, tuple(g for g in groups.split(",") if g)


@pytest.mark.parametrize(("spec", "text"), CASES)
def test_sentence(spec: str, text: str) -> None:
    intent, groups = _expect(spec)
    decision = DETECTOR.detect(text)
    assert decision.intent == intent, decision
    if intent != "none":
        assert set(decision.groups) == set(groups), decision


def test_borrowed_plain_word_is_less_sure_than_a_named_group() -> None:
    borrowed = DETECTOR.detect("When the webshop relaunches, count me in.")
    named = DETECTOR.detect("Count me in for the webshop.")
    assert borrowed.groups == named.groups == ("webshop",)
    assert borrowed.confidence < named.confidence


def test_tentative_offer_on_borrowed_plain_word_is_low_confidence() -> None:
    decision = DETECTOR.detect("Does the webshop need photos? I can take pictures of the produce.")
    assert decision.is_low_confidence


def test_alias_with_group_word_needs_the_word_for_its_bare_form() -> None:
    detector = Detector([GroupRef("redaksjon", "Redaksjonen", ("newsletter team",)),
                         GroupRef("tech", "Tech", ("tech group",))])
    assert detector.detect("I'd love to help fold the newsletter this month.").groups == ()
    assert detector.detect("I'd love to join the newsletter team.").groups == ("redaksjon",)
    # a name that is also the bare form keeps matching alone
    assert detector.detect("I'd love to help with tech.").groups == ("tech",)
