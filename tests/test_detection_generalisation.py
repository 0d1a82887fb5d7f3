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

DETECTOR = Detector(GROUPS, word_model=False)  # the rules; the word model has its own tests

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
    ('join:garden', 'Jeg også for hagegruppa!'),
    ('none', 'Jeg også, nettbutikken er treg i dag.'),
    ('join:garden', 'Jag också till trädgårdsgruppen!'),
    ('none', 'Ik ook, de webshop doet raar vandaag.'),
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


# Everyday phrasings per language (own sentences): joining, asking how to join,
# leaving, and look-alikes that must stay "none" (echoes, errands, questions).
EVERYDAY = [
    ('join:garden', 'Put me down for the garden group.'),
    ('join:events', "I'd be up for helping with Events."),
    ('join:webshop', 'Could I join the webshop team?'),
    ('join:garden', 'Is it too late to join the garden group?'),
    ('join:events', "Any space left in the Events team? I'd love a spot."),
    ('join:finance', 'How does one get involved with Finance?'),
    ('join:garden', 'What do I need to do to join the garden group?'),
    ('join:webshop', 'Where do I sign up for the webshop?'),
    ('join:events', 'Happy to lend a hand with events if needed.'),
    ('join:finance', 'Count me in for Finance.'),
    ('join:garden', "I'm keen on the garden group."),
    ('join:garden', "Garden group sounds great, I'm in."),
    ('join:garden,webshop', 'Sign me up for the garden and webshop teams.'),
    ('join:finance', "I'd be glad to help Finance with the books."),
    ('join:events,garden', "I'm happy to join either Events or the garden group."),
    ('join:webshop', 'Would love to get involved in the webshop!'),
    ('join:finance', 'Definitely interested in joining the Finance Group.'),
    ('join:garden', 'I want to help out with the garden group.'),
    ('join:events', "If you still need people for Events, I'm available."),
    pytest.param('join:garden', "Let me know if the garden group needs another pair of hands - I'm free most weekends.", marks=pytest.mark.xfail(strict=True, reason='the rules borrow groups from the sentence before, never after (the word model finds it)')),
    ('join:webshop', "I've got some time on my hands and would like to volunteer for the webshop."),
    ('join:finance', 'I could probably help with the accounts for Finance.'),
    ('join:events', '+1, add me to Events too'),
    ('join:garden', 'Same! Garden group for me please.'),
    ('join:youth', "I'd like to be involved in the Youth Network when it starts."),
    ('join:garden', "Please add me to the garden group's mailing list."),
    ('join:events', "I'm interested in helping with Events."),
    ('join:events', 'Can I get on the Events list?'),
    ('join:garden', "I'd like to give the garden group a go."),
    ('join:webshop', 'Happy to pitch in on the webshop.'),
    ('join:events', 'Events could use me, I think - I run a catering business.'),
    ('join:finance', "Need another pair of hands in Finance? I'm your woman."),
    ('join', "Happy to help out wherever I'm needed."),
    ('join:garden', 'Would the garden group have room for me?'),
    ('join:garden', "I'm willing to do some weeding for the garden group."),
    ('leave:garden', "I'm going to have to bow out of the garden group."),
    ('leave:events', 'Please remove me from Events.'),
    ('leave:webshop', "I'm stepping away from the webshop team."),
    ('leave:finance', 'I have to resign from Finance due to work.'),
    ('leave:garden', 'I need to leave the garden group, sadly.'),
    ('leave:events', "I'll be stepping back from Events for a few months."),
    ('leave:finance', 'Can you take me off the Finance mailing list?'),
    ('leave:webshop', "I'm leaving the webshop team at the end of the month."),
    ('leave', 'Unsubscribe me from all my groups please.'),
    ('leave:events', "I'm no longer able to help with Events."),
    ('leave:finance', "I won't be continuing on the Finance Group."),
    ('leave:garden', 'I quit the garden group.'),
    ('leave:garden', 'Time for me to hang up my gardening gloves and leave the garden group.'),
    ('leave:events', "I've decided to call it a day with Events."),
    ('leave:webshop', 'Please drop me from the webshop team.'),
    ('none', "I'd like to know more about what the Finance Group does."),
    ('none', 'Who is in the garden group?'),
    ('none', 'The webshop is down again.'),
    ('none', 'Welcome to the garden group, Anna!'),
    ('none', 'Thanks for adding me to Events!'),
    ('none', 'I was in the Finance Group for years.'),
    ('none', 'My partner would love to join the garden group.'),
    ('none', 'We need more people in Events - please sign up!'),
    ('none', "I can't join the garden group this year."),
    ('none', "I'd love to join the garden group, but my schedule won't allow it."),
    ('none', 'Events meeting moved to Thursday.'),
    ('none', "I'm not interested in Finance, sorry."),
    ('none', 'If anyone wants to join the webshop team, let me know.'),
    ('none', 'I joined the garden group last spring.'),
    ('none', "I'll add you to the Events list, Sam."),
    ('none', 'Could someone from Finance send me the invoice?'),
    ('none', "I'm happy to see the garden group growing."),
    ('none', 'Great to see so many people signing up for Events!'),
    ('none', 'I left my umbrella at the Events night.'),
    ('none', "I'm glad to hear the webshop is back up."),
    ('none', 'I would like to thank the Finance Group for the report.'),
    ('none', "Does the garden group still meet on Saturdays? I can't remember."),
    ('join:garden', 'Jeg vil gjerne bli med i hagegruppa.'),
    ('join:events', 'Kan jeg bli med i Events?'),
    ('join:finance', 'Hvordan blir jeg med i økonomigruppa?'),
    ('join:garden', 'Jeg melder meg på hagegruppa!'),
    ('join:events', 'Sett meg opp på Events.'),
    ('join:webshop', 'Jeg er interessert i å bidra til nettbutikken.'),
    ('join:garden', 'Har dere plass til en til i hagegruppa?'),
    ('join:garden', 'Hagegruppa virker spennende, jeg er med!'),
    ('join:finance', 'Jeg kunne tenke meg å være med i økonomigruppa.'),
    ('join:garden', 'Kunne godt tenkt meg å hjelpe til i hagegruppa.'),
    ('join:events', 'Jeg har lyst til å bli med i Events.'),
    ('join:garden', 'Gjerne meg også for hagegruppa.'),
    ('join:webshop', 'Jeg tar gjerne noen vakter for nettbutikken.'),
    ('join:finance', 'Er det mulig å bli med i økonomigruppa?'),
    ('join:events', 'Jeg vil veldig gjerne hjelpe til med Events.'),
    ('join:garden', 'Hagegruppa trenger folk? Da stiller jeg!'),
    ('join:webshop', 'Jeg bidrar gjerne i nettbutikken.'),
    ('join:garden', 'Jeg kan godt hjelpe til i hagegruppa.'),
    ('leave:garden', 'Jeg må dessverre trekke meg fra hagegruppa.'),
    ('leave:events', 'Jeg vil gjerne meldes ut av Events.'),
    ('leave:finance', 'Kan dere fjerne meg fra e-postlista til økonomigruppa?'),
    ('leave:webshop', 'Jeg slutter i nettbutikken etter jul.'),
    ('leave:garden', 'Jeg går ut av hagegruppa.'),
    ('leave:events', 'Jeg tar en pause fra Events.'),
    ('leave:finance', 'Jeg har bestemt meg for å slutte i økonomigruppa.'),
    ('leave:garden', 'Jeg gir meg i hagegruppa etter sesongen.'),
    ('none', 'Kona mi vil gjerne være med i hagegruppa.'),
    ('none', 'Jeg kan dessverre ikke være med i Events i år.'),
    ('none', 'Velkommen til hagegruppa, Kari!'),
    ('none', 'Takk for at jeg fikk bli med i Events!'),
    ('none', 'Hagegruppa møtes på tirsdag.'),
    ('none', 'Jeg var med i økonomigruppa i fjor.'),
    ('none', 'Er det noen som vil være med i Events?'),
    ('none', 'Jeg vil gjerne vite mer om hva økonomigruppa gjør.'),
    ('join:garden', 'Jag vill gärna gå med i trädgårdsgruppen.'),
    ('join:events', 'Kan jag gå med i Events?'),
    ('join:finance', 'Hur gör jag för att gå med i ekonomigruppen?'),
    ('join:garden', 'Räkna med mig till trädgårdsgruppen!'),
    ('join:events', 'Jag är intresserad av att hjälpa till i Events.'),
    ('join:garden', 'Jag anmäler mig till trädgårdsgruppen.'),
    ('join:events', 'Skriv upp mig på Events!'),
    ('join:finance', 'Jag skulle vilja vara med i ekonomigruppen.'),
    ('join:webshop', 'Jag hjälper gärna till med webbutiken.'),
    ('join:garden', 'Finns det plats för en till i trädgårdsgruppen?'),
    ('join:events', 'Låter kul, jag är med i Events!'),
    ('join:events', 'Jag kan tänka mig att hjälpa till i Events.'),
    ('join:garden', 'Sugen på att gå med i trädgårdsgruppen!'),
    ('join:webshop', 'Jag ställer gärna upp för webbutiken.'),
    ('join:garden', 'Trädgårdsgruppen låter som något för mig.'),
    ('leave:garden', 'Jag måste tyvärr lämna trädgårdsgruppen.'),
    ('leave:events', 'Jag kliver av Events.'),
    ('leave:finance', 'Ta bort mig från ekonomigruppens lista.'),
    ('leave:webshop', 'Jag slutar i webbutiken.'),
    ('leave:garden', 'Jag hoppar av trädgårdsgruppen.'),
    ('leave:events', 'Jag vill gå ur Events.'),
    ('leave:events', 'Jag tar en paus från Events i höst.'),
    ('none', 'Min sambo vill gärna vara med i trädgårdsgruppen.'),
    ('none', 'Jag kan tyvärr inte vara med i Events i år.'),
    ('none', 'Välkommen till trädgårdsgruppen!'),
    ('none', 'Tack för att jag fick vara med i Events!'),
    ('none', 'Jag var med i ekonomigruppen förra året.'),
    ('none', 'Vem vill vara med i Events?'),
    ('none', 'Jag lämnar in nyckeln till trädgårdsgruppen på fredag.'),
    ('none', 'Jag vill gärna veta mer om ekonomigruppen.'),
    ('join:garden', 'Ik wil graag meedoen met de tuingroep.'),
    ('join:events', 'Mag ik aansluiten bij Events?'),
    ('join:garden', 'Hoe kan ik lid worden van de tuingroep?'),
    ('join:events', 'Ik meld me aan voor Events!'),
    ('join:garden', 'Zet mij maar op de lijst voor de tuingroep.'),
    ('join:webshop', 'Ik help graag mee met de webshop.'),
    ('join:garden', 'Ik heb interesse in de tuingroep.'),
    ('join:events', 'Lijkt me leuk om te helpen bij Events.'),
    ('join:events', 'Ik ben geïnteresseerd in de werkgroep Events.'),
    ('join:garden', 'Ik wil me graag inzetten voor de tuingroep.'),
    ('join:garden', 'Ik zou graag bij de tuingroep willen.'),
    ('join:garden', 'Ik sluit me graag aan bij de tuingroep.'),
    ('join:events', 'Kan ik nog instappen bij Events?'),
    ('join:webshop', 'Ik wil wel helpen met de webshop.'),
    ('join:finance', 'Ik zou het leuk vinden om bij financiën te helpen.'),
    ('leave:garden', 'Ik stop met de tuingroep.'),
    ('leave:events', 'Ik trek me terug uit Events.'),
    ('leave:garden', 'Willen jullie me van de mailinglijst van de tuingroep halen?'),
    ('leave:webshop', 'Ik ga de webshop verlaten.'),
    ('leave:events', 'Ik stap uit de werkgroep Events.'),
    ('leave:garden', 'Ik zeg mijn lidmaatschap van de tuingroep op.'),
    ('none', 'Mijn buurman wil graag meedoen met de tuingroep.'),
    ('none', 'Ik kan helaas niet meedoen met Events.'),
    ('none', 'Welkom bij de tuingroep!'),
    ('none', 'Bedankt dat ik mocht aansluiten bij Events!'),
    ('none', 'Ik was vorig jaar lid van de tuingroep.'),
    ('none', 'Wie wil er meedoen met Events?'),
    ('none', 'Ik wil graag meer weten over de tuingroep.'),
    ('none', 'Is there any space in the garden shed for my tools?'),
    ('none', 'Any room left in the car for the Events trip on Saturday?'),
    ('none', 'Coffee for me, please, and tea for the Finance Group.'),
    ('none', "I'm happy to say the webshop relaunch went well."),
    ('none', "I'm glad to see the garden group thriving."),
    ('none', "I'd be happy to forward the minutes of the Finance Group."),
    ('none', "I'm able to confirm the Events budget was approved."),
    ('none', 'Does anyone know if the garden group could use a new hose?'),
    ('none', 'The webshop could use a new logo.'),
    ('none', 'Is it too late to submit the Events proposal?'),
    ('none', 'What do I need to do to get a refund from the webshop?'),
    ('none', 'Can I get on the call for the Finance Group later?'),
    ('none', 'I resigned from my job, so I have more time to read the Events newsletter.'),
    ('none', 'Jeg vil gjerne vite når hagegruppa møtes.'),
    ('none', 'Jeg tar gjerne imot forslag til Events.'),
    ('none', 'Stiller jeg spørsmål om økonomigruppa her?'),
    ('none', 'Jeg er gjerne ute i hagen på søndager.'),
    ('none', 'Kan jeg få fakturaen fra økonomigruppa?'),
    ('none', 'Jag tar gärna emot tips om trädgårdsgruppen.'),
    ('none', 'Finns det plats för cyklar vid festen?'),
    ('none', 'Ik wil graag in de tuin zitten vanmiddag.'),
    ('none', 'Kan ik de notulen van Events krijgen?'),
    ('none', 'Ik zou graag bij de vergadering van de tuingroep zijn.'),
    ('none', "Lijkt me leuk, zo'n feest van Events."),
    ('none', 'Sounds like something for the Events team to handle.'),
    ('none', 'Me too! The Events party was the best.'),
    ('none', 'Same here, the webshop is slow for me too.'),
    ('none', 'Ik ook, de webshop doet raar.'),
    ('none', 'Jeg også, nettbutikken er treg i dag.'),
    ('none', "I'm available on Thursday for the Finance Group meeting."),
    ('none', 'If the garden group needs help, Sam is around on Sundays.'),
    ('none', 'My neighbour could use a hand with her garden.'),
    ('none', "I'd love a spot of tea after the Events meeting."),
    ('none', 'Sign-ups for Events close Friday; please add your name to the sheet.'),
    ('none', 'The Finance Group has decided not to stand by the old budget.'),
]


@pytest.mark.parametrize(("spec", "text"), EVERYDAY)
def test_everyday_phrasing(spec: str, text: str) -> None:
    test_sentence(spec, text)


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
