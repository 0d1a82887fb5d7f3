"""Round-four families: answers under a quoted call, sign-ups in jest, and
English idioms (fancying a go, hands up, honoured to, I'm in for X, signing
oneself off, hanging up one's boots), each next to look-alikes that must stay
"none" or keep their groups.
"""

from __future__ import annotations

import pytest

from bot.detection import Detector, GroupRef
from bot.detection.markup import own_words, quoted_words
from tests.detection_groups import GROUPS, assert_decides

DETECTOR = Detector(GROUPS, word_model=False)  # the rules; the word model has its own tests

CALL = '[quote="kim, post:1, topic:9"]\nThe Finance Group needs someone for the audit, who can?\n[/quote]\n\n'

CASES = [
    # an answer to a quoted call takes its group from the quote
    ('join:finance', CALL + "Me! I'm a bookkeeper."),
    ('join:finance', CALL + "I can do that!"),
    ('join:finance', "> The Finance Group needs someone for the audit.\n\nThat's me, I'm an accountant."),
    # ...but not under a quoted sign-up (the author welcomes them), nor without a quote
    ('none', '[quote="kim"]\nI\'d like to join the Finance Group.\n[/quote]\n\nI can do the intro on Monday!'),
    ('none', "Me!"),
    # a join that names its own group keeps it, whatever the quote says
    ('join:garden', CALL + "Not my thing, but I'd love to join the garden group."),
    # a quote listing many groups says nothing about which one "Me!" means
    ('none', '[quote]\nFinance Group, Garden Group and the Events team all need people.\n[/quote]\nMe!'),
    # jest: an eye-roll with a mock-agreeing opener or a disclaimer after it
    ('none', "Oh sure, sign me up for the garden group so I can weed in the rain \U0001F644"),
    ('none', "Count me in for Finance, I love spreadsheets :roll_eyes: Seriously though, who reads them?"),
    # an emoji alone may be self-mockery: still a sign-up
    ('join:garden', "I'd love to join the garden group, though I kill every plant \U0001F643"),
    # English idioms
    ('join:finance', "I'd quite fancy having a go at the Finance Group."),
    ('join:events', "Putting my hand up for the events team!"),
    ('join:garden', "I'd be honoured to join the garden group."),
    ('join:webshop', "+1, I'm in for the webshop too"),
    ('join:events', "Mind if I join the events team?"),
    ('join:finance', "Happy to lend my skills to the Finance Group."),
    ('join:webshop', "Could spare a couple of Saturday mornings a month for the Webshop if that's any use?"),
    ('join:garden', "If the garden group needs another pair of hands, lmk"),
    ('join:finance', "I'm putting myself forward for the Finance Group at the AGM."),
    ('leave:garden', "Please sign me off the garden group."),
    ('leave:events', "I'm hanging up my boots at the events team after six years."),
    ('leave:finance', "I'm retiring from the Finance Group in May."),
    ('leave:webshop', "Handing back my keys to the Webshop, new job."),
    ('leave:', "Taking a break from all my volunteering until the new year."),
    # a sentence-start cue may open a later clause; a group turned down before is not borrowed
    ('join:webshop', "i do a bit of django at work, if the Webshop needs anothr pair of hands lmk"),
    ('join:garden', "Not really a numbers person so the Finance Group isn't for me, but the garden group sounds great. Where do I sign?"),
    # a Nordic or Dutch verb inside an English wish (mixed-language posts)
    ('join:garden', "Sorry, my Norwegian is bad. I would like to bli med i hagegruppa."),
    # answers and jest in Norwegian and Swedish
    ('join:garden', '[quote]\nHagegruppa trenger folk til våren, hvem kan?\n[/quote]\n\nJeg! Har egen spade.'),
    ('join:garden', '[quote]\nTrädgårdsgruppen behöver fler som kan beskära\n[/quote]\n\nDet kan jag! Har hållit på i 20 år.'),
    ('none', "Ja da, meld meg inn i hagegruppa, så kan jeg luke i regnet \U0001F643 Neida."),
    ('none', "Visst, skriv upp mig i trädgårdsgruppen så kan jag sitta på möten i tre timmar \U0001F644 Nej tack."),
    ('leave:garden', "Som varslet trer jeg ut av hagegruppa fra 1. mars."),
    ('join:garden', "Jag är redan med i Finance, men vill också börja i trädgårdsgruppen."),
    # Dutch: answers, jest, "zet me maar in", a "-ploeg", withdrawing with "ik" inverted, events
    ('join:garden', '[quote]\nWie wil er helpen met de tuingroep? Er ligt veel werk.\n[/quote]\n\nik! ben hovenier'),
    ('none', "Tuurlijk, zet mij maar in de tuingroep, dan kan ik elke avond onkruid wieden \U0001F644 Nee serieus: wie heeft de sleutel?"),
    ('join:', "Geen idee waar ik het meest van nut ben, maar zet me maar in waar het nodig is."),
    ('join:garden', "Zet me er maar bij, bij de tuinploeg."),
    ('leave:finance', "Daarom trek ik me per 1 juni terug uit de werkgroep financiën."),
    ('none', "Ik doe mee aan de klusdag op 12 april!"),
    # a quoted call may name its group with a plain word; taking a seat in a group
    ('join:garden', '[quote]\nVi behöver fler som kan beskära i trädgårdsgruppen\n[/quote]\n\nDet kan jag!'),
    ('join:garden', "Jeg kan ta den ene plassen i hagegruppa 👍"),
    # a plan given up is not a sign-up; "wouldn't mind" is one
    ('none', "I had planned to join the garden group but it meets on weekdays. Another time."),
    ('none', "Jag hade tänkt gå med i trädgårdsgruppen men den träffas på dagtid."),
    ('join:events', "Is the events team still short of people? I wouldn't mind giving you a few hours a month."),
    ('join:', "New here. I've got my evenings free and want to get stuck in."),
    ('join:events', "me too for the events team 🙋 can bring a bbq"),
    ('join:garden', "garden group, yes please! I have a van"),
    ('leave:events', "pls boot me out of the events team whatsapp, new shifts"),
    ('leave:garden', "Jag stryker mig själv från trädgårdsgruppen."),
    ('leave:garden', "Stryk meg fra hagegruppa er dere snille."),
    ('leave:finance', "Na acht jaar geef ik bij de ALV in juni mijn zetel in de werkgroep financiën op."),
    ('none', "Ik geef mijn rol als notulist op, maar ik blijf gewoon in de tuingroep."),
    ('join:garden', "Hvis ingen andre melder seg, kan jeg ta en plass i hagegruppa."),
    ('join:finance', "How does one get onto the Finance Group? I'd like to put myself forward."),
    # an emoji ends a sentence; a group's list is the group; "and wouldn't mind"
    ('leave:youth', "Fyller 31 i morgen, så jeg er vel ikke ung lenger 😂 Melder meg ut av ungdomsnettverket."),
    ('leave:webshop', "Stryk meg fra nettbutikklista er dere snille."),
    ('join:', "Har god tid etter at jeg gikk av med pensjon, så bare si fra hvor dere trenger folk."),
    ('join:events', "Is the events team short of people? I write a magazine and wouldn't mind giving you a few hours."),
    ('none', "Noen har glemt en blå jakke i hagen, den henger på knaggen ved døra."),
    # reported requests, roles that name the group, subjectless clause starts, slots
    ('join:garden', "Skrev til hagegruppa for to uker siden og spurte om jeg kunne bli en del av hagegruppa, men null svar."),
    ('leave:finance', "Hierbij laat ik weten dat ik per 1 juli terugtreed als lid van de werkgroep financiën."),
    ('leave:finance', "I'm stepping down as a Finance Group member at the AGM."),
    ('none', "Sønnen min (14) har lyst til å være med i hagegruppa. Hvem bør han kontakte?"),
    ('join:garden', "Do network admin for a living so happy to be added to the garden group properly."),
    ('join:events', "I'll take the Tuesday afternoon slot in the events team if nobody's claimed it."),
    ('join:finance', "ok fine, I'll bite — I'll sit on the Finance Group this term."),
    ('leave:', "Going to take a break from all my co-op volunteering for a few months."),
    ('join:garden', "Lägg gärna till mig i trädgårdsgruppen permanent!"),
    ('join:garden', "Skulle kanske kunna hjälpa trädgårdsgruppen med beskärningen om ni är kort om folk?"),
    ('join:garden', "Vorig jaar zat ik in de tuingroep, daarna even gestopt, maar ik wil er weer in!"),
    # taking over a quoted leaver's place; sitting out only what the clause names; jest without an emoji
    ('join:garden', "> Jag lämnar trädgårdsgruppen efter sommaren\n\nTråkigt att höra! Om det går bra tar jag din plats."),
    ('none', "If the Finance Group met online I'd stand in a heartbeat, but the drive isn't doable, so I'm sitting this election out."),
    ('leave:garden', "I'll sit this season out with the garden group."),
    ('none', "Yeah sure, sign me right up for the events team so I can carry chairs for free, lol. No thanks."),
    ('join:finance', "how does one actually get on the Finance Group? is it elected?"),
    ('join:garden', "Mijn naam mag op het lijstje voor de tuingroep."),
    ('leave:garden', "Mag mijn naam van de ledenlijst van de tuingroep?"),
    # "would love to, but it isn't happening"; a group that can have me; not renewing; jest tags
    ('none', "I'd love to help with the events team, honestly, but with the baby due in February it just isn't happening."),
    ('none', "Skulle gjerne vært med i hagegruppa i år, men med nattskift hele februar går det rett og slett ikke."),
    ('join:webshop', "My schedule frees up in January, so from then on the Webshop can have me one day a fortnight."),
    ('join:garden', "+1 garden group 🌱 I've got a spare wheelbarrow"),
    ('leave:garden', "Jag förnyar inte mitt uppdrag i trädgårdsgruppen i år."),
    ('leave:garden', "Ik verleng mijn termijn in de tuingroep niet. Na zes jaar is het mooi geweest."),
    ('leave:garden', "Fornyer ikke vervet mitt i hagegruppa, så det blir en ledig plass."),
    ('none', "Jag lämnar över ordförandeskapet i trädgårdsgruppen till Ali men är kvar som vanlig medlem."),
    ('leave:garden', "Lämnar över trädgårdsgruppen till nya gänget nu!"),
    ('join:garden', "Just emailed the garden group asking to be added - posting here as well."),
    ('none', "Oh sure, sign me up for another 6am shift with the garden group, said no one ever."),
    ('join:', "Vill gärna göra nytta i föreningen på något sätt, spelar ingen roll vad."),
    ('join:garden', "Hva skal til for å komme inn i hagegruppa?"),
    ('none', "Jag är med i trädgårdsgruppen sedan två år tillbaka."),
    # answers naming a task; "which team doesn't matter"; "everyone who wants to…" is not the author
    ('join:finance', '[quote]\nThe Finance Group needs someone to talk to the bank.\n[/quote]\n\nDet tar jeg! Jeg kjenner banksjefen.'),
    ('join:', "Waar kan ik het beste helpen? Ik heb tijd over en wil me inzetten, welk team maakt me niet zoveel uit."),
    ('none', "Alle som har lyst til å være med i hagegruppa kan bare skrive seg på lista ved døra."),
    ('join:finance', '[quote]\nFinance Group needs someone from the shop, right now we are all bakers.\n[/quote]\n\nI can do that! I run the shop till.'),
    # "<group>: I'm in", counterfactual conditions, "both", time to spare, names off lists
    ('join:garden', "garden group - I'm in 👍"),
    ('join:garden', "tuingroep: ik 🙋"),
    ('join:garden', "hagegruppa – ja takk, meg!"),
    ('none', "Als het niet op dinsdagavond was, zou ik meedoen met de tuingroep, maar dan heb ik koor. Dus helaas."),
    ('none', "If it wasn't on Tuesdays I'd join the garden group, but that's choir night."),
    ('join:garden,webshop', "Garden and the webshop team: I'm in on both."),
    ('join:garden', "Kan avvara några kvällar i månaden till trädgårdsgruppen."),
    ('leave:garden,webshop', "Jag flyttar, så ni får stryka mig från både trädgårdsgruppen och webbutiken."),
    ('join:garden', "Als de tuingroep van start gaat, wil ik er graag bij zijn."),
    ('leave:garden', "Mijn tijd bij de tuingroep zit erop; de sleutels geef ik aan Marloes."),
    ('join:garden', "Dersom det blir en ledig plass i hagegruppa, tar jeg gjerne den."),
    # conditions known to be false; "would anyone…"; resigning; fragments naming two groups
    ('none', "I'd join the garden group if training weren't at 6am on Saturdays. It is, so I won't."),
    ('none', "Om trädgårdsgruppen hade träffats digitalt skulle jag vara med direkt, men jag kan inte resa så ofta."),
    ('none', "Vil noen bli med i hagegruppa, send en mail til hage@coop.example 👍"),
    ('leave:garden', "Jeg fratrer som medlem av hagegruppa med umiddelbar virkning."),
    ('leave:garden', "Tyvärr måste jag avsäga mig min plats i trädgårdsgruppen."),
    ('leave:garden', "Takk for meg i hagegruppa! Seks fine år."),
    ('join:garden,webshop', "Jag är med! Både trädgårdsgruppen och webbutiken."),
    ('join:garden', "new to town, have a van. if the garden group is short of hands, I'll muck in"),
    ('join:garden', "Als de tuingroep nog iemand zoekt met een bestelbus: ik sta klaar."),
    ('join:garden', "Dere har maset lenge nok 😄 Greit, jeg hopper inn i hagegruppa."),
    # an aside in another comma piece; a mailbox name is not the group; the next sentence is only a name
    ('leave:finance', "Jag lämnar Finance Group vid årsmötet, har redan meddelat webshop."),
    ('join:', "Jeg stiller gjerne til valg som styremedlem på generalforsamlingen."),
    ('join:garden', "Er med! (hagegruppa)"),
    ('join:garden', "jeg er med i hagegruppa 👍"),
    ('none', "Jeg er med på at hagegruppa bør få mer penger."),
    ('leave:events', "I've loved every minute with the events team, but it's time to hang up my bunting."),
    ('leave:garden', "Etter jul er jeg ute av hagegruppa, beklager."),
    ('join:', "no strong preference, I'll go wherever there's a gap."),
    # final round: "+1 för", "lämnar jag X", "noteer mij", "ik ga uit", "I'm off the rota", jest with "klart jag"
    ('join:garden', "+1 för trädgårdsgruppen, tar med motorsåg och termos"),
    ('leave:garden', "Efter femton år lämnar jag trädgårdsgruppen. Ryggen säger ifrån."),
    ('join:garden', "Noteer mij maar voor de tuingroep."),
    ('leave:garden', "Ik ga uit de tuingroep, we verhuizen in juli."),
    ('leave:events', "From next month I'm off the events team rota for good."),
    ('none', "Klart jag går med i trädgårdsgruppen, jag som inte ens kan vattna en kaktus 😂 Nej, det blir inte jag."),
    ('none', "Skulle gärna hjälpa till i trädgårdsgruppen, men jag flyttar utomlands i maj så jag avstår."),
    ('join:', "new here and don't know the groups yet, but happy to pitch in on whatever's understaffed!"),
    ('join:garden,webshop', "Trädgårdsgruppen och webbutiken – båda två om ni behöver folk 🙂"),
    # last round: deal me in, use me, "if it were on weekends", channels in every language
    ('join:garden', "deal me in for the garden group, got 10 yrs of pruning behind me"),
    ('none', "If it were on weekends I'd sign up for the garden group, but weekdays don't work."),
    ('join:', "Er pensjonist og har mer enn nok tid. Bruk meg til det dere trenger!"),
    ('join:garden', "Har släpkärra och motorsåg, använd mig i trädgårdsgruppen!"),
    ('leave:garden', "Har sluttet i hagegruppa, så dere kan godt kaste meg ut av chatten."),
    ('leave:garden', "Kan någon plocka bort mig ur trädgårdsgruppens chatt? Jag är inte med där längre."),
    ('leave:garden', "Na vier jaar stop ik met de tuingroep."),
    ('leave:garden', "Na vier jaar neem ik afscheid van de tuingroep. Dank voor alles!"),
    ('none', "Oh sure, sign me right up for the garden group so I can weed for free. Not a chance."),
    ('join:garden', "Als jullie nog volk zoeken voor de tuingroep: ik heb er echt zin in."),
    # closing round: "wouldn't say no", "I'll take it", refusals dressed as wishes, addresses after event words
    ('join:events', "Wouldn't say no to a seat on the events team if one's still going."),
    ('join:garden', "If nobody else wants the open seat in the garden group I'll take it."),
    ('none', "Hadde gjerne vært med i hagegruppa om den lå i Oslo, men jeg bor i Tromsø, så det blir ikke noe av."),
    ('none', "Om mötena vore digitala skulle jag vara med i trädgårdsgruppen, men att åka varje månad går inte."),
    ('none', "Ik zou graag meedoen met de tuingroep, maar met drie bijbaantjes is dat gewoon niet haalbaar."),
    ('leave:events', "I'm stepping down as convenor of the events team and leaving it altogether."),
    ('leave:finance', "Time for me to hand over my Finance Group seat, I'm moving in May."),
    ('leave:webshop', "unsubscribe me from shop@coop.example, I don't sell anything any more"),
    ('join:garden', "Vil gjerne være fast med i hagegruppa, ikke bare stikke innom en gang i året."),
    ('leave:garden', "Härmed avgår jag från trädgårdsgruppen."),
    # look-alikes
    ('none', "The garden group needs help, let me know if you're interested."),
    ('none', "I'm retiring from work next year, so more time soon."),
    ('none', "Count me in for the quiz night on Friday!"),
    ('none', "My partner fancies joining the garden group."),
    ('none', "I don't fancy joining the Finance Group this year."),
    ('none', "I'm in for a treat with the garden group's harvest supper."),
]


