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
from tests.detection_groups import GROUPS, assert_decides

DETECTOR = Detector(GROUPS, word_model=False)  # the rules; the word model has its own tests

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
    assert_decides(DETECTOR, spec, text)


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


# own sentences written after round 3, before looking at any new corpus: offers
# ("pop me on", "glad of the chance", "tag along", "room for a newbie", "where do
# I sign?", "hadde gjerne hjulpet", "hänga med", "har länge velat", "aanhaken",
# "willen ondersteunen", "wilde al lang bij"), goodbyes and look-alikes
MORE = [
    ('join:garden', "Could you add me to the garden group's mailing list?"),
    ('join:events', 'pop me on the events list pls'),
    ('join:finance', "I'd be glad of the chance to help the Finance Group with the budget."),
    ('join:webshop', 'Happy to lend a hand on the webshop side of things.'),
    ('join:garden', 'Garden group sounds brilliant, where do I sign?'),
    ('join:events', "Is there still room on the events team? I'd love to help out."),
    ('join:finance', 'Put me forward for the Finance Group, please.'),
    ('join:garden', "I'm keen to get my hands dirty with the garden group this spring."),
    ('join:events', "Events team — I'm in!"),
    ('join:webshop', 'I reckon I could be useful on the webshop, I build websites for a living.'),
    ('join:finance', 'Finance Group: count me in.'),
    ('join:garden', 'Been meaning to join the garden group for ages, finally doing it.'),
    ('join:events', 'I would like to be involved in organising events.'),
    ('join:garden', 'Id love to join garden group'),
    ('join:events', 'please add me to events'),
    ('join:finance', 'Sign me up for finance.'),
    ('join:webshop', "Interested in helping with the webshop if there's space."),
    ('join:garden', 'Can I tag along with the garden group on Saturdays?'),
    ('join:events', 'Any room for a newbie on the Events team?'),
    ('join:finance', "I'd like to offer my help to the Finance Group."),
    ('leave:garden', "Please take me off the garden group list, I've moved away."),
    ('leave:events', "I'm going to step away from the events team for a while."),
    ('leave:finance', 'Time for me to hang up my calculator — leaving the Finance Group.'),
    ('leave:webshop', 'I need to bow out of the webshop, sorry everyone.'),
    ('leave:garden', 'Can you remove me from the garden group? Thanks.'),
    ('leave:events', "I'm no longer able to help with Events."),
    ('leave:finance', 'Resigning from the Finance Group effective today.'),
    ('leave:garden', 'Unsubscribe me from garden please'),
    ('leave:', "Please remove me from all my groups, I'm leaving the coop."),
    ('leave:events', 'Taking a break from events until the new year.'),
    ('none:', "Great, I'll add you to the garden group list."),
    ('none:', 'My partner would love to join the garden group.'),
    ('none:', 'The garden group met on Tuesday and planted beans.'),
    ('none:', 'Thanks for adding me to Events!'),
    ('none:', "I won't be able to join the Finance Group this year."),
    ('none:', 'Who wants to help with the webshop?'),
    ('none:', 'I left the events team back in 2019.'),
    ('none:', 'Does anyone know when the garden group meets?'),
    ('none:', 'Can someone from Finance send me the invoice?'),
    ('none:', 'Sam is leaving the Finance Group next month.'),
    ('none:', "I'm leaving early today, see you at the garden group next week."),
    ('none:', "I'd love to join the garden party on Saturday!"),
    ('none:', "I'm not interested in the events of last year."),
    ('none:', 'Remove the old photos from the webshop please.'),
    ('none:', 'Welcome aboard, glad to have you in the garden group!'),
    ('join:garden', 'Hagegruppa høres gøy ut, hvor melder jeg meg på?'),
    ('join:events', 'Sett meg gjerne opp på Events-lista.'),
    ('join:finance', 'Jeg hadde gjerne hjulpet økonomigruppa med budsjettet.'),
    ('join:webshop', 'Kan jeg være med på nettbutikken? Jeg har erfaring med nettsider.'),
    ('join:garden', 'Har lenge hatt lyst til å bli med i hagegruppa.'),
    ('join:events', 'Er det plass til en nybegynner i Events?'),
    ('join:garden', 'Trädgårdsgruppen låter kul, hur anmäler jag mig?'),
    ('join:finance', 'Jag hjälper gärna ekonomigruppen med bokföringen.'),
    ('join:webshop', 'Får jag hänga med i webbutiken?'),
    ('join:garden', 'Har länge velat gå med i trädgårdsgruppen.'),
    ('join:events', 'Finns det plats för en nybörjare i Events?'),
    ('join:finance', 'Jag skulle gärna hjälpa ekonomigruppen.'),
    ('join:garden', 'Lijkt me leuk om bij de tuingroep te helpen, waar kan ik me aanmelden?'),
    ('join:events', 'Ik wil me graag aanmelden voor Evenementen.'),
    ('join:finance', 'Ik zou graag de financiën willen ondersteunen.'),
    ('join:webshop', 'Mag ik aanhaken bij de webshop?'),
    ('join:garden', 'Ik wilde al heel lang bij de tuingroep, nu doe ik het!'),
    ('join:events', 'Is er plek voor een nieuweling bij Evenementen?'),
    ('leave:garden', 'Jeg må dessverre trekke meg fra hagegruppa.'),
    ('leave:events', 'Kan dere fjerne meg fra Events-lista?'),
    ('leave:garden', 'Jag lämnar trädgårdsgruppen efter sommaren.'),
    ('leave:finance', 'Kan ni ta bort mig från ekonomigruppens lista?'),
    ('leave:garden', 'Ik stop met de tuingroep, het wordt me te veel.'),
    ('leave:webshop', 'Graag wil ik me uitschrijven van de webshop-mailing.'),
    ('none:', 'Velkommen til hagegruppa!'),
    ('none:', 'Kona mi vil gjerne bli med i hagegruppa.'),
    ('none:', 'Jeg kan dessverre ikke være med i Events i år.'),
    ('none:', 'Hagegruppa møtes på torsdag.'),
    ('none:', 'Välkommen till trädgårdsgruppen!'),
    ('none:', 'Min sambo vill gärna gå med i ekonomigruppen.'),
    ('none:', 'Jag kan tyvärr inte vara med i Events i år.'),
    ('none:', 'Welkom bij de tuingroep!'),
    ('none:', 'Mijn buurman wil graag meedoen met de tuingroep.'),
    ('none:', 'Ik kan helaas niet meedoen met Evenementen dit jaar.'),
    ('none:', 'Bedankt dat ik bij de tuingroep mocht komen!'),
]


