"""More recall families (Nordic and Dutch colloquial, done deeds, structure); own sentences.


Colloquial joins and goodbyes in Norwegian, Swedish and Dutch, long-held
wishes, goodbyes as done deeds, and groups taken from a post's structure (a
list after a colon, the next sentence, a topic link, a group turned down in
its own comma piece, a one-word name written as two words).
"""

from __future__ import annotations

import pytest

from bot.detection import Detector, GroupRef
from tests.detection_groups import GROUPS, assert_decides

DETECTOR = Detector(GROUPS)

# fourth round, Scandinavian and Dutch: colloquial joins (regn med meg, går med
# i, ik word lid, voeg me toe, kom versterken), time offers, trying a group out,
# stepping off (kliva av, afhaken, aftreden, gestopt met) and look-alikes
NORDIC_DUTCH = [
    # nb join
    ('join:garden', "Hagegruppa høres ut som noe for meg, jeg melder meg."),
    ('join:events', "Jeg vil veldig gjerne bidra i Events."),
    ('join:finance', "Kunne tenke meg å være med i økonomigruppa."),
    ('join:webshop', "Jeg hjelper gjerne til med nettbutikken."),
    ('join:garden', "Jeg stiller opp for hagegruppa."),
    ('join:events', "Regn med meg i Events!"),
    ('join:garden', "Jeg blir med i hagegruppa!"),
    ('join:finance', "Er det mulig å bli med i økonomigruppa?"),
    ('join:webshop', "Jeg har tid til å hjelpe nettbutikken fremover."),
    ('join:events', "Kan godt hjelpe til med Events."),
    ('join:garden', "Jeg er klar for hagegruppa!"),
    ('join:events', "Jeg bidrar gjerne med Events."),
    ('join:garden', "Jeg har lyst å prøve meg i hagegruppa."),
    ('join:finance', "Setter meg gjerne opp på økonomigruppa."),
    # nb leave
    ('leave:garden', "Jeg slutter i hagegruppa."),
    ('leave:events', "Jeg trekker meg fra Events etter dette semesteret."),
    ('leave:finance', "Jeg må melde meg ut av økonomigruppa."),
    ('leave:webshop', "Jeg gir meg med nettbutikken nå."),
    ('leave:garden', "Jeg har ikke lenger tid til hagegruppa."),
    ('leave:events', "Jeg går av fra Events ved årsmøtet."),
    ('leave:garden', "Jeg takker for meg i hagegruppa."),
    ('leave:finance', "Jeg må dessverre trekke meg fra økonomigruppa."),
    ('leave:webshop', "Jeg kommer ikke til å være med i nettbutikken lenger."),
    ('leave:garden', "Slutter i hagegruppa fra nyttår."),
    ('leave:events', "Tar pause fra Events i vår."),
    # sv join
    ('join:garden', "Trädgårdsgruppen låter som något för mig, jag anmäler mig."),
    ('join:events', "Jag skulle väldigt gärna vilja bidra till Events."),
    ('join:finance', "Kan tänka mig att vara med i ekonomigruppen."),
    ('join:webshop', "Jag hjälper gärna till med webbutiken."),
    ('join:events', "Jag är på för Events!"),
    ('join:garden', "Jag går med i trädgårdsgruppen!"),
    ('join:finance', "Går det att gå med i ekonomigruppen?"),
    ('join:webshop', "Jag har tid att hjälpa webbutiken framöver."),
    ('join:events', "Kan gärna hjälpa till med Events."),
    ('join:garden', "Jag vill testa på trädgårdsgruppen."),
    ('join:events', "Jag är sugen på Events!"),
    ('join:garden', "Lägg till mig i trädgårdsgruppen."),
    ('join:finance', "Jag vill bli en del av ekonomigruppen."),
    # sv leave
    ('leave:garden', "Jag slutar i trädgårdsgruppen."),
    ('leave:events', "Jag drar mig ur Events efter den här terminen."),
    ('leave:finance', "Jag måste gå ur ekonomigruppen."),
    ('leave:webshop', "Jag lägger av med webbutiken nu."),
    ('leave:garden', "Jag har inte längre tid för trädgårdsgruppen."),
    ('leave:events', "Jag avgår från Events vid årsmötet."),
    ('leave:finance', "Jag måste tyvärr kliva av ekonomigruppen."),
    ('leave:webshop', "Jag kommer inte vara med i webbutiken längre."),
    ('leave:garden', "Slutar i trädgårdsgruppen vid nyår."),
    ('leave:events', "Jag tackar för mig i Events."),
    ('leave:garden', "Jag lämnar min plats i trädgårdsgruppen."),
    # nl join
    ('join:garden', "De tuingroep lijkt me wat, ik meld me aan."),
    ('join:events', "Ik zou heel graag willen bijdragen aan Evenementen."),
    ('join:finance', "Ik zou best in de Finance Group willen."),
    ('join:webshop', "Ik help graag met de webshop."),
    ('join:events', "Ik ben van de partij voor Evenementen!"),
    ('join:garden', "Ik word lid van de tuingroep!"),
    ('join:finance', "Is het mogelijk om bij de Finance Group te komen?"),
    ('join:webshop', "Ik heb tijd om de webshop te helpen."),
    ('join:events', "Kan wel helpen met Evenementen."),
    ('join:garden', "Ik wil het proberen bij de tuingroep."),
    ('join:events', "Ik heb zin in Evenementen!"),
    ('join:garden', "Voeg me toe aan de tuingroep."),
    ('join:finance', "Ik wil graag deel uitmaken van de Finance Group."),
    ('join:webshop', "Ik kom graag de webshop versterken."),
    # nl leave
    ('leave:garden', "Ik stop bij de tuingroep."),
    ('leave:events', "Ik trek me na dit seizoen terug uit Evenementen."),
    ('leave:finance', "Ik moet uit de Finance Group stappen."),
    ('leave:webshop', "Ik kap met de webshop."),
    ('leave:garden', "Ik heb geen tijd meer voor de tuingroep."),
    ('leave:events', "Ik treed af bij Evenementen op de ledenvergadering."),
    ('leave:finance', "Ik moet helaas afhaken bij de Finance Group."),
    ('leave:webshop', "Ik doe niet meer mee met de webshop."),
    ('leave:garden', "Stop bij de tuingroep per januari."),
    ('leave:events', "Ik neem afscheid van Evenementen."),
    ('leave:garden', "Ik geef mijn plek in de tuingroep op."),
    ('leave:webshop', "Ik ben gestopt met de webshop."),

    ('none:', "Jag går med på förslaget."),
    ('none:', "Jeg blir med på møtet i morgen."),
    ('none:', "Kan godt ta en kaffe etterpå."),
    ('none:', "Ik heb zin in de vakantie!"),
    ('none:', "Ik word lid van de bibliotheek."),
    ('none:', "Ik ben gestopt met roken."),
    ('none:', "Ik moet afhaken voor vanavond, sorry."),
    ('none:', "Vi måste kliva av bussen vid torget."),
    ('none:', "Lägg till mig i chatten, tack."),
    ('none:', "Kim treedt af als voorzitter."),
    ('none:', "Regn med regn i helgen."),
    ('none:', "Jeg har tid til å hjelpe deg med flyttingen."),
    ('none:', "Jag har tid att hjälpa dig med flytten."),
    ('none:', "Ik heb tijd om je te helpen met verhuizen."),
]
# fifth round, English: long-held wishes, "any chance I could", "put me
# forward", slang ("I'm down for"), handing a group over, not being part of it
LONGING = [
    ('join:finance', "Put me forward for Finance."),
    ('join:events', "I've always wanted to get involved with Events."),
    ('join:finance', "Any chance I could join Finance?"),
    ('join:garden', "Would it be possible for me to join the garden group?"),
    ('join:events', "Id like to join Events."),
    ('join:webshop', "I'm down for the webshop team."),
    ('join:garden', "I'll take part in the garden group."),
    ('join:events', "Looking to get involved in Events."),
    ('join:finance', "Happy to take this on for the Finance Group."),
    ('join:garden', "I'm happy to be on the garden group."),
    ('join:events', "Can you add me to Events?"),
    ('leave:events', "I won't be part of Events next year."),
    ('leave:garden', "I'm going to hand the garden group over to someone else."),
    ('leave:finance', "I'll no longer be on the Finance Group."),
    ('leave:webshop', "Resigning from the webshop team effective today."),
    ('leave:events', "It's time for me to leave Events."),
    ('none:', "I've always wanted to see the Events photos."),
    ('none:', "Any chance I could get the minutes?"),
    ('none:', "I'm down with a cold this week."),
    ('none:', "I won't be part of the meeting on Monday."),
]
# sixth round, goodbyes in four languages: several groups at once, all groups,
# "X will have to do without me", done deeds (I have resigned, jag har lämnat,
# ik heb me afgemeld); and look-alikes (left the keys, afgemeld voor het diner)
GOODBYES = [
    ('leave:events,garden', "Leaving both Events and the garden group, I'm stretched too thin."),
    ('leave:events,finance', "I'm stepping down from Events and the Finance Group."),
    ('leave:', "I'm stepping back from all my groups for now."),
    ('leave:', "Please take me off every group list, I'm moving abroad."),
    ('leave:garden', "My time with the garden group has come to an end."),
    ('leave:events', "After five great years I've decided to leave Events."),
    ('leave:finance', "I'm no longer going to be part of the Finance Group."),
    ('leave:webshop', "I'm out of the webshop team as of today."),
    ('leave:garden', "I'm hanging up my gardening gloves - leaving the garden group."),
    ('leave:events', "Events will have to do without me from now on."),
    ('leave:finance', "I have resigned from the Finance Group."),
    ('leave:garden', "Please unsubscribe me from the garden group."),
    ('leave:events,garden', "Jeg trekker meg fra både Events og hagegruppa."),
    ('leave:', "Jeg melder meg ut av alle gruppene mine."),
    ('leave:garden', "Hagegruppa må klare seg uten meg fremover."),
    ('leave:events', "Jeg har bestemt meg for å slutte i Events."),
    ('leave:finance', "Jeg går ut av økonomigruppa."),
    ('leave:events,garden', "Jag lämnar både Events och trädgårdsgruppen."),
    ('leave:', "Jag går ur alla mina grupper."),
    ('leave:garden', "Trädgårdsgruppen får klara sig utan mig framöver."),
    ('leave:events', "Jag har bestämt mig för att sluta i Events."),
    ('leave:finance', "Jag har lämnat ekonomigruppen."),
    ('leave:events,garden', "Ik stop met zowel Evenementen als de tuingroep."),
    ('leave:', "Ik stop met al mijn werkgroepen."),
    ('leave:garden', "De tuingroep moet het voortaan zonder mij doen."),
    ('leave:events', "Ik heb besloten om te stoppen bij Evenementen."),
    ('leave:finance', "Ik ben uit de Finance Group gestapt."),
    ('leave:webshop', "Ik heb me afgemeld bij de webshop."),

    ('none:', "I've left the keys in the shed."),
    ('none:', "I have left a comment on the Events page."),
    ('none:', "We can't do without the garden group!"),
    ('none:', "Jag har lämnat nycklarna i förrådet."),
    ('none:', "I've quit smoking, finally."),
    ('none:', "My time with the kids is over for today."),
    ('none:', "Ik heb me afgemeld voor het diner."),
]
# short replies to a thread: the group first, then the cue ("X? Happy to!")
SHORT = [
    ('join:garden', "Trädgårdsgruppen? Är gärna med!"),
    ('join:garden', "Hagegruppa? Er gjerne med!"),
    ('join:garden', "De tuingroep? Ben er graag bij!"),
    ('join:garden', "Garden group? Happy to!"),
    ('join:events', "Events: count me in."),
    ('join:events', "Events - jeg er med!"),
    ('join:events', "Events - jag är med!"),
    ('join:events', "Evenementen - ik doe mee!"),
    ('join:events', "Ja, jeg vil gjerne være med på Events."),
    ('join:events', "Ja tack, Events för mig!"),
    ('join:events', "Ja graag, Evenementen voor mij!"),
    ('join:garden', "Jag vill också vara med i trädgårdsgruppen!"),
    ('join:garden', "Ik wil ook graag bij de tuingroep!"),
    ('join:garden', "Me too, garden group please."),
    ('none:', "Ik ben er bij de volgende vergadering."),
]
# asking the way in, offering skills, idioms of joining and moving on
WAY_IN = [
    ('join:events', "Ooh, this sounds like something I'd enjoy! Put my name on the Events list."),
    ('join:garden', "Yes from me for the garden group."),
    ('join:finance', "I'll throw my hat in for Finance."),
    ('join:garden', "Happy to be a part of the garden group."),
    ('join:garden', "Would you have me in the garden group?"),
    ('join:events', "I'd like to get on board with Events."),
    ('join:events', "I can make myself available for Events."),
    ('join:garden', "Thinking of joining the garden group."),
    ('leave:garden', "Moving on from the garden group after this season."),
    ('leave:events', "I'm going to take some time away from Events."),
    ('leave:finance', "I'm resigning my seat on Finance."),
    ('leave:events', "Please strike me from the Events roster."),
    ('leave:garden', "I'm not going to continue in the garden group."),
    ('none:', "Moving on from the budget, the garden group needs new tools."),
    ('none:', "I can make myself available for a call on Monday."),

    ('join:garden', "Hva må jeg gjøre for å bli med i hagegruppa?"),
    ('join:garden', "Vad ska jag göra för att gå med i trädgårdsgruppen?"),
    ('join:garden', "Vem pratar jag med om att gå med i trädgårdsgruppen?"),
    ('join:garden', "Bij wie moet ik zijn om mee te doen met de tuingroep?"),
    ('join:garden', "Hoe word ik lid van de tuingroep?"),
    ('join:garden', "Hvem snakker jeg med om å bli med i hagegruppa?"),
    ('join:events', "Jeg kan bidra med mine erfaringer i Events."),
    ('join:events', "Jag kan bidra med min erfarenhet till Events."),
    ('join:events', "Ik kan mijn ervaring inzetten voor Evenementen."),
    ('join:garden', "Jeg vil gjerne hjelpe til i hagegruppa, men bare i helgene."),
    ('join:garden', "Jag hjälper gärna trädgårdsgruppen, men bara på helger."),
    ('join:garden', "Ik help graag de tuingroep, maar alleen in het weekend."),

    ('join:finance', "I'm an accountant and would be glad to lend my skills to Finance."),
    ('join:webshop', "I can offer my skills to the webshop team."),
    ('join:garden', "Please let me know how to join the garden group."),
    ('join:events', "What's the best way to get involved with Events?"),
    ('join:', "I'm new and looking for a group to join, any suggestions?"),
    ('join:finance', "Offering my experience to the Finance Group, if useful."),
    ('join:garden', "Who do I talk to about joining the garden group?"),
    ('join:events', "Tell me how to sign up for Events."),
    ('none:', "Let me know how to join the call."),
    ('none:', "What's the best way to get to the garden?"),
]
# a "not" in an earlier comma piece is a modest preface, not a refusal; a short
# "I can't" after the wish withdraws it
HEDGES = [
    ('join:events', "I've never done anything like this before, I'd love to help with Events."),
    ('join:finance', "Not an accountant, I'd still like to join the Finance Group."),
    ('join:garden', "I don't know much about plants, happy to help the garden group anyway."),
    ('join:garden', "I can't promise much time, I'd like to join the garden group though."),
    ('join:events', "No experience at all, I'd love to help Events."),
    ('join:webshop', "I'm not a developer, however I'd like to help the webshop team."),
    ('join:garden', "Jeg har aldri gjort dette før, jeg vil gjerne være med i hagegruppa."),
    ('join:garden', "Jag har ingen erfarenhet, jag vill gärna vara med i trädgårdsgruppen."),
    ('join:garden', "Ik heb geen ervaring, ik wil graag meedoen met de tuingroep."),
    ('none:', "I'd love to help with Events, I can't this year though."),
    ('none:', "I won't be able to help with Events this year."),
    ('none:', "Not interested in Events, sorry."),
    ('join:webshop', "I could help with the webshop now and then, tho I can't promise more than two hours a month."),
    ('none:', "If only I had the time, I'd join the garden group."),
]


