"""Whole posts with groups unlike the test defaults, in coopbot's own words.

A board (candidacy, not standing again), a kitchen crew named in three
languages, conditional offers ("I'm in if..."), family members as third
parties, withdrawn wishes. Complements test_detection_generalisation.py.
"""

from __future__ import annotations

import pytest

from bot.detection import Detector, GroupRef
from tests.detection_groups import GROUPS

OTHER_GROUPS = [
    *GROUPS,
    GroupRef("kitchen", "Kjøkkengruppa", ("kitchen crew", "köksgruppen", "keukenploeg")),
    GroupRef("board", "Styret", ("the board", "styrelsen", "bestuur")),
]
POSTS_DETECTOR = Detector(OTHER_GROUPS, word_model=False)  # the rules; the word model has its own tests
POSTS = [
    ('join:kitchen', 'Hei! Jeg er ny i kooperativet og har jobbet som kokk i ti år. Kjøkkengruppa høres ut som noe for meg - hvordan melder jeg meg på?'),
    ('join:kitchen', "Hi all, I'm new here. I used to work in catering, so the kitchen crew seems like a good match. Count me in!"),
    ('join:board', 'Jeg vil gjerne stille til valg til styret neste år.'),
    ('join:board', "I'd like to put myself forward for the board at the AGM."),
    ('join:board', 'Jag ställer gärna upp till styrelsen.'),
    ('join:board', 'Ik wil me kandidaat stellen voor het bestuur.'),
    ('leave:board', 'Jeg tar ikke gjenvalg til styret.'),
    ('leave:board', "I won't be seeking re-election to the board this year."),
    ('leave:board', 'Ik stel me niet meer herkiesbaar voor het bestuur.'),
    ('leave:board', 'Jag kandiderar inte för omval till styrelsen.'),
    ('join:kitchen', 'Hej! Köksgruppen låter kul, jag hänger gärna på.'),
    ('join:kitchen', 'Hallo, ik zou graag bij de keukenploeg helpen op zaterdag.'),
    ('join:kitchen', 'Hey, jeg er med i kjøkkengruppa hvis dere trenger folk!'),
    ('join:garden,kitchen', "I'd love to help out with both the garden group and the kitchen crew."),
    ('join:garden', '**Garden group** - yes please, sign me up!'),
    ('join:garden', 'Yes please, garden group for me!'),
    ('join:webshop', "I'm a web developer - happy to help with the webshop if you need someone."),
    ('join:events', "Happy to help at Events, just let me know what's needed."),
    ('join:events', 'Hvis Events trenger folk, så stiller jeg gjerne opp.'),
    ('join:events', 'Om Events behöver folk så ställer jag gärna upp.'),
    ('join:events', 'Als Events mensen nodig heeft, help ik graag.'),
    ('join:finance', "I'm an accountant by trade. Would the Finance Group like another pair of hands?"),
    ('join:finance', "Sorry for the late reply! Yes, I'd still like to join Finance if there's space."),
    ('join:garden', "Ich bin neu hier. I'd like to join the garden group please."),
    ('join:youth', 'As soon as the Youth Network starts up, sign me up!'),
    ('join:events', 'Jeg kunne tenke meg å være med i Events!'),
    ('join:events', "I think I could be useful to the Events team - I've organised a few festivals."),
    ('none', "Great to see the garden group growing! Sam, I'll add you to the list."),
    ('none', 'The Events team did an amazing job last weekend, thank you all!'),
    ('none', 'Our Finance Group meets every other Tuesday; new members are welcome.'),
    ('none', 'I was on the board for three years; happy to share what I learned with anyone interested.'),
    ('none', 'Kan noen fra økonomigruppa sende meg fakturaen?'),
    ('none', 'Styret har vedtatt nytt budsjett.'),
    ('none', 'Vi söker fler till köksgruppen! Anmäl er här i tråden.'),
    ('none', 'Wie wil er helpen bij de keukenploeg? Meld je hier aan!'),
    ('none', 'Thanks so much for adding me to the garden group, see you Saturday!'),
    ('none', 'Tack för att jag fick gå med i köksgruppen!'),
    ('none', 'My daughter would love to help with the garden group this summer.'),
    ('none', 'Min dotter vill gärna vara med i trädgårdsgruppen.'),
    ('none', 'Mijn dochter wil graag meedoen met de tuingroep.'),
    ('none', "I'd love to join the garden group but my knees won't let me these days."),
    ('none', 'Jeg hadde gjerne blitt med i hagegruppa, men jeg har ikke tid.'),
    ('none', "I'm not going to join Finance after all, sorry."),
    ('leave:garden', "Sadly I'll have to step back from the garden group for health reasons."),
    ('leave:finance', 'Jeg melder meg ut av økonomigruppa fra 1. mars.'),
    ('leave:events', 'Ik stop per 1 januari bij Events.'),
    ('leave:kitchen', 'Jag lämnar köksgruppen efter sommaren.'),
    ('leave:webshop', "Remove me from shop@coop.example please, I'm no longer involved."),
    ('leave', "I'm stepping down from all my groups at the end of the year."),
    ('leave', 'Jeg trekker meg fra alle gruppene mine.'),
    ('join:garden', "I'm in for the garden group if you still need people!"),
    ('none', "I'm in the garden group if you have questions."),
    ('join:events', "I'm in if they need anyone for Events."),
    ('join:events', "I'm in, if you need anyone for Events."),
    ('none', 'The Events team is too much for me!'),
]


