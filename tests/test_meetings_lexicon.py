"""Every language file is complete, and what it offers back parses back."""

from __future__ import annotations

from datetime import date

import pytest

from bot.meetings import AmbiguousScheduleError, ScheduleParseError, parse_schedule
from bot.meetings.lexicon import LANG_DIR, lexicon_for, load_language
from bot.meetings.wording import examples

LANGUAGES = sorted(p.stem for p in LANG_DIR.glob("*.toml"))
SECTIONS = ("weekdays", "months", "ordinals", "numbers", "units", "cadences", "words", "render")
RENDER_KEYS = ("weekdays", "ordinals", "nth_weekday", "nth_weekday_every", "every_months",
               "every_n_weeks", "every_other_week", "at", "offset", "examples")


def test_the_four_languages_are_there():
    assert {"en", "nb", "sv", "nl"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_file_is_complete(code):
    data = load_language(code)
    assert data["language"] == code
    assert all(section in data for section in SECTIONS)
    assert set(data["weekdays"]) == {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
    assert set(map(int, data["months"])) == set(range(1, 13))
    assert all(key in data["render"] for key in RENDER_KEYS)


@pytest.mark.parametrize("code", LANGUAGES)
def test_examples_parse_in_their_own_language_alone(code):
    for example in examples(code):
        rule = parse_schedule(example, tz="Europe/Oslo", today=date(2024, 12, 1), languages=(code,))
        assert rule.kind in ("recurring", "once", "relative"), example


def test_unknown_language_is_a_configuration_error():
    with pytest.raises(ValueError):
        lexicon_for(("xx",))


def test_a_language_left_out_is_not_understood():
    with pytest.raises(ScheduleParseError):
        parse_schedule("annenhver uke på mandag kl 11", tz="Europe/Oslo", today=date(2025, 1, 1), languages=("en",))


def test_ambiguity_options_follow_the_writers_language():
    with pytest.raises(AmbiguousScheduleError) as err:
        parse_schedule("om de maand op een dinsdag om 19:00", tz="Europe/Amsterdam", today=date(2025, 1, 1))
    assert err.value.options[0] == "Om de twee maanden op de eerste dinsdag om 19:00"
    rule = parse_schedule(err.value.options[0], tz="Europe/Amsterdam", today=date(2025, 1, 1))
    assert rule.rrule == "FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU"