@pytest.mark.parametrize(("spec", "text"), NORDIC_DUTCH + LONGING + GOODBYES + SHORT + WAY_IN + HEDGES)
def test_recall_family(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)


# groups in their own words: a list after a colon, a group turned down in its
# own comma piece, a one-word name written as two words
STRUCTURE = [
    ('join:finance,webshop', "Where I could help:\n\n- **Finance**: bookkeeping\n- **Webshop**: photos\n\nYour call!"),
    ('join:events,garden', "Ting jeg gjerne bidrar med:\n- Events: rigging\n- Hagegruppa: vanning"),
    ('join:garden', "Saker jag gärna hjälper till med:\n- Trädgårdsgruppen\n\nHörs!"),
    ('join:garden', "Ik wil wel bij de tuingroep, evenementen is niet echt mijn ding."),
    ('join:finance', "I'd join Finance, the webshop is not for me."),
    ('join:webshop', "I'd like to join the web shop team."),
    ('join:webshop', "Jeg vil gjerne være med i nett butikk."),
]


@pytest.mark.parametrize(("spec", "text"), STRUCTURE)
def test_groups_from_structure(spec: str, text: str) -> None:
    intent, _, named = spec.partition(":")
    decision = DETECTOR.detect(text)
    assert (decision.intent, set(decision.groups)) == (intent, set(named.split(","))), decision


