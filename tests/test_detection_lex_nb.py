"""Norwegian (bokmål, with common nynorsk/dialect forms) phrasing families.

Written for coopbot, not taken from any corpus: impersonal how-to questions
("hvordan melder man seg som ..."), subjectless offers ("kan hjelpe til m X"),
being put on the list ("legg meg til"), slang ("slenger meg på"), standing
for a post, impersonal wishes ("hadde vært gøy å være med"), nynorsk forms,
and the ways of leaving (taken off, stepping back, a break, not going on).
Look-alikes must stay "none": negated, third party, past, already a member,
driver replies, questions about the group, everyday uses of the same verbs.
"""

from __future__ import annotations

import pytest

from bot.detection import Detector
from tests.detection_groups import GROUPS, assert_decides

DETECTOR = Detector(GROUPS, word_model=False)  # the rules; the word model has its own tests

JOINS = [
    ("join:garden", "Kan hjelpe til m hagegruppa om dere trenger folk."),
    ("join:events", "Kan bidra i Events, har erfaring med arrangementer."),
    ("join:events", "Hvordan melder man seg som frivillig i Events?"),
    ("join:events", "Hvordan går man fram for å bli med i Events?"),
    ("join:finance", "Hvem kontakter man for å bli med i økonomigruppa?"),
    ("join:garden", "Går det an å bli med i hagegruppa?"),
    ("join:webshop", "Kan man bli med i nettbutikk-gruppa?"),
    ("join:webshop", "Jeg slenger meg gjerne på nettbutikk-gruppa."),
    ("join:events", "Eg har lyst til å vere med i Events."),
    ("join:events", "Korleis blir ein med i Events?"),
    ("join:housing", "Jeg kandiderer til boligrådet."),
    ("join:finance", "Vil gjerne bli en del av økonomigruppa."),
    ("join:events", "Hadde vært gøy å være med i Events!"),
    ("join:garden", "Kan dere legge meg til i hagegruppa?"),
    ("join:garden", "Noter meg på hagegruppa."),
    ("join:garden", "Du kan regne med meg i hagegruppa."),
    ("join:youth", "Blir med i ungdomsnettverket!"),
    ("join:youth", "Har lyst å joine ungdomsnettverket."),
    ("join:events", "Deltar gjerne i Events!"),
    ("join:events", "Kan ta noen vakter i Events."),
    ("join:events", "Jeg skulle gjerne vært med i Events."),
    ("join:events", "Trenger Events flere folk? I så fall er jeg med."),
    ("join:events", "jeg vil gjerne bli m i events"),
    ("join:events", "Jeg tilbyr meg å hjelpe Events."),
    ("join:finance", "Jeg er regnskapsfører og kan hjelpe økonomigruppa."),
    ("join:youth", "Ungdomsnettverket er midt i blinken for meg."),
]

LEAVES = [
    ("leave:garden", "Skriv meg ut av hagegruppa."),
    ("leave:garden", "Ønsker å bli fjernet fra hagegruppa."),
    ("leave:garden", "Vil ut av hagegruppa."),
    ("leave:garden", "Eg trekkjer meg frå hagegruppa."),
    ("leave:garden", "Eg sluttar i hagegruppa."),
    ("leave:finance", "Jeg kaster inn håndkleet i økonomigruppa."),
    ("leave:finance", "Jeg kutter ut økonomigruppa."),
    ("leave:events", "Jeg trenger en pause fra Events."),
    ("leave:events", "Jeg tar et års pause fra Events."),
    ("leave:housing", "Jeg ønsker ikke gjenvalg til boligrådet."),
    ("leave:housing", "Jeg fortsetter ikke i boligrådet neste år."),
    ("leave:housing", "Jeg er ikke med videre i boligrådet."),
    ("leave:webshop", "Må dessverre hoppe av nettbutikk-gruppa."),
    ("leave:webshop", "Kan noen overta plassen min i nettbutikk-gruppa?"),
    ("leave:webshop", "Avmelding fra nettbutikk-gruppa."),
]

LOOKALIKES = [
    ("none:", "Eg kan ikkje vere med i hagegruppa."),
    ("none:", "Jeg har ingen planer om å slutte i hagegruppa."),
    ("none:", "Ho vil gjerne vere med i hagegruppa."),
    ("none:", "Kompisen min vil gjerne bli med i Events."),
    ("none:", "Ola slutter i økonomigruppa etter sommeren."),
    ("none:", "Hvem har lyst til å bli med i Events?"),
    ("none:", "Så fint at du vil være med i hagegruppa!"),
    ("none:", "Du er nå lagt til i hagegruppa."),
    ("none:", "Jeg ble med i Events forrige sesong."),
    ("none:", "Jeg er fremdeles med i hagegruppa."),
    ("none:", "Skulle gjerne vært med i hagegruppa, men rekker det dessverre ikke i år."),
    ("none:", "Hvordan kan man betale med Vipps?"),
    ("none:", "Man må sende e-post for å bli med i hagegruppa."),
    ("none:", "Jeg er interessert i hva hagegruppa planlegger."),
    ("none:", "Jeg er med på at hagegruppa bør få mer penger."),
    ("none:", "Hagegruppa gir meg mye glede."),
    ("none:", "Jeg kan ta det opp med økonomigruppa."),
    ("none:", "Jeg tar pause fra jobben i juli."),
    ("none:", "Jeg tar pause i sommer."),
    ("none:", "Vil stille et spørsmål om økonomigruppa."),
    ("none:", "Jeg må sette meg inn i budsjettet til økonomigruppa."),
    ("none:", "Jeg vil avslutte med å takke hagegruppa for innsatsen."),
    ("none:", "Jeg blir ferdig med budsjettet til økonomigruppa på fredag."),
    ("none:", "Takk for et fint møte i hagegruppa. Takk for meg!"),
    ("none:", "Jeg kan ta med kake til Events."),
    ("none:", "Hadde vært gøy å være med på festen til Events."),
]


@pytest.mark.parametrize(("spec", "text"), JOINS + LEAVES + LOOKALIKES)
def test_norwegian_phrasing(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)