@pytest.mark.parametrize(("spec", "text"), MORE)
def test_round3_more(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)


# goodbyes in four languages ("time I left", "no longer want to be on", "bli
# borttagen från", "bli fjernet fra", "ik wil uit de X"), rejoining, offers after
# a disclaimer ("No idea about websites, still happy to help"), and look-alikes
# (leaving keys, "lämnar nycklarna till X", "ik stop de folders in…")
GOODBYES_AND_RETURNS = [
    ('leave:garden', "I've decided to call it a day with the garden group."),
    ('leave:events', 'Please drop me from the events mailing list.'),
    ('leave:finance', "I'll be stepping back from Finance after the AGM."),
    ('leave:webshop', 'Could you take my name off the webshop rota permanently?'),
    ('leave:garden', "I'm afraid I have to leave the garden group, my knees won't take it."),
    ('leave:finance', "Pausing my membership of the Finance Group until I'm back from abroad."),
    ('leave:garden', "I'm out of the garden group as of today."),
    ('leave:events', "It's time I left the events team."),
    ('leave:webshop', "Don't count on me for the webshop any more, I'm leaving."),
    ('leave:finance', 'I no longer want to be on the Finance Group.'),
    ('leave:garden', 'Not renewing my spot in the garden group this year.'),
    ('leave:events', 'Can I be removed from Events? Too much on my plate.'),
    ('leave:garden', 'Jeg går ut av hagegruppa fra nyttår.'),
    ('leave:events', 'Jeg vil gjerne meldes ut av Events.'),
    ('leave:finance', 'Jeg slutter i økonomigruppa etter årsmøtet.'),
    ('leave:garden', 'Jag går ur trädgårdsgruppen efter säsongen.'),
    ('leave:events', 'Jag vill bli borttagen från Events-listan.'),
    ('leave:finance', 'Jag lämnar ekonomigruppen vid årsskiftet.'),
    ('leave:garden', 'Ik wil graag uit de tuingroep, het lukt me niet meer.'),
    ('leave:events', 'Haal me alsjeblieft van de Evenementen-lijst.'),
    ('leave:webshop', 'Ik stop na deze maand bij de webshop.'),
    ('none:', 'I left my keys at the garden group shed, has anyone seen them?'),
    ('none:', "I'm leaving for holiday tomorrow, the events team has the keys."),
    ('none:', 'Please remove the duplicate item from the webshop.'),
    ('none:', 'The finance group should step back and look at the big picture.'),
    ('none:', "I'll drop the receipts off at the Finance Group meeting."),
    ('none:', 'Kim has decided to leave the garden group.'),
    ('none:', 'Jeg går ut av møtet litt tidlig i dag.'),
    ('none:', 'Jag lämnar nycklarna till trädgårdsgruppen i brevlådan.'),
    ('none:', 'Ik stop de folders in de brievenbus voor de tuingroep.'),
    ('none:', 'Can you remove the old banner from the events page?'),
    ('join:garden', "I'd like to rejoin the garden group now that I'm back."),
    ('join:events', "I'm back and keen to help with events again!"),
    ('join:finance', 'Having retired, I finally have time to help the Finance Group.'),
    ('join:garden', "Not sure I'm qualified, but I'd love to help the garden group."),
    ('join:webshop', 'No idea about websites, still happy to help with the webshop.'),
    ('none:', "I'd love to help the garden group but I simply don't have time."),
    ('none:', 'Not keen on the webshop, sorry.'),
    ('none:', "I can't join Events, I'm away all summer."),
]


