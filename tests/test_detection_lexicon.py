"""Language knowledge lives in data files; a new language is a new file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.detection import Detector, GroupRef
from bot.detection.cues import cover_of
from bot.detection.folding import fold, fold_pattern
from bot.detection.lexicon import DEFAULT_LANG_DIR, REQUIRED, load_language
from bot.errors import ConfigError

LANGS = sorted(DEFAULT_LANG_DIR.glob("*.toml"))


def test_the_four_languages_ship() -> None:
    assert {p.stem for p in LANGS} >= {"en", "nb", "sv", "nl"}


@pytest.mark.parametrize("path", LANGS, ids=lambda p: p.stem)
def test_language_file_has_required_sections(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for section, keys in REQUIRED.items():
        for key in keys:
            assert key in data[section], f"{path.name}: [{section}] {key}"
    assert data["language"]["code"] == path.stem
    assert data["join"]["explicit"] and data["leave"]["explicit"] and data["block"]["negation"]
    load_language(path)  # patterns compile


def test_folding_is_length_preserving() -> None:
    for text in ("Kjøtt- og meierigruppa", "Trädgårdsgruppen", "Financiën", "ÆØÅ æøå ÄÖ"):
        assert len(fold(text)) == len(text)
    assert fold("Innkjøp Inköp Ærlig Är") == "innkjop inkop arlig ar"
    assert fold_pattern(r"\S+ Være \b") == r"\S+ vare \b"


def test_cover_strings_are_necessary() -> None:
    assert cover_of(r"\bsign me (?:up|in)\b") == ("sign me ",)
    assert cover_of(r"\b(?:join|help)ing\b") in {("help", "join"), ("ing",)}
    assert cover_of(r"\w+") is None


GERMAN = r'''
[language]
code = "de"
stopwords = ["ich", "nicht", "und", "gerne", "der", "die", "das"]
[join]
explicit = ["\\bich (?:\\S+\\s+){0,5}?(?:mitmachen|mithelfen)\\b", "\\bich bin dabei\\b"]
tentative = []
generic_scope = []
[leave]
explicit = ["\\bich (?:\\S+\\s+){0,5}?(?:aussteigen|austreten)\\b"]
all_groups = []
role = ["als \\w+"]
[block]
first_person = ["\\bich\\b"]
negation = ["\\bnicht\\b", "\\bkein\\w*\\b"]
third_party = ["\\b(?:er|sie)\\b"]
inclusive = []
thanks = []
acknowledgement = ["\\bwillkommen\\b"]
past = []
already = ["\\bschon\\b"]
non_group_object = []
[clauses]
contrast = ["aber"]
[groups]
words = ["gruppe", "ag"]
suffixes = ["gruppe"]
linkers = ["n", "s"]
inflections = ["n"]
fillers = ["und"]
'''


def test_new_language_file_is_picked_up(tmp_path: Path) -> None:
    (tmp_path / "de.toml").write_text(GERMAN, encoding="utf-8")
    groups = [GroupRef("garden", "Garten", ("gartengruppe",))]
    detector = Detector(groups, lang_dir=tmp_path)
    assert detector.languages == ("de",)
    decision = detector.detect("Ich würde gerne in der Gartengruppe mithelfen!")
    assert (decision.intent, decision.groups, decision.language) == ("join", ("garden",), "de")
    assert detector.detect("Ich kann leider nicht in der Gartengruppe mithelfen.").intent == "none"
    assert detector.detect("Ich möchte aus der Gartengruppe austreten.").intent == "leave"


def test_languages_can_be_selected() -> None:
    detector = Detector([GroupRef("garden", "Garden")], languages=["en"])
    assert detector.languages == ("en",)
    assert detector.detect("Jeg vil gjerne være med i Garden").intent == "none"


def test_missing_language_or_section_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        Detector([], languages=["xx"])
    (tmp_path / "de.toml").write_text('[language]\ncode = "de"\nstopwords = []\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Detector([], lang_dir=tmp_path)
    assert any("[join] explicit" in p for p in info.value.problems)


def test_bad_pattern_is_reported(tmp_path: Path) -> None:
    (tmp_path / "de.toml").write_text(GERMAN.replace('"\\\\bich bin dabei\\\\b"', '"(unclosed"'),
                                      encoding="utf-8")
    with pytest.raises(ConfigError, match="bad pattern"):
        Detector([], lang_dir=tmp_path)


def test_union_shares_a_leading_word_boundary_without_changing_matches() -> None:
    from bot.detection.lexicon import _union

    union = _union([r"\bnot\b", r"n't\b", r"\bfoo|bar", r"\bnever"])
    # "bar" has no \b of its own: the shared \b must not be put in front of it
    assert [m.group() for m in union.finditer("xnot can't never foobar xbar")] == ["n't", "never", "foo", "bar", "bar"]
    assert union.search("cannot") is None


def test_a_contrast_must_open_with_a_word_or_a_comma(tmp_path: Path) -> None:
    # the detector skips splitting sentences without punctuation or a contrast's first word
    (tmp_path / "de.toml").write_text(GERMAN.replace('contrast = ["aber"]', 'contrast = ["aber", "-doch"]'),
                                      encoding="utf-8")
    with pytest.raises(ConfigError, match="must start with a comma or a word"):
        Detector([], lang_dir=tmp_path)