@pytest.mark.parametrize(("spec", "text"), POSTS)
def test_whole_post(spec: str, text: str) -> None:
    intent, _, named = spec.partition(":")
    groups = {g for g in named.split(",") if g}
    decision = POSTS_DETECTOR.detect(text)
    assert decision.intent == intent, decision
    if intent != "none":
        assert set(decision.groups) == set(groups), decision


# Negation scope (a "not" in an earlier clause does not cancel a later wish),
# code-switching, hedged offers and questions about joining, per language.
SCOPE = [
    ('join:garden', "I'm not much of a writer, but I'd love to help the garden group."),
    ('join:garden', "Not sure I'm qualified, but I'd like to join the garden group."),
    ('join:events', "I don't know much about events, but count me in for Events!"),
    ('none', "I don't think I'd be interested in the garden group."),
    ('none', "I wouldn't want to join Finance, too many spreadsheets."),
    ('none', "Never say never, but I won't be joining Events."),
    ('join:finance', 'Jeg er ikke så flink med tall, men jeg vil gjerne være med i økonomigruppa.'),
    ('none', 'Jeg vil ikke være med i økonomigruppa.'),
    ('join:finance', 'Jag är inte så bra på siffror, men jag vill gärna vara med i ekonomigruppen.'),
    ('none', 'Jag vill inte vara med i ekonomigruppen.'),
    ('join:finance', 'Ik ben niet zo goed met cijfers, maar ik wil graag helpen bij financiën.'),
    ('none', 'Ik wil niet meedoen met financiën.'),
    ('join:garden', "Hei! I'd love to join hagegruppa."),
    ('join:garden', 'Hej, I would like to help trädgårdsgruppen with planting.'),
    ('join:garden', 'Hoi! Count me in voor de tuingroep.'),
    ('join:events', 'Jeg vil gjerne join Events!'),
    ('join:garden', 'Maybe I could help with the garden group?'),
    ('join:garden', 'I might be able to help the garden group on Sundays.'),
    ('join:garden', 'Kanskje jeg kunne hjelpe hagegruppa litt?'),
    ('join:garden', 'Kanske kan jag hjälpa trädgårdsgruppen lite?'),
    ('join:garden', 'Misschien kan ik de tuingroep een handje helpen?'),
    ('join:events', 'How do I join Events?'),
    ('join:events', 'Hvordan blir man med i Events?'),
    ('join:events', 'Hur gör man för att gå med i Events?'),
    ('join:events', 'Hoe word ik lid van Events?'),
    ('join:events', 'Who do I talk to about joining Events?'),
    ('join:events', 'Hvem kontakter jeg for å bli med i Events?'),
    ('join:events', 'Vem pratar jag med för att gå med i Events?'),
    ('join:events', 'Jag vill gärna joina Events!'),
    ('join:events', 'Bij wie moet ik zijn om lid te worden van Events?'),
    ('join:events', 'Ik wil graag joinen bij Events.'),
]


