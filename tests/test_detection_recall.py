"""Recall families in four languages, written for coopbot (no corpus text).

How members say "I'd like to help", "count me in", "sign me up", "can I
join", and "I'm stepping down / quitting / taking a break / remove me / I'll
hand over": subjectless openings ("Stepping down from X", "Tar en paus från
X"), idioms ("roll up my sleeves", "handen uit de mouwen", "tar i et tak"),
handing one's place over, and conditions that name another group ("om Events
inte behöver mig"). A few look-alikes must stay "none".
"""

from __future__ import annotations

import pytest

from bot.detection import Detector
from tests.detection_groups import GROUPS

DETECTOR = Detector(GROUPS)

CASES = [
    # --- en join
    ('join:garden', "I'd like to help out with the garden group this spring."),
    ('join:events', 'Count me in for Events!'),
    ('join:webshop', 'Sign me up for the webshop, please.'),
    ('join:finance', "I'm really interested in the Finance Group."),
    ('join:garden', 'Can I join the garden group?'),
    ('join:events', 'Happy to pitch in with Events.'),
    ('join:webshop', "Keen to get involved with the webshop."),
    ('join:garden', "I'd love to roll up my sleeves for the garden group."),
    ('join:events', "Events sounds like fun, I'd be glad to help."),
    ('join:finance', 'Put me on the list for the Finance Group.'),
    ('join:', "New here and happy to help wherever you need me."),
    ('join:', "Just moved in - put me to work wherever you need an extra pair of hands."),
    ('join:garden', 'Would the garden group have room for one more?'),
    ('join:events', 'Interested in joining Events!'),
    ('join:webshop', 'Volunteering for the webshop if that helps.'),
    ('join:finance', "I'd like to offer my help to the Finance Group."),
    # --- en leave
    ('leave:garden', 'Leaving the garden group at the end of the month, thanks for everything.'),
    ('leave:events', 'Stepping back from Events for a while.'),
    ('leave:webshop', "I'll be out of the webshop team after Christmas."),
    ('leave:finance', "I'm handing over my role in the Finance Group to Kim."),
    ('leave:garden', "Please remove me from the garden group."),
    ('leave:events', "I won't be continuing with Events next year."),
    ('leave:webshop', "Quitting the webshop team, sorry folks."),
    ('leave:finance', "Time for me to bow out of the Finance Group."),
    ('leave:garden', "Someone else should take over my spot in the garden group."),
    ('leave:events', "Taking a break from Events until the new year."),
    ('leave:housing', "Not standing again for Housing Advice."),
    ('leave:webshop', "Can someone take my place in the webshop team? I'm moving away."),
    ('leave:finance', "Dropping out of the Finance Group, too much on."),
    # --- nb join
    ('join:garden', 'Jeg vil gjerne være med i hagegruppa.'),
    ('join:events', 'Tell meg med i Events!'),
    ('join:webshop', 'Meld meg på nettbutikk-gruppa.'),
    ('join:finance', 'Jeg er interessert i økonomigruppa.'),
    ('join:garden', 'Kan jeg bli med i hagegruppa?'),
    ('join:events', 'Jeg henger meg på Events.'),
    ('join:', 'Ny her og hjelper gjerne til der det trengs.'),
    ('join:garden', 'Hagegruppa høres gøy ut, jeg er med!'),
    ('join:webshop', 'Har lyst til å bidra i nettbutikk-gruppa.'),
    ('join:', 'Bare si fra hvor dere trenger meg, jeg tar gjerne i et tak.'),
    ('join:garden', 'Vil gjerne hjelpe til i hagegruppa.'),
    # --- nb leave
    ('leave:garden', 'Jeg går ut av hagegruppa etter sommeren.'),
    ('leave:events', 'Trekker meg fra Events, for mye på jobb.'),
    ('leave:webshop', 'Tar en pause fra nettbutikk-gruppa resten av året.'),
    ('leave:finance', 'Jeg slutter i økonomigruppa ved nyttår.'),
    ('leave:garden', 'Fjern meg fra hagegruppa, takk.'),
    ('leave:events', 'Jeg overlater plassen min i Events til noen andre.'),
    ('leave:housing', 'Stiller ikke til gjenvalg i boligrådet.'),
    # --- sv join
    ('join:garden', 'Jag vill gärna vara med i trädgårdsgruppen.'),
    ('join:events', 'Räkna med mig till Events!'),
    ('join:webshop', 'Skriv upp mig på webbutik-gruppen.'),
    ('join:garden', 'Jag hänger med i trädgårdsgruppen.'),
    ('join:garden', '+1, jag hänger på trädgårdsgruppen också'),
    ('join:finance', 'Jag är intresserad av ekonomigruppen.'),
    ('join:garden', 'Kan jag gå med i trädgårdsgruppen?'),
    ('join:', 'Ny här och vill gärna hjälpa till, vad som helst!'),
    ('join:events', 'Vill gärna hjälpa till med Events.'),
    ('join:', 'Säg bara var ni behöver mig, jag hugger gärna i.'),
    ('join:garden', 'Trädgårdsgruppen låter kul, jag är med!'),
    ('join:garden', 'Jag ställer gärna upp i trädgårdsgruppen, om Events inte behöver mig.'),
    # --- sv leave
    ('leave:garden', 'Jag lämnar trädgårdsgruppen efter sommaren.'),
    ('leave:events', 'Kliver av Events, tyvärr.'),
    ('leave:webshop', 'Tar en paus från webbutik-gruppen resten av året.'),
    ('leave:finance', 'Jag slutar i ekonomigruppen vid årsskiftet.'),
    ('leave:garden', 'Ta bort mig från trädgårdsgruppen, tack.'),
    ('leave:events', 'Jag lämnar över min plats i Events till någon annan.'),
    ('leave:garden', 'Hoppar av trädgårdsgruppen, hinner inte längre.'),
    # --- nl join
    ('join:garden', 'Ik wil graag meedoen met de tuingroep.'),
    ('join:events', 'Tel mij maar mee voor Evenementen!'),
    ('join:garden', 'Ik wil wel bij de tuingroep.'),
    ('join:webshop', 'Zet me op de lijst voor de webshop.'),
    ('join:finance', 'Ik heb interesse in de Finance Group.'),
    ('join:garden', 'Kan ik aansluiten bij de tuingroep?'),
    ('join:', 'Nieuw hier, ik steek graag de handen uit de mouwen waar nodig.'),
    ('join:', 'Zeg maar waar jullie me nodig hebben, ik help graag.'),
    ('join:events', 'Lijkt me leuk om te helpen bij Evenementen.'),
    ('join:garden', 'Wil graag helpen bij de tuingroep.'),
    ('join:webshop', 'Ik zou graag bij de webshop willen.'),
    ('join:garden', 'Ik meld me aan voor de tuingroep, als dat nog kan.'),
    # --- nl leave
    ('leave:garden', 'Ik stop met de tuingroep na de zomer.'),
    ('leave:events', 'Stap uit Evenementen, helaas.'),
    ('leave:webshop', 'Ik neem even pauze van de webshop.'),
    ('leave:finance', 'Ik draag mijn taken in de Finance Group over aan Kim.'),
    ('leave:garden', 'Haal me van de lijst van de tuingroep alsjeblieft.'),
    ('leave:events', 'Ik trek me terug uit Evenementen.'),
    ('leave:garden', 'Ik ga de tuingroep verlaten.'),
    # --- none guards
    ('none:', 'Leaving the garden party early, sorry.'),
    ('none:', 'Stepping stones for the garden path arrived today.'),
    ('none:', 'Kim is stepping down from Events.'),
    ('none:', "I'll be out of office until Monday."),
    ('none:', 'Jag hänger inte med, vad betyder det?'),
    ('none:', 'Tar en paus nu, vi ses efter lunch.'),
    ('none:', 'Great stuff, I will send you the invite to the garden group.'),
    ('none:', 'Things we discussed:'),
]

