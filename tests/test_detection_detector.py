"""Rule-by-rule tests of the sign-up detector, in our own words and groups."""

from __future__ import annotations

import pytest

from bot.detection import LOW_CONFIDENCE, Decision, Detector, GroupRef
from tests.detection_groups import GROUPS


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(GROUPS)


def check(detector: Detector, text: str, intent: str, groups: tuple[str, ...] = ()) -> Decision:
    decision = detector.detect(text)
    assert (decision.intent, decision.groups) == (intent, groups), decision
    return decision


JOINS = [
    # English
    ("Sign me up for Finance, I've done the books for years.", ("finance",)),
    ("Count me in for the garden group!", ("garden",)),
    ("I'd love to get involved in the webshop.", ("webshop",)),
    ("Happy to volunteer for Events this summer.", ("events",)),
    ("Can I join the Finance Group?", ("finance",)),
    ("How can I get involved with the garden?", ("garden",)),
    ("Is the Webshop group still looking for people? I'd like to help.", ("webshop",)),
    ("I would like to volunteer with finance, I'm an accountant.", ("finance",)),
    ("Interested in helping out with Events.", ("events",)),
    ("I'm keen on the garden group.", ("garden",)),
    ("Please add me to the webshop team.", ("webshop",)),
    ("Let me know how I can help the Garden group.", ("garden",)),
    ("Would love to be part of the Events team.", ("events",)),
    ("I'd be happy to take on some bookkeeping for FIN.", ("finance",)),
    ("If the Events team needs another pair of hands, I'm in.", ("events",)),
    ("Just emailed shop@coop.example - I'd love to help photograph the products.", ("webshop",)),
    ("I'd like to join both the Garden and the Webshop groups.", ("garden", "webshop")),
    ("I'm happy to help wherever I'm needed!", ()),
    # Norwegian
    ("Jeg vil gjerne bli med i hagegruppa!", ("garden",)),
    ("Meld meg på til nettbutikken, jeg kan HTML.", ("webshop",)),
    ("Jeg har lyst til å hjelpe økonomigruppa med regnskapet.", ("finance",)),
    ("Tell meg med i Events!", ("events",)),
    ("Jeg kan gjerne ta noen vakter for Nettbutikk.", ("webshop",)),
    ("Hvordan blir jeg med i hagegruppen?", ("garden",)),
    # Swedish
    ("Jag vill gärna vara med i trädgårdsgruppen.", ("garden",)),
    ("Räkna med mig för Webbutiken!", ("webshop",)),
    ("Jag hjälper gärna till med trädgården i vår.", ("garden",)),
    ("Kan jag anmäla mig till ekonomigruppen?", ("finance",)),
    # Dutch
    ("Ik wil graag meedoen met de tuingroep.", ("garden",)),
    ("Ik help graag mee met de Webshop.", ("webshop",)),
    ("Mag ik me aanmelden voor Financiën?", ("finance",)),
    ("Ik zou het leuk vinden om bij de tuingroep te helpen.", ("garden",)),
    ("Hoe word ik lid van de Events-groep?", ("events",)),
]


@pytest.mark.parametrize(("text", "groups"), JOINS)
def test_join(detector: Detector, text: str, groups: tuple[str, ...]) -> None:
    check(detector, text, "join", groups)


NONES = [
    "The events of last year showed we need better planning.",
    "Thanks to the garden group for the lovely tomatoes!",
    "I joined the finance group last year and it was great.",
    "My sister would love to join the Garden group.",
    "She'd be great for the webshop, she runs one already.",
    "Can someone from Finance send me the invoice?",
    "Who wants to help with the Events stall?",
    "Anyone keen to help with the webshop?",
    "I'd like to join the call on Thursday if that's ok.",
    "I'm leaving early on Thursday, so I'll miss the garden meeting.",
    "Hagegruppa har plantet nye bærbusker ved inngangen.",
    "Trädgårdsgruppen har köpt nya frön.",
    "De tuingroep heeft nieuwe zaden gekocht.",
    "Finance is on the agenda for Tuesday, policy too.",
    "We should put the finance report on the webshop page.",
]