@pytest.mark.parametrize(("spec", "text"), CASES)
def test_round4_family(spec: str, text: str) -> None:
    assert_decides(DETECTOR, spec, text)


def test_misspelt_names_and_channels() -> None:
    detector = Detector([GroupRef("upkeep", "Upkeep", ("maintenance crew",)),
                         GroupRef("it", "IT-gruppa", ("IT group",)),
                         GroupRef("buddy", "Buddy Programme", ("buddy scheme",))])
    # a name that needs its group word may be misspelt beside it, not elsewhere
    assert detector.detect("is it too late to get on the maintenence crew?").groups == ("upkeep",)
    assert detector.detect("I'd love to help with the maintenence of the lift").groups == ()
    # a misspelt first word of a two-word name
    assert detector.detect("I would like to join the buddy programe").groups == ("buddy",)
    # leaving a group's chat is leaving the group; joining "the chat" is not joining it
    assert detector.detect("Please drop me from the Buddy Programme chat.").groups == ("buddy",)
    assert detector.detect("I'd like to join the Buddy Programme chat on Thursday").intent == "none"


def test_a_mailbox_name_alone_is_not_the_group() -> None:
    detector = Detector([GroupRef("nomcom", "Valgkomiteen", email="valg@coop.example")])
    assert detector.detect("Jeg stiller gjerne til valg i år.").groups == ()
    assert detector.detect("Jeg vil gjerne bli med, skriv til valg@coop.example").groups == ("nomcom",)


