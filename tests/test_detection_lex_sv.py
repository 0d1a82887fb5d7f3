"""Swedish lexicon breadth: forum Swedish joins, goodbyes and look-alikes, in our own words.

Informal spellings ("ja", "mej", "va me", "e"), hooking on (hänga på, haka på),
impersonal questions ("hur anmäler man sig"), formal offers and candidacies,
breaks and resignations, and the look-alikes each family must not fire on:
negated, third party (names, "hen", "dom"), past deeds, counterfactuals after
the cue ("... om jag hade tid"), driver replies and everyday objects.
The groups have Swedish inflected names of their own (not the dev corpus).
"""

from __future__ import annotations

import pytest

from bot.detection import Detector, GroupRef
from tests.detection_groups import assert_decides

GROUPS = (
    GroupRef("styrelsen", "Styrelsen"),
    GroupRef("fest", "Festkommittén"),
    GroupRef("tradgard", "Trädgårdsgruppen", ("TG",)),
    GroupRef("kafe", "Kaffegruppen"),
    GroupRef("valberedning", "Valberedningen"),
    GroupRef("fixare", "Fixargruppen"),
)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(GROUPS, word_model=False)  # the rules; the word model has its own tests


JOINS = [
    # informal spellings and hooking on
    ("join:tradgard", "ja vill va me i trädgårdsgruppen"),
    ("join:fest", "Skriv upp mej i festkommittén!"),
    ("join:fixare", "Räkna in mig i fixargruppen!"),
    ("join:kafe", "Hakar på kaffegruppen om det finns plats."),
    ("join:tradgard", "Jag hakar på trädgårdsgruppen."),
    ("join:fest", "Jag skulle vilja haka på festkommittén."),
    ("join:fixare", "Kan hjälpa till m fixargruppen"),
    ("join:fest", "Taggad på att vara med i festkommittén!"),
    ("join:fest", "Jag joinar festkommittén!"),
    ("join:tradgard", "Jag vill in i trädgårdsgruppen!"),
    ("join:fest", "Jag me – Festkommittén!"),
    ("join:kafe", "Lägg in mig i kaffegruppen."),
    ("join:tradgard", "Är med i trädgårdsgruppen om ni vill ha mig!"),
    ("join:fest", "Har inga förkunskaper men vill gärna vara med i festkommittén."),
    # how does one join
    ("join:fixare", "Hur anmäler man sig till fixargruppen?"),
    ("join:kafe", "Hur kommer man med i kaffegruppen?"),
    ("join:tradgard", "Vad krävs för att gå med i trädgårdsgruppen?"),
    ("join:kafe", "Är det för sent att anmäla sig till kaffegruppen?"),
    ("join:tradgard", "Vem ska man prata med om man vill in i trädgårdsgruppen?"),
    ("join:fest", "Tar festkommittén emot nya medlemmar?"),
    ("join:fest", "Tänkte höra om jag kunde få vara med i festkommittén?"),
    # formal offers, candidacies, idioms
    ("join:styrelsen", "Härmed anmäler jag mitt intresse för styrelsen."),
    ("join:styrelsen", "Jag ställer mig till förfogande för styrelsen."),
    ("join:styrelsen", "Jag nominerar mig själv till styrelsen."),
    ("join:fest", "Jag erbjuder mig att hjälpa festkommittén."),
    ("join:kafe", "Jag räcker upp handen för kaffegruppen!"),
    ("join:tradgard", "Jag hade gärna hjälpt till i trädgårdsgruppen!"),
    ("join:fixare", "Det vore roligt att gå med i fixargruppen."),
    ("join:kafe", "Jag har inget emot att hjälpa kaffegruppen."),
    ("join:kafe", "Jag satt i styrelsen förut och vill gärna hjälpa kaffegruppen nu."),
]

LEAVES = [
    ("leave:styrelsen", "Jag kliver av som ledamot i styrelsen vid årsmötet."),
    ("leave:kafe", "ja hoppar av kaffegruppen"),
    ("leave:fest", "Jag säger upp mig från festkommittén."),
    ("leave:fixare", "Jag kastar in handduken i fixargruppen."),
    ("leave:tradgard", "Jag pausar mitt engagemang i trädgårdsgruppen."),
    ("leave:fest", "Jag tar ett uppehåll i festkommittén."),
    ("leave:styrelsen", "Jag tackar nej till omval i styrelsen."),
    ("leave:kafe", "Plocka bort mej från kaffegruppens lista."),
    ("leave:fest", "Räkna inte med mig i festkommittén längre."),
    ("leave:kafe", "Jag fortsätter inte i kaffegruppen nästa år."),
    ("leave:tradgard", "Jag begär utträde ur trädgårdsgruppen."),
    ("leave:styrelsen", "Jag träder tillbaka från styrelsen."),
    ("leave:kafe", "Någon annan får ta över min plats i kaffegruppen."),
    ("leave:kafe", "Ni får klara er utan mig i kaffegruppen framöver."),
    ("leave:tradgard", "Jag vill inte få fler utskick från trädgårdsgruppen."),
]

NONES = [
    # third parties and drivers
    "Hen vill gärna gå med i fixargruppen.",
    "Dom hänger på festkommittén.",
    "Kim och Lisa hoppar av kaffegruppen.",
    "Vill man gå med i kaffegruppen så mejla Anna.",
    "Kul att du vill vara med i festkommittén, jag lägger in dig.",
    "Någon som vill haka på kaffegruppen?",
    # negated, counterfactual, past
    "Jag kan tyvärr inte hänga med i kaffegruppen i år.",
    "Jag har inget intresse av festkommittén.",
    "Skulle gärna vara med i trädgårdsgruppen om jag hade tid.",
    "Jag hade gärna varit med i festkommittén om jag bodde närmare.",
    "Jag hakade på festkommittén förra våren.",
    # everyday look-alikes
    "Jag hoppar av bussen vid torget.",
    "Jag kunde hoppa av glädje när festkommittén fixade festen.",
    "Jag hjälper gärna dig med det.",
    "Hur gör jag med nycklarna till förrådet?",
    "Kan ta upp det med trädgårdsgruppen på mötet.",
    "Jag åtar mig att skriva protokollet åt styrelsen.",
    "Jag ställer upp på att mötet flyttas till onsdag.",
    "Jag tar en paus i en vecka.",
    "Jag lämnar över nycklarna till någon annan.",
]


@pytest.mark.parametrize(("spec", "text"), JOINS + LEAVES)
def test_swedish_sign_ups_and_goodbyes(detector: Detector, spec: str, text: str) -> None:
    assert_decides(detector, spec, text)


@pytest.mark.parametrize("text", NONES)
def test_swedish_look_alikes_are_none(detector: Detector, text: str) -> None:
    assert_decides(detector, "none:", text)