@pytest.mark.parametrize("text", NONES)
def test_none(detector: Detector, text: str) -> None:
    check(detector, text, "none")


@pytest.mark.parametrize("text", [
    "I don't want to join Finance, I just have a question about the budget.",
    "I'm not able to help with Events this year.",
    "Jeg vil ikke være med i økonomigruppa i år.",
    "Jag kan tyvärr inte vara med i trädgårdsgruppen i år.",
    "Ik wil dit jaar helaas niet meedoen met de tuingroep.",
])
def test_negated_interest_is_none(detector: Detector, text: str) -> None:
    check(detector, text, "none")


@pytest.mark.parametrize("text", [
    "My partner would love to help the Events team, can I pass on your email?",
    "Kona mi vil gjerne være med i hagegruppa, men hun er ikke på forumet.",
    "Min kompis vill gärna gå med i trädgårdsgruppen.",
    "Mijn buurvrouw wil graag meehelpen bij de tuingroep.",
    "You should join the webshop team, you'd be great!",
])
def test_third_party_is_none(detector: Detector, text: str) -> None:
    check(detector, text, "none")


def test_author_and_friend_is_join(detector: Detector) -> None:
    check(detector, "Me and my neighbour would both like to join the Garden group.", "join", ("garden",))


@pytest.mark.parametrize("text", [
    "Welcome aboard! I'll add you to the Events rota and send you the invite.",
    "Thanks for adding me to the webshop team, got the invite!",
    "Velkommen i hagegruppa! Jeg sender deg en invitasjon til neste møte.",
    "Bedankt dat jullie me hebben toegevoegd aan de tuingroep!",
])
def test_driver_acknowledgement_and_thanks_are_none(detector: Detector, text: str) -> None:
    check(detector, text, "none")


@pytest.mark.parametrize(("text", "groups"), [
    ("I'm stepping down from the Events team after the summer.", ("events",)),
    ("Please remove me from the Finance mailing list.", ("finance",)),
    ("I have to leave the garden group, I'm moving to Leeds.", ("garden",)),
    ("Time for me to bow out of Webshop.", ("webshop",)),
    ("Jeg trekker meg fra hagegruppa etter sommeren.", ("garden",)),
    ("Jag lämnar trädgårdsgruppen efter sommaren.", ("garden",)),
    ("Ik stop met de tuingroep, het wordt me te veel.", ("garden",)),
    ("I'm quitting all my groups for now, burnt out.", ()),
])
def test_leave(detector: Detector, text: str, groups: tuple[str, ...]) -> None:
    decision = check(detector, text, "leave", groups)
    assert not decision.is_low_confidence


@pytest.mark.parametrize("text", [
    "I'm stepping down as treasurer but staying in Finance.",
    "Jeg gir meg som leder i hagegruppa, men fortsetter som medlem.",
    "Ik stop als notulist van de tuingroep.",
])
def test_role_change_is_not_leave(detector: Detector, text: str) -> None:
    check(detector, text, "none")


def test_quote_is_ignored(detector: Detector) -> None:
    text = '[quote="ann, post:3, topic:9"]\nI would love to join the Garden group!\n[/quote]\n\nLovely, see you there.'
    check(detector, text, "none")


def test_nested_quote_ignored_but_own_words_count(detector: Detector) -> None:
    text = ("[quote=\"a\"]outer [quote=\"b\"]Sign me up for Finance[/quote] still quoted[/quote]\n"
            "Count me in for the webshop too!")
    check(detector, text, "join", ("webshop",))


def test_markdown_quote_is_ignored(detector: Detector) -> None:
    check(detector, "> I'd like to join the Events team\n\nGreat to see the interest.", "none")


def test_code_is_ignored(detector: Detector) -> None:
    text = "The form says:\n\n```\nI'd like to join the Garden group\n```\n\nand `sign me up for Finance` fails.\n\n    count me in for Events\n"
    check(detector, text, "none")