# second round: questions, "keen on X", giving up, not renewing, not continuing
MORE = [
    ('join:events', "How do I join Events?"),
    ('join:garden', "Is the garden group still looking for people? I'd be keen."),
    ('join:webshop', "Webshop - count me in."),
    ('join:finance', "I'm up for helping the Finance Group."),
    ('join:garden', "Garden group: yes please!"),
    ('join:events', "Keen on Events if there's space."),
    ('join:garden', "I'd happily give the garden group a hand."),
    ('join:webshop', "Could use me on the webshop - I do web design."),
    ('join:events', "Would love to be part of Events."),
    ('join:finance', "Add me to Finance please."),
    ('join:garden', "I can help with the garden group on Saturdays."),
    ('leave:garden', "I have to give up the garden group, my knees won't have it."),
    ('leave:events', "Afraid I need to step away from Events."),
    ('leave:finance', "Please unsubscribe me from the Finance Group emails."),
    ('leave:webshop', "This will be my last month on the webshop team."),
    ('leave:events', "I'm not renewing my place on Events next year."),
    ('leave:garden', "I won't be doing the garden group any more."),
    ('leave:', "Please remove me from all my groups, I'm moving abroad."),
    # nb
    ('join:events', "Hvordan blir jeg med i Events?"),
    ('join:garden', "Hagegruppa? Ja, gjerne meg!"),
    ('join:webshop', "Jeg kan gjerne hjelpe nettbutikken med bilder."),
    ('join:finance', "Har lyst å bli med i økonomigruppa."),
    ('join:garden', "Skriv meg opp på hagegruppa."),
    ('join:events', "Jeg stiller gjerne opp for Events."),
    ('join:garden', "Interessert i hagegruppa!"),
    ('leave:garden', "Jeg må dessverre gi meg i hagegruppa."),
    ('leave:events', "Jeg kommer ikke til å fortsette i Events neste år."),
    ('leave:finance', "Kan dere ta meg av lista til økonomigruppa?"),
    ('leave:webshop', "Dette blir min siste sesong i nettbutikken."),
    ('leave:garden', "Jeg trer ut av hagegruppa fra januar."),
    # sv
    ('join:events', "Hur går jag med i Events?"),
    ('join:garden', "Jag kan gärna hjälpa trädgårdsgruppen på lördagar."),
    ('join:webshop', "Vill vara med i webbutik-gruppen!"),
    ('join:finance', "Intresserad av ekonomigruppen!"),
    ('join:garden', "Sätt upp mig på trädgårdsgruppen."),
    ('join:events', "Jag ställer upp för Events."),
    ('join:garden', "Jag skulle gärna vilja hjälpa till i trädgårdsgruppen."),
    ('join:events', "Låter kul, jag är på för Events!"),
    ('leave:garden', "Jag måste tyvärr sluta i trädgårdsgruppen."),
    ('leave:events', "Jag kommer inte att fortsätta i Events nästa år."),
    ('leave:finance', "Kan ni ta bort mig från ekonomigruppens lista?"),
    ('leave:webshop', "Det här blir min sista säsong i webbutik-gruppen."),
    ('leave:garden', "Jag lämnar trädgårdsgruppen vid årsskiftet."),
    # nl
    ('join:events', "Hoe kan ik meedoen met Evenementen?"),
    ('join:garden', "Ik kan de tuingroep op zaterdag helpen."),
    ('join:webshop', "Zou graag bij de webshop aansluiten."),
    ('join:finance', "Geïnteresseerd in de Finance Group!"),
    ('join:garden', "Schrijf me in voor de tuingroep."),
    ('join:events', "Ik geef me op voor Evenementen."),
    ('join:garden', "Ik help graag mee in de tuingroep."),
    ('join:events', "Evenementen lijkt me leuk, ik doe mee!"),
    ('join:webshop', "Mag ik bij de webshop?"),
    ('leave:garden', "Ik moet helaas stoppen met de tuingroep."),
    ('leave:events', "Ik ga volgend jaar niet verder bij Evenementen."),
    ('leave:finance', "Kunnen jullie me uit de mailinglijst van de Finance Group halen?"),
    ('leave:webshop', "Dit wordt mijn laatste seizoen bij de webshop."),
    ('leave:garden', "Ik zeg de tuingroep vaarwel."),
    ('none:', "The garden group meets on Thursday."),
    ('none:', "Kim wants to join Events."),
    ('none:', "I'm not interested in Events this year."),
    ('none:', "Thanks for adding me to the garden group!"),
    ('none:', "Jag kan inte vara med i Events i år."),
    ('none:', "Ik kan helaas niet meedoen met de tuingroep."),
    ('none:', "Jeg kan ikke bli med i hagegruppa i år."),
]
# third round, English: plans, offers of time, "let me", retiring, pausing,
# dropping, finishing up, not standing again; and look-alikes that stay none
ENGLISH = [
    ('join:events', "Happy to be involved with Events."),
    ('join:garden', "I'd be keen to help out with the garden group."),
    ('join:finance', "Sounds great, I'll come along to the Finance Group."),
    ('join:events', "Consider me a volunteer for Events."),
    ('join:webshop', "Please include me in the webshop team."),
    ('join:garden', "I'd be up for joining the garden group."),
    ('join:events', "Let me know how I can help with Events."),
    ('join:finance', "I'd love to give the Finance Group a try."),
    ('join:garden', "I've got time to help the garden group."),
    ('join:webshop', "I have some spare hours for the webshop team."),
    ('join:events', "I'm available to help with Events."),
    ('join:garden', "Would be great to join the garden group."),
    ('join:finance', "Me please for Finance!"),
    ('join:events', "I'd like to put myself forward for Events."),
    ('join:garden', "Interested! The garden group sounds right up my street."),
    ('join:webshop', "I'll happily take on some of the webshop work."),
    ('join:events', "Let me help with Events."),
    ('join:garden', "I want to be part of the garden group."),
    ('join:finance', "Would love a place on the Finance Group."),
    ('join:events', "Pick me for Events!"),
    ('join:garden', "I'm game for the garden group."),
    ('join:webshop', "Joining the webshop team!"),
    ('join:events', "Hoping to join Events this year."),
    ('join:garden', "I'm planning to join the garden group."),
    ('join:finance', "Let me join Finance."),
    ('join:events', "Can I be on Events?"),
    ('join:garden', "I'm keen to be on the garden group."),
    ('join:webshop', "I'd like to come along to the webshop group."),
    ('join:garden', "Registering my interest in the garden group."),
    ('join:finance', "I'd be delighted to be part of Finance."),
    ('join:events', "Yes please, Events for me."),
    ('join:webshop', "Where do I sign up for the webshop?"),
    ('leave:events', "I've decided to leave Events."),
    ('leave:garden', "I'm leaving the garden group."),
    ('leave:finance', "I'm going to step down from Finance."),
    ('leave:webshop', "Unfortunately I have to resign from the webshop team."),
    ('leave:events', "I'll not be continuing on Events."),
    ('leave:garden', "Please take me off the garden group list."),
    ('leave:finance', "I need to stop helping with Finance."),
    ('leave:events', "I'm stopping with Events after this month."),
    ('leave:garden', "I can no longer commit to the garden group."),
    ('leave:webshop', "I'm afraid I'll have to drop the webshop team."),
    ('none:', "Dropping the Events flyers at the library tomorrow."),
    ('leave:garden', "I'll have to leave the garden group."),
    ('leave:finance', "Pausing my involvement in Finance for a while."),
    ('leave:events', "I need to take a step back from Events."),
    ('leave:garden', "I'm retiring from the garden group."),
    ('leave:webshop', "Retiring from the webshop team after five years."),
    ('leave:finance', "Can I be removed from the Finance Group?"),
    ('leave:events', "Count me out of Events from now on."),
    ('leave:garden', "This is my last meeting with the garden group."),
    ('none:', "I'll finish up with the Events posters tonight."),
    ('none:', "Can someone take my place at the Events stall on Saturday?"),
    ('none:', "I've left the Events flyers in the shed."),
    ('leave:events', "I won't be able to help with Events anymore."),
    ('leave:garden', "I can't do the garden group any more."),
    ('leave:finance', "I'm stepping away from Finance."),
    ('leave:events', "I will not stand for Events again."),
    ('leave:webshop', "I'm leaving the webshop team in good hands."),
    ('leave:events', "Signing off from Events - thanks all!"),
    ('leave:garden', "I'm no longer able to help the garden group."),
    ('leave:finance', "I'm not going to carry on with Finance."),
    ('leave:', "Please remove me from everything, I'm moving away."),
    ('leave:garden', "I'm calling it a day with the garden group."),

    ('none:', "I'll drop off the keys on Monday."),
    ('none:', "Dropping the kids at school, back at 10."),
    ('none:', "I'm planning to join the call late."),
    ('none:', "Can I be on time for once?"),
    ('none:', "Me for the pizza order!"),
    ('none:', "I have some time for questions after the meeting."),
    ('none:', "I'm retiring from work next year, so more time soon."),
    ('none:', "I'll finish up with the minutes tonight."),
    ('none:', "Let me know if you have questions about Events."),
    ('none:', "Would be great to see everyone at the garden party."),
    ('none:', "I'm hoping to see the Events photos soon."),
    ('none:', "Signing off for today, see you tomorrow."),
    ('none:', "Kim is retiring from the garden group."),
    ('none:', "Registering for the AGM is open now."),
    ('none:', "I'll take on the washing up after the garden party."),
    ('none:', "Pausing the recording now."),
    ('none:', "The Events team is stopping with paper flyers."),
    ('none:', "Can I be in the photo?"),
    ('none:', "We talked about the webshop and the garden group, thanks all."),
    ('none:', "I'm going to the garden party on Friday."),
]


@pytest.mark.parametrize(("spec", "text"), CASES + MORE + ENGLISH)
def test_recall_family(spec: str, text: str) -> None:
    intent, _, named = spec.partition(":")
    decision = DETECTOR.detect(text)
    assert decision.intent == intent, decision
    if intent != "none":
        assert set(decision.groups) == set(filter(None, named.split(","))), decision


def test_subjectless_goodbye_must_name_a_group() -> None:
    assert DETECTOR.detect("Leaving now, see you all on Thursday!").intent == "none"
    assert DETECTOR.detect("Quitting time, off home.").intent == "none"


def test_tentative_goodbye_needs_a_group() -> None:
    assert DETECTOR.detect("I had to give up the car last year.").intent == "none"
    assert DETECTOR.detect("Ik zeg vaarwel tegen de winter!").intent == "none"
    assert DETECTOR.detect("I'll give up the garden group in spring.").intent == "leave"

