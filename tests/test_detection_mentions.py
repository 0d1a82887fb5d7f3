"""Group resolution: names, aliases, slugs, e-mails, inflection, typos."""

from __future__ import annotations

import pytest

from bot.detection import GroupRef
from bot.detection.folding import fold
from bot.detection.lexicon import DEFAULT_LANG_DIR, Lexicon, discover
from bot.detection.mentions import GroupIndex, Mention

GROUPS = [
    GroupRef("comms", "Communications Group", ("comms", "kommunikasjonsgruppa", "communicatie")),
    GroupRef("purchasing", "Innkjøp", ("innkjøpsgruppa", "inköp"), email="innkjop@coop.example"),
    GroupRef("meat-dairy", "Kjøtt og meieri", ("meat and dairy",)),
    GroupRef("digital", "Digital Infrastructure Group", ("DIG", "digital infra")),
    GroupRef("events", "Events"),
]
INDEX = GroupIndex(GROUPS, Lexicon(discover(DEFAULT_LANG_DIR, None)))


def find(text: str) -> list[Mention]:
    return INDEX.find(text, fold(text))


def slugs(text: str) -> list[str]:
    return [m.slug for m in find(text)]


@pytest.mark.parametrize(("text", "slug"), [
    ("jeg vil hjelpe kommunikasjonsgruppa", "comms"),          # nb alias
    ("vil bli med i Innkjøpsgruppen", "purchasing"),            # nb inflection of the name
    ("kan jag gå med i inköpsgruppens möte", "purchasing"),     # sv genitive, folded ö
    ("hjelpe kjøtt- og meierigruppa", "meat-dairy"),            # split compound
    ("helpen bij de werkgroep communicatie", "comms"),          # nl group word before
    ("ik help de Comms-groep", "comms"),                        # nl hyphenated group word
    ("help the comms group", "comms"),                          # en
    ("help with digital infra", "digital"),                     # multi-word alias
    ("write to innkjop@coop.example today", "purchasing"),      # full e-mail
    ("write to comms@other.example today", "comms"),            # e-mail local part
    ("jeg er med i innkjopsgrupen", "purchasing"),              # typo in the suffix
])
def test_group_is_found(text: str, slug: str) -> None:
    assert slugs(text) == [slug]


def test_short_alias_is_case_sensitive_whole_word() -> None:
    assert slugs("happy to help DIG") == ["digital"]
    assert slugs("happy to dig the garden") == []
    assert slugs("DIGs and Dig") == []


def test_mention_strength() -> None:
    (lower,) = find("i could help with events")
    assert not lower.strong
    (capital,) = find("i could help with Events")
    assert capital.strong
    (grouped,) = find("i could help the events team")
    assert grouped.strong
    (multi,) = find("i could help meat and dairy")
    assert multi.strong


def test_typo_match_is_marked_fuzzy() -> None:
    (typo,) = find("the comunications group")
    assert typo.slug == "comms" and typo.fuzzy
    assert slugs("the digital infrastucture group") == ["digital"]


def test_common_short_words_are_not_typos() -> None:
    assert slugs("the event was fun and the commas were wrong") == []


def test_order_of_first_mention() -> None:
    assert slugs("Events, then DIG, then comms") == ["events", "digital", "comms"]