def test_clipped_names_need_a_group_word() -> None:
    detector = Detector([GroupRef("comms", "Kommunikation", ("comms",)), GroupRef("finance", "Finansgruppen")])
    assert detector.detect("Kan någon plocka bort mig från komm-gruppens Slack?").groups == ("comms",)
    assert detector.detect("I'd like to join the komm of it").groups == ()


def test_a_word_made_from_a_name_is_not_its_typo() -> None:
    detector = Detector([GroupRef("economy", "Ekonomi", ("ekonomigruppen",))])
    assert detector.detect("Jag avgår ur styrelsen för vår ekonomisk förening, jag vill gå med i ekonomigruppen").groups == (
        "economy",)
    assert detector.detect("Jag vill gå med i styrelsen för ekonomisk förening").groups == ()


def test_a_weak_cue_adds_no_group_beside_a_sure_one() -> None:
    text = "How do I join the Webshop team? I study finance and would like to help with product photos."
    assert DETECTOR.detect(text).groups == ("webshop",)


def test_irony_emoji_count_without_the_english_file() -> None:
    norwegian = Detector(GROUPS, languages=["nb"])
    assert norwegian.detect("Ja da, meld meg inn i hagegruppa, så kan jeg luke i regnet 🙃").intent == "none"
    assert norwegian.detect("Ja da, meld meg inn i hagegruppa!").intent == "join"


def test_sarcasm_tag_in_the_next_sentence() -> None:
    text = "Sign me up for the garden group so I can weed in the rain every week. /s\n\nSeriously: who has the key?"
    assert DETECTOR.detect(text).intent == "none"


def test_quoted_words_are_what_own_words_leave_out() -> None:
    raw = CALL + "Me!\n> and a markdown quote\n"
    assert "audit" in quoted_words(raw) and "markdown quote" in quoted_words(raw)
    assert "audit" not in own_words(raw) and "markdown" not in own_words(raw)


def test_short_alias_with_group_word_is_found_only_beside_it() -> None:
    detector = Detector([GroupRef("loppet", "Gränsloppet", ("GL-gruppen",))])
    assert detector.detect("Skriv upp mig i GL-gruppen!").groups == ("loppet",)
    assert detector.detect("gl everyone, I'd like to join").groups == ()
    it = Detector([GroupRef("it", "IT-gruppa", ("IT group",))])
    assert it.detect("is it too late to join? I'd like to be part of it").groups == ()