def test_mention_is_not_a_group(detector: Detector) -> None:
    check(detector, "@events I'd love to help the Garden group.", "join", ("garden",))


def test_email_address_names_group(detector: Detector) -> None:
    decision = check(detector, "Har sendt en e-post til money@coop.example om å bli med.", "join", ("finance",))
    assert decision.confidence >= 0.8


def test_typo_in_group_name_is_low_confidence(detector: Detector) -> None:
    decision = check(detector, "i'd like to help the webshp", "join", ("webshop",))
    assert decision.is_low_confidence


def test_short_alias_is_case_sensitive(detector: Detector) -> None:
    check(detector, "Sign me up for FIN please", "join", ("finance",))
    check(detector, "Sign me up, fin by me whatever needs doing", "join", ())


def test_generic_word_needs_group_context(detector: Detector) -> None:
    # "events" after a join cue points at the group; elsewhere it is a word.
    check(detector, "happy to help with events", "join", ("events",))
    check(detector, "After the events of last week I'm happy to help wherever.", "join", ())


def test_adjacent_sentence_supplies_group(detector: Detector) -> None:
    decision = check(detector, "The Garden group needs people for the spring planting. Count me in!",
                     "join", ("garden",))
    assert decision.evidence == "Count me in!"


def test_mixed_language_post(detector: Detector) -> None:
    check(detector, "Hei! Sorry, my Norwegian is bad. Jeg vil gjerne hjelpe hagegruppa - I love plants.",
          "join", ("garden",))
    decision = detector.detect("Hallo! I'd love to help the tuingroep, ik heb een moestuin.")
    assert decision.intent == "join" and decision.groups == ("garden",)


def test_tentative_offer_without_group_is_none(detector: Detector) -> None:
    check(detector, "I can do Wednesday any time after three.", "none")


def test_explicit_join_without_any_group_is_low_confidence(detector: Detector) -> None:
    decision = check(detector, "I'd like to get involved.", "join", ())
    assert decision.is_low_confidence


def test_clear_join_is_confident_with_evidence(detector: Detector) -> None:
    decision = check(detector, "Hi all. I'd love to join the Garden group. I grow chillies.", "join", ("garden",))
    assert decision.confidence >= 0.8 and not decision.is_low_confidence
    assert decision.evidence == "I'd love to join the Garden group."


def test_declines_one_group_joins_another(detector: Detector) -> None:
    check(detector, "I can't do Finance on Mondays, but I'd love to help the webshop.", "join", ("webshop",))
    check(detector, "Jeg har ikke tid til hagegruppa, men jeg vil gjerne bidra i Events.", "join", ("events",))


def test_language_is_detected(detector: Detector) -> None:
    assert detector.detect("Jeg vil gjerne bli med i hagegruppa!").language == "nb"
    assert detector.detect("Jag vill gärna vara med i trädgårdsgruppen.").language == "sv"
    assert detector.detect("Ik wil graag meedoen met de tuingroep.").language == "nl"
    assert detector.detect("I would like to join the garden group.").language == "en"


def test_low_confidence_threshold_is_used(detector: Detector) -> None:
    assert Decision("join", (), LOW_CONFIDENCE - 0.01, "", "en").is_low_confidence
    assert not Decision("none", (), 0.1, "", "en").is_low_confidence


def test_group_names_with_connectors_articles_and_brackets() -> None:
    groups = [GroupRef("fa", "Finance & Admin"), GroupRef("welcome", "Welcome Team"),
              GroupRef("legal", "Legal (contracts)"), GroupRef("gc", "The Garden Collective")]
    detector = Detector(groups)
    assert detector.detect("I'd like to join Finance and Admin.").groups == ("fa",)
    assert detector.detect("Count me in for the Welcome Team!").groups == ("welcome",)
    assert detector.detect("Sign me up for Legal please.").groups == ("legal",)
    assert detector.detect("I'd love to help Garden Collective.").groups == ("gc",)
    assert detector.detect("Welcome, Sam! Great to have you.").intent == "none"