@pytest.mark.parametrize(("spec", "text"), GOODBYES_AND_RETURNS)
def test_round3_goodbyes_and_returns(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)


# scope: a condition or disclaimer before the wish does not cancel it, a
# counterfactual ("if I had more time I would join") does; typo'd group names
SCOPE = [
    ('join:garden', "If the garden group still needs people, I'm happy to help."),
    ('join:events', 'Should Events need an extra pair of hands, count me in.'),
    ('join:finance', "I'm not an accountant, but I'd like to join the Finance Group."),
    ('join:webshop', "Never done anything like it, but I'd love to help with the webshop!"),
    ('join:garden', 'Hagegruppa? Ja takk, jeg blir gjerne med!'),
    ('join:events', 'Hvis Events trenger folk, stiller jeg gjerne.'),
    ('join:finance', 'Om ekonomigruppen behöver folk så ställer jag gärna upp.'),
    ('join:webshop', 'Als de webshop nog mensen zoekt, help ik graag mee.'),
    ('join:garden', 'Ik heb geen groene vingers, maar ik help graag bij de tuingroep.'),
    ('join:events', 'Jeg har ingen erfaring, men vil gjerne bli med i Events.'),
    ('join:garden', 'Jag har aldrig odlat något, men vill gärna vara med i trädgårdsgruppen.'),
    ('join:garden,events', "I'd like to join the garden group and maybe events too."),
    ('join:finance', 'Keen to join the finanse group.'),
    ('join:webshop', "I'd love to help the web-shop team."),
    ('join:garden', 'Jeg vil gjerne være med i hagegrupen.'),
    ('none:', 'If I had more time I would join the garden group.'),
    ('none:', "I'd love to join the garden group, but not this year."),
    ('none:', 'Jeg ville gjerne blitt med i hagegruppa, men har ikke tid.'),
    ('none:', 'Jag skulle gärna vara med i trädgårdsgruppen men hinner inte.'),
    ('none:', 'Ik zou graag meedoen met de tuingroep, maar het lukt echt niet.'),
    ('none:', 'Nobody from the garden group replied to my email.'),
    ('none:', 'Is the finance group meeting on Thursday?'),
    ('none:', 'My daughter wants to help with the webshop.'),
    ('none:', "If I had the time, I'd love to join the garden group."),
    ('none:', 'Hvis jeg hadde mer tid, ville jeg blitt med i hagegruppa.'),
    ('none:', 'Om jag hade mer tid skulle jag gå med i trädgårdsgruppen.'),
    ('none:', 'Als ik meer tijd had, zou ik meedoen met de tuingroep.'),
    ('join:garden', "I have time now, so I'd love to join the garden group."),
]


@pytest.mark.parametrize(("spec", "text"), SCOPE)
def test_round3_scope(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)


# casual English: "wanna", "luv", "grp", "I'm yours", "I'd like in", "I'd happily
# do X for Y", "gonna have to quit X"; helping a relative is not a group
CASUAL = [
    ('join:webshop', "Just emailed shop@coop.example offering to help, hope that's the right way!"),
    ('join:garden', 'Any chance I could muck in with the garden group?'),
    ('join:events', "Events crew, I'm yours if you want me."),
    ('join:finance', "I'd happily do some bookkeeping for the finance folks."),
    ('join:garden', 'Put me on the garden rota please!'),
    ('join:events', 'I wanna help with events!!'),
    ('join:garden', 'would luv to join garden grp'),
    ('join:webshop', 'i can help w/ the webshop'),
    ('join:finance', "Finance Group — I'd like in."),
    ('join:events', 'Signing up for Events.'),
    ('leave:finance', "Please unsubscribe me from finance@ emails, I'm not involved anymore."),
    ('leave:events', "I'm stepping down from Events, it's been a blast."),
    ('leave:garden', 'Gonna have to quit the garden group, moving cities.'),
    ('none:', "Who's running the garden group these days?"),
    ('none:', 'Events was great fun last night, thanks all!'),
    ('none:', 'The finance folks did a great job with the budget.'),
    ('none:', "I'd like to thank the garden group for the tomatoes."),
    ('none:', 'I want to help my neighbour move house on Saturday.'),
]


@pytest.mark.parametrize(("spec", "text"), CASUAL)
def test_round3_casual(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)
