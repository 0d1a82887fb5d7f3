"""The word model: a low-confidence second opinion where no cue spoke.

Sentences are our own. The rules' suites run rules only; here the shipped
detector (rules + model) must catch what no cue names, never overrule the
rules, never read quoted words, and leave the classic look-alikes alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.train_word_model import CLASSES, train
from bot.detection import LOW_CONFIDENCE, Detector, GroupRef
from bot.detection.wordmodel import WordModel, load_word_model, write_word_model
from bot.errors import ConfigError
from tests.detection_groups import GROUPS

FULL = Detector(GROUPS)
RULES = Detector(GROUPS, word_model=False)

# no cue phrase in these: only the words around them say "sign me up"
MODEL_FINDS = [
    ("join", ("finance",), "Ni på ekonomigruppen kan räkna in mina kvällar framöver, jag är pensionerad revisor."),
    ("join", ("garden",), "Let me know if the garden group needs another pair of hands - I'm free most weekends."),
]

LOOK_ALIKES = [
    "Jeg vil gjerne vite når hagegruppa møtes.",
    "I'd like to know more about the garden group before I decide.",
    "Ik wil graag meer weten over de tuingroep.",
    "Jag tar gärna emot tips om trädgårdsgruppen.",
    "I'm happy to see the garden group growing.",
    "My husband would love to help the garden group on Saturdays.",
    "I can't take any more Saturday shifts at the web shop.",
    "Thanks for adding me to the garden group, see you Saturday!",
    "Welcome aboard! You can take the Saturday shifts at the web shop.",
    '[quote="kim"]I can take the Saturday shifts at the web shop, count me in.[/quote]\nGreat, thanks Kim!',
    "Takk for et fint møte i hagegruppa i går.",
]


@pytest.mark.parametrize(("intent", "groups", "text"), MODEL_FINDS)
def test_the_model_finds_what_no_cue_names_and_asks_a_human(intent: str, groups: tuple[str, ...],
                                                              text: str) -> None:
    assert RULES.detect(text).intent == "none"
    decision = FULL.detect(text)
    assert (decision.intent, decision.groups) == (intent, groups)
    assert decision.is_low_confidence and decision.confidence < LOW_CONFIDENCE
    assert decision.evidence and decision.evidence in text


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_stay_none_with_the_model(text: str) -> None:
    assert FULL.detect(text).intent == "none"


def test_the_model_never_overrules_the_rules() -> None:
    for text in ("Count me in for the garden group!", "Please take me off the Finance Group list.",
                 "My partner would love to join Events.", "Jeg vil gjerne være med i hagegruppa."):
        assert FULL.detect(text) == RULES.detect(text)


def test_quoted_words_are_not_the_models_either() -> None:
    own = "Ni på ekonomigruppen får gärna låna mina kvällar, jag är pensionerad revisor."
    assert FULL.detect(f"[quote=\"eva\"]{own}[/quote]\nTack Eva, vad snällt!").intent == "none"
    assert FULL.detect("\n".join(f"> {line}" for line in own.split(", "))).intent == "none"


def test_only_the_default_languages_get_the_shipped_model() -> None:
    english = Detector([GroupRef("garden", "Garden")], languages=["en"])
    assert english.detect("Ni på Garden får gärna låna mina kvällar, jag är pensionerad.").intent == "none"


def test_the_shipped_model_is_plain_weights_and_loads_the_same_every_time() -> None:
    model = load_word_model()
    assert len(model.join) > 500 and model.join.keys() == model.leave.keys()
    assert model.bias[0] < 0 and model.bias[1] < 0  # most replies are no sign-up
    p_join, p_leave = model.probabilities({"jeg", "vil", "gjerne", "bli", "med", "i"})
    assert p_join > p_leave and 0 < p_join < 1


def test_a_broken_model_file_is_a_clear_config_error(tmp_path: Path) -> None:
    path = tmp_path / "words.tsv"
    path.write_text("#bias\t-1\t-2\nhelp\tlots\t0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="words.tsv:2"):
        load_word_model(path)
    path.write_text("help\t1\t0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no #bias line"):
        load_word_model(path)
    with pytest.raises(ConfigError, match="cannot read"):
        load_word_model(tmp_path / "missing.tsv")


def test_training_is_deterministic_and_learns_which_words_sign_up(tmp_path: Path) -> None:
    samples = ([(["count", "me", "in"], CLASSES.index("join"))] * 5
               + [(["take", "me", "off"], CLASSES.index("leave"))] * 5
               + [(["nice", "meeting", "me"], CLASSES.index("none"))] * 5)
    first, second = train(samples), train(list(samples))
    assert first == second
    assert first.join["count"] > 0 > first.join["nice"]
    assert first.leave["off"] > 0
    path = tmp_path / "words.tsv"
    write_word_model(path, first, "test")
    again = load_word_model.__wrapped__(path)
    assert isinstance(again, WordModel) and set(again.join) == set(first.join)
