"""Dutch and Flemish phrasing families in `lang/nl.toml`, in our own sentences.

Separable verbs with "mee-" (meeschrijven / ik schrijf graag mee / mee te
denken), aanhaken and aanschuiven, versterken, standing for election,
informal 'k / k and ff, impersonal "hoe word je lid", and calling it a day
("ik houd het voor gezien", "ik kap ermee"). Each family has look-alikes that
must stay NONE: negated, somebody else, the past, the driver's welcome, a
question about the group, or the same verb used for something else.
"""

from __future__ import annotations

import pytest

from bot.detection import Detector, GroupRef
from tests.detection_groups import assert_decides

GROUPS = (
    GroupRef("redactie", "Redactie", ("nieuwsbrief", "nieuwsbriefredactie")),
    GroupRef("tuin", "Tuingroep", ("moestuin", "tuinploeg")),
    GroupRef("kas", "Kascommissie", ("kascie",)),
    GroupRef("bestuur", "Bestuur", (), status="closed"),
    GroupRef("evenementen", "Werkgroep Evenementen", ("evenementen", "evenementengroep")),
    GroupRef("klus", "Klusteam", ("klussers", "klusploeg")),
    GroupRef("kiosk", "Kiosk", ("kioskgroep",)),
)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(GROUPS, word_model=False)  # the rules; the word model has its own tests


JOINS = [
    # separable mee- verbs, joined, split and with "te"
    ("join:redactie", "Ik wil graag meeschrijven aan de nieuwsbrief."),
    ("join:redactie", "Ik schrijf graag mee aan de nieuwsbrief."),
    ("join:kas", "Ik kan wel meedenken in de kascommissie, ik ben boekhouder."),
    ("join:kas", "Denk graag mee met de kascie."),
    ("join:klus", "Ik wil wel meebouwen met het klusteam."),
    ("join:evenementen", "Ik zou graag willen meeorganiseren bij de evenementengroep."),
    ("join:tuin", "Lijkt me leuk om mee te tuinieren met de tuingroep."),
    ("join:redactie", "Ik wil graag mee schrijven aan de nieuwsbrief."),
    ("join:klus", "Kan ik ook meeklussen met het klusteam op zaterdag?"),
    # aanhaken, aanschuiven, bijspringen, versterken
    ("join:tuin", "Ik haak graag aan bij de tuingroep."),
    ("join:kas", "Mag ik aanschuiven bij de kascommissie?"),
    ("join:klus", "Als het klusteam nog handen nodig heeft, spring ik graag bij."),
    ("join:redactie", "Ik kom de redactie graag versterken."),
    ("join:tuin", "Ik kom jullie graag helpen in de moestuin."),
    # standing for election
    ("join:bestuur", "Ik wil me best kandidaat stellen voor het bestuur."),
    ("join:bestuur", "Ik kandideer me voor het bestuur."),
    ("join:bestuur", "Ik dien mijn kandidatuur in voor het bestuur."),
    # informal and Flemish
    ("join:evenementen", "'k doe mee met de evenementengroep!"),
    ("join:tuin", "ff vragen: kan ik nog meedoen met de tuingroep?"),
    ("join:redactie", "Ik engageer me graag voor de nieuwsbrief."),
    ("join:tuin", "Mag ik er ook bij in de tuingroep?"),
    ("join:kas", "Ik meld me voor de kascommissie."),
    ("join:tuin", "Je kunt op mij rekenen voor de tuingroep."),
    ("join:kiosk", "Ik kan wel een paar diensten draaien in de kiosk."),
    # questions, impersonal "je"
    ("join:tuin", "Hoe word je lid van de tuingroep?"),
    ("join:tuin", "Hoe meld je je aan voor de tuingroep?"),
    ("join:tuin", "Wat moet ik doen om lid te worden van de tuingroep?"),
    ("join:tuin", "Zoekt de tuingroep nog iemand? Ik wil wel!"),
    # formal
    ("join:kas", "Graag wil ik toetreden tot de Kascommissie."),
    ("join:kas", "Ik neem graag zitting in de kascommissie."),
]

LEAVES = [
    ("leave:kiosk", "Na drie seizoenen houd ik het voor gezien bij de kioskgroep."),
    ("leave:kiosk", "Ik kap ermee bij de kioskgroep."),
    ("leave:kiosk", "k stop ermee bij de kioskgroep, te druk"),
    ("leave:tuin", "Ik ga ermee stoppen bij de tuingroep."),
    ("leave:bestuur", "Ik treed terug uit het bestuur na de ALV."),
    ("leave:tuin", "Verwijder mij alsjeblieft uit de tuingroep."),
    ("leave:tuin", "Ik geef er de brui aan bij de tuingroep."),
    ("leave:klus", "Ik geef het stokje door bij het klusteam."),
    ("leave:klus", "Ik neem even afstand van het klusteam."),
    ("leave:klus", "Ik beëindig mijn lidmaatschap van het klusteam."),
    ("leave:klus", "Ik ben niet meer beschikbaar voor het klusteam."),
    ("leave:klus", "Ik sla een jaartje over bij het klusteam."),
    ("leave:bestuur", "Ik stel mijn zetel in het bestuur ter beschikking."),
    ("leave:tuin", "Ik wil eruit bij de tuingroep."),
]

NONES = [
    # negated, somebody else, the past
    ("none:", "Ik wil niet meeschrijven aan de nieuwsbrief, daar ben ik niet goed in."),
    ("none:", "Mijn schoonzus wil graag meedoen met de tuingroep."),
    ("none:", "Iemand die wil meeschrijven aan de nieuwsbrief kan zich melden bij mij."),
    ("none:", "Piet houdt het voor gezien bij de kiosk."),
    ("none:", "Ik heb vroeger meegedacht met de kascommissie."),
    ("none:", "Ik ben te druk om bij de kascommissie aan te sluiten."),
    # driver speech and recruiting
    ("none:", "Super dat je wil meedenken met de kascommissie, ik zet je op de lijst."),
    ("none:", "Wie wil er meeschrijven aan de nieuwsbrief?"),
    ("none:", "Ik heb je aangemeld voor het klusteam, welkom!"),
    # the same words about something else
    ("none:", "Ik stop om vijf uur met de kiosk, daarna neemt Piet het over."),
    ("none:", "Ik denk mee over een oplossing voor de kiosk-sleutel, misschien een kluisje?"),
    ("none:", "Ik schuif aan bij de vergadering van de tuingroep."),
    ("none:", "Ik meld me af voor de vergadering van dinsdag."),
    ("none:", "Ik meld me ziek voor de kioskdienst."),
    ("none:", "Ik neem afstand van die uitspraak over de tuingroep."),
    ("none:", "Hoe kom ik bij de moestuin met de auto?"),
    ("none:", "Ik wil erbij zeggen dat de kiosk zondag dicht is."),
    ("none:", "Ik ben mee met de uitleg over de kascommissie, dank je."),
    ("none:", "Ik zou graag meedoen met de tuingroep, maar het lukt me echt niet."),
]


@pytest.mark.parametrize(("spec", "text"), JOINS + LEAVES + NONES)
def test_dutch_phrasing(detector: Detector, spec: str, text: str) -> None:
    assert_decides(detector, spec, text)