@pytest.mark.parametrize(("spec", "text"), SCOPE)
def test_scope_mixing_and_questions(spec: str, text: str) -> None:
    test_whole_post(spec, text)


# Goodbyes beyond "leave": last season, no time any more, not any more,
# thanking for one's time, laying down a membership; and offers of oneself.
GOODBYES = [
    ('leave:garden', 'Jeg vil melde meg ut av hagegruppa.'),
    ('join:garden', 'Jeg vil melde meg på hagegruppa.'),
    ('leave:events', 'Jag vill anmäla mig av Events.'),
    ('leave:garden', 'Jeg vil ikke være med i hagegruppa lenger.'),
    ('leave:garden', 'Dette blir min siste sesong i hagegruppa.'),
    ('leave:garden', 'Jag tackar för mig i trädgårdsgruppen efter fem år.'),
    ('leave:events', 'Jag vill inte vara med i Events längre.'),
    ('leave:garden', 'Ik heb geen tijd meer voor de tuingroep.'),
    ('leave:events', 'Ik doe niet meer mee met Events.'),
    ('leave:garden', 'This will be my last season with the garden group.'),
    ('leave:events', "I won't be able to continue with Events next year."),
    ('leave:webshop', 'Ik leg mijn plek in de webshop neer.'),
    ('leave:kitchen', 'Jag kliver åt sidan från köksgruppen.'),
    ('join:garden', 'Ik bied me aan voor de tuingroep.'),
    ('join:garden', 'Jag anmäler intresse för trädgårdsgruppen.'),
    ('join:events', 'Ik ben van de partij voor Events!'),
    ('join:garden', 'Jag hänger på till trädgårdsgruppen!'),
    ('join:garden', 'The garden group is looking for people. Interested!'),
    ('join:kitchen', "I'm willing to help the kitchen crew on Fridays."),
    ('none', 'Ik heb geen tijd meer voor de vergadering vandaag.'),
    ('none', "Interested!"),
    # sitting on a committee or board
    ('join:board', 'Jag vill gärna sitta i styrelsen.'),
    ('join:board', 'Jeg kan godt tenke meg å sitte i styret.'),
    ('join:board', 'Ik wil wel in het bestuur zitten.'),
    ('join:board', 'Jag kan tänka mig att sitta i styrelsen.'),
    ('join:housing', "I'd be happy to serve on Housing Advice."),
    ('join:garden', 'Intresserad av att vara med i trädgårdsgruppen!'),
    ('join:garden', 'Interessert i å bli med i hagegruppa.'),
    ('join:events', 'Geïnteresseerd om mee te doen met Events.'),
    ('none', 'Ik wil graag in de tuin zitten vanmiddag.'),
    # sitting a season out is a (temporary) leave
    ('leave:garden', "I'll sit this season out with the garden group."),
    ('leave:events', "I'm sitting out the next Events season."),
    ('leave:garden', 'Jeg står over denne sesongen i hagegruppa.'),
    ('leave:garden', 'Jag står över nästa säsong i trädgårdsgruppen.'),
    ('leave:garden', 'Ik sla dit seizoen over bij de tuingroep.'),
    ('leave:events', 'Ik ga even met pauze bij Events.'),
    ('none', 'De pauze van de vergadering duurde lang.'),
]


@pytest.mark.parametrize(("spec", "text"), GOODBYES)
def test_goodbyes_and_offers(spec: str, text: str) -> None:
    test_whole_post(spec, text)