def test_colon_without_a_cue_lists_nothing() -> None:
    assert DETECTOR.detect("Agenda for Thursday:\n- Finance report\n- Garden update").intent == "none"


def test_two_words_close_to_a_long_name_are_a_less_sure_mention() -> None:
    detector = Detector((GroupRef("coaches", "Energiecoaches"),))
    near = detector.detect("Put my name down for the energy coaches.")
    exact = detector.detect("Put my name down for the energie coaches.")
    assert near.groups == exact.groups == ("coaches",)
    assert near.confidence < exact.confidence


@pytest.mark.parametrize("text", [
    "I'd join the garden group, if I had more time.",
    "I'd join the garden group if only I had the time.",
])
def test_counterfactual_condition_withdraws_the_wish(text: str) -> None:
    assert DETECTOR.detect(text).intent == "none"


def test_real_condition_keeps_the_wish() -> None:
    assert DETECTOR.detect("I'd join the garden group, if there's still room.").groups == ("garden",)


def test_group_named_in_the_next_sentence() -> None:
    assert DETECTOR.detect("Count me in! The garden group sounds great.").groups == ("garden",)
    assert DETECTOR.detect("Jeg er med! Hagegruppa trenger folk.").groups == ("garden",)


def test_no_group_from_a_following_question_or_event() -> None:
    assert DETECTOR.detect("Count me in! Which one needs the garden group?").groups == ()
    assert DETECTOR.detect("Sign me up. The Events meeting is on Monday.").groups == ()


def test_topic_link_names_the_topic() -> None:
    text = "Re https://forum.example.org/t/garden-group-needs-hands/77 - yes, I'm in."
    assert DETECTOR.detect(text).groups == ("garden",)
    assert DETECTOR.detect("See https://forum.example.org/d/garden-group for the doc.").intent == "none"
