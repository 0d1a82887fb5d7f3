"""Language knowledge loaded from `lang/<code>.toml`, compiled once.

The code never names a word of any language: adding German is adding
`de.toml` with the same sections. Patterns are regular expressions written in
natural spelling; they are folded (lower-case, no diacritics) at load time and
matched against folded text. Cues of every loaded language are applied to every
post, so mixed-language posts and English posts about Norwegian groups work.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.detection.covers import word_covers
from bot.detection.cues import Cue, CueIndex, cover_of
from bot.detection.folding import fold, fold_pattern
from bot.detection.markup import IRONY_EMOJI
from bot.errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_LANG_DIR = Path(__file__).with_name("lang")

# section -> keys every language file must provide (lists may be empty)
REQUIRED: dict[str, tuple[str, ...]] = {
    "language": ("code", "stopwords"),
    "join": ("explicit", "tentative", "generic_scope"),
    "leave": ("explicit", "all_groups", "role"),
    "block": ("first_person", "negation", "third_party", "inclusive", "thanks", "acknowledgement",
              "past", "already", "non_group_object"),
    "clauses": ("contrast",),
    "groups": ("words", "suffixes", "linkers", "inflections", "fillers"),
}
# section -> keys a language file may provide (older files simply lack them)
OPTIONAL: dict[str, tuple[str, ...]] = {
    "join": ("answer", "offer", "echo", "direct"),
    "leave": ("tentative", "direct"),
    "block": ("retraction", "conjunction", "condition", "counterfactual", "irony", "irony_tag", "irony_opener",
              "irony_disclaimer", "refusal", "not_determiner", "time_object", "first_person_own", "caveat",
              "inquiry"),
    "groups": ("channels", "both"),
}

_NEVER = re.compile(r"(?!x)x")


@dataclass(frozen=True, slots=True)
class Language:
    """One language file, as raw lists (patterns not yet compiled)."""

    code: str
    data: dict[str, dict[str, list[str]]]

    def items(self, section: str, key: str) -> list[str]:
        return list(self.data.get(section, {}).get(key, ()))


def load_language(path: Path) -> Language:
    """Read and validate one language file; problems become a ConfigError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read language file: {exc}"]) from exc
    problems = [
        f"{path}: missing [{section}] {key}"
        for section, keys in REQUIRED.items()
        for key in keys
        if not isinstance(data.get(section), dict) or key not in data[section]
    ]
    if problems:
        raise ConfigError(problems)
    present = {section: [k for k in keys if k in data.get(section, {})] for section, keys in OPTIONAL.items()}
    for section, keys in [*REQUIRED.items(), *present.items()]:
        for key in keys:
            value = data[section][key]
            if key != "code" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                problems.append(f"{path}: [{section}] {key} must be a list of strings")
    if problems:
        raise ConfigError(problems)
    code = str(data["language"]["code"])
    for section, keys in [*REQUIRED.items(), *present.items()]:
        for key in keys:
            if key != "code":
                for pattern in data[section][key]:
                    _check_pattern(path, section, key, pattern, problems)
    # the detector skips the clause split of a sentence holding no punctuation and no
    # first word of a contrast, so that first word must be a word of its own
    problems.extend(f"{path}: [clauses] contrast {phrase!r} must start with a comma or a word"
                    for phrase in data["clauses"]["contrast"]
                    if not re.match(r",|\w+(?:\s|$)", phrase))
    if problems:
        raise ConfigError(problems)
    return Language(code=code, data=data)


def _check_pattern(path: Path, section: str, key: str, pattern: str, problems: list[str]) -> None:
    try:
        re.compile(fold_pattern(pattern))
    except re.error as exc:
        problems.append(f"{path}: [{section}] {key}: bad pattern {pattern!r}: {exc}")


def discover(lang_dir: Path, codes: Sequence[str] | None) -> list[Language]:
    """Load the requested languages (or every `*.toml` in the directory)."""
    if codes is None:
        paths = sorted(lang_dir.glob("*.toml"))
    else:
        paths = [lang_dir / f"{code}.toml" for code in codes]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise ConfigError([f"no language file {m}" for m in missing])
    if not paths:
        raise ConfigError([f"no language files in {lang_dir}"])
    return [load_language(p) for p in paths]


def _union(patterns: Iterable[str], *, flags: int = 0) -> re.Pattern[str]:
    """One pattern matching where any of `patterns` does, tried in their order.

    Runs of patterns opening with \\b share one \\b: the engine then checks the word
    boundary once per position and each pattern's first letter in C, instead of
    entering every pattern at every character (several times faster on a union
    of a hundred phrases, same matches).
    """
    parts: list[str] = []
    run: list[str] = []
    for pattern in map(fold_pattern, patterns):
        if pattern.startswith(_WORD_START) and not _top_level_or(pattern):
            run.append(f"(?:{pattern[len(_WORD_START):]})")
            continue
        if run:
            parts.append(rf"\b(?:{'|'.join(run)})")
            run = []
        parts.append(f"(?:{pattern})")
    if run:
        parts.append(rf"\b(?:{'|'.join(run)})")
    return re.compile("|".join(parts), flags) if parts else _NEVER


_WORD_START = "\\b"


def _top_level_or(pattern: str) -> bool:
    """Whether `pattern` has a "|" outside every group and character class."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def _clause_break(words: list[str]) -> re.Pattern[str]:
    """Clause separators; a contrast word written ", so" only splits after a comma."""
    loose = _longest_first(w for w in words if not w.startswith(","))
    comma = _longest_first(w.lstrip(", ") for w in words if w.startswith(","))
    parts = [r"\s*[;:()]\s*"]
    if loose:
        parts.append(r",?\s+\b(?:" + "|".join(map(re.escape, loose)) + r")\b\s+")
    if comma:
        parts.append(r"\s*,\s*(?:" + "|".join(map(re.escape, comma)) + r")\b\s*")
    # every break starts with a space or one of ;:(), - the leading lookahead lets
    # the engine skip other characters instead of trying each alternative there
    return re.compile(r"(?=[\s;:(),])(?:" + "|".join(parts) + ")")


def _longest_first(words: Iterable[str]) -> list[str]:
    """Distinct words, longest first; ties alphabetical, so stripping endings in this
    order gives the same variants in every process (a set's order depends on the hash seed)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def _cue(kind: str, pattern: str) -> Cue:
    """A compiled cue with whole-phrase covers (two when the pattern offers them),
    else the fragment cover."""
    folded = fold_pattern(pattern)
    covers = word_covers(folded)
    cover, extra = (covers[0], covers[1:]) if covers else (cover_of(folded), ())
    return Cue(kind, re.compile(folded), cover, extra, anchored=folded.startswith("\\A"))


def _words(langs: Sequence[Language], section: str, key: str) -> list[str]:
    return [fold(w) for lang in langs for w in lang.items(section, key)]


class Lexicon:
    """All loaded languages merged into compiled matchers."""

    def __init__(self, languages: Sequence[Language]) -> None:
        self.codes = tuple(lang.code for lang in languages)
        self.stopwords = {lang.code: frozenset(_words([lang], "language", "stopwords"))
                          for lang in languages}
        self._any_stopword = frozenset().union(*self.stopwords.values())

        def union(section: str, key: str) -> re.Pattern[str]:
            return _union(p for lang in languages for p in lang.items(section, key))

        cues = [_cue(f"{section}/{key}", p)
                for section, key in (("join", "explicit"), ("join", "tentative"), ("join", "offer"), ("join", "direct"),
                                     ("leave", "explicit"),
                                     ("leave", "tentative"), ("leave", "direct"))
                for lang in languages for p in lang.items(section, key)]
        # answers ("Me!") need a quoted call to be about something: only posts that quote try them
        answers = [_cue("join/answer", p)
                   for lang in languages for p in (*lang.items("join", "answer"), *lang.items("join", "echo"))]
        self.cues = CueIndex(cues)
        self.cues_with_answers = CueIndex(cues + answers) if answers else self.cues
        self.generic_scope = union("join", "generic_scope")
        # "Same here!": an answer that repeats a quoted sign-up, so it may take the quote's group
        self.echo = union("join", "echo")
        self.all_groups = union("leave", "all_groups")
        self.role = re.compile(r"\s*(?:" + union("leave", "role").pattern + ")")
        # a first-person word that is another word in other languages (English "I" is the
        # preposition "i" in nb/sv/nl) counts only in posts of its own language
        shared = [p for lang in languages for p in lang.items("block", "first_person")]
        own = {lang.code: lang.items("block", "first_person_own") for lang in languages}
        self.first_person = _union([*shared, *(p for ps in own.values() for p in ps)])
        self._first_person_in = {code: _union([*shared, *ps]) for code, ps in own.items()}
        # a subject after its verb ("…lämnar jag över") is never English "I"
        self.inverted_subject = re.compile(r"\s+(?:" + _union(shared).pattern + ")")
        self.negation = union("block", "negation")
        self.retraction = union("block", "retraction")
        # "Oh sure, sign me up ... 🙄 Seriously though": a sign-up said in jest
        self.irony = _union([*map(re.escape, IRONY_EMOJI),
                             *(p for lang in languages for p in lang.items("block", "irony"))])
        self.irony_tag = union("block", "irony_tag")  # "/s": jest said outright
        # "Haha ja, …", "lol sure, …": laughter before a mock-agreeing opener
        laughter = r"(?:(?:ha){2,}h?|lol|hehe)?[\s,!.]*"
        self.irony_opener = re.compile(laughter + "(?:" + union("block", "irony_opener").pattern + ")")
        self.irony_disclaimer = re.compile(r"[\s(]*(?:" + union("block", "irony_disclaimer").pattern + ")")
        # "Hard pass.", "Nei takk, finn noen andre": a flat no, said as a sentence of its own
        self.refusal = re.compile(r"[\s(]*(?:" + union("block", "refusal").pattern + r")(?:\W*$|\s*,)")
        self.third_party = union("block", "third_party")
        self.inclusive = union("block", "inclusive")
        self.thanks = union("block", "thanks")
        self.acknowledgement = union("block", "acknowledgement")
        self.past = union("block", "past")
        # "and (I) would…": a fresh conjunct the past tense before it does not govern
        self.conjunction = union("block", "conjunction")
        # "if the board needs someone": groups named after it are the condition, not the target
        self.condition = union("block", "condition")
        # "I'd join X if training weren't at 6am": a condition that is known to be false
        self.counterfactual = union("block", "counterfactual")
        self.already = union("block", "already")
        # wanting to know, hear or see something ("Jeg vil gjerne vite når X møtes"): the
        # word model reads such a sentence as a wish to join, the rules know better
        self.inquiry = union("block", "inquiry")
        # the object of a join verb, maybe after one word: "join the call", "help you"
        # ...unless a group word follows: "the party committee" is a group, "the party" is not
        group_word = "|".join(sorted(map(re.escape, _words(languages, "groups", "words")), key=len, reverse=True))
        objects = union("block", "non_group_object").pattern
        times = union("block", "time_object").pattern
        # ...nor is "the workshop rota": a group's channel or sign-up sheet names the group
        channel = union("groups", "channels").pattern
        guard = f"(?![\\s-]*(?:{group_word}|{channel})\\b)(?!@)" if group_word else ""  # "workshop@…" is an address
        # a weekday after a cue is a time ("I can do Tuesdays"); after a group's name it is no event
        cue_objects, objects = f"(?:{objects}|{times}){guard}", f"(?:{objects}){guard}"
        # one word may stand before the object ("the call", "our zoom"), but not a
        # wh-word opening a new clause ("help wherever you're short of hands")
        skip = union("block", "not_determiner").pattern
        after_cue = r"\s*(?:(?!(?:" + skip + r")\b)([\w'-]+)\s+)?"
        self.non_group_object = re.compile(after_cue + "(?:" + cue_objects + ")")
        # "…, but not on Mondays", "…, but I can't make the meetings": a caveat, not a withdrawal
        # ("…, men med nytt jobb hinner jag inte" is one)
        caveats = union("block", "caveat").pattern
        self.caveat = re.compile(r"\s*(?:[\w'-]+\s+)?(?:" + times + "|" + caveats + r")\b")
        self.event_object = re.compile(after_cue + "(?:" + objects + ")")  # the same without days
        # a group word used as a modifier: "the garden party", "Events meeting"
        # (never a weekday: "het deur-aan-deur team zaterdag" is when, not an event)
        self.object_noun = re.compile(r"[\s-]*(?!(?:" + times + r")\b)(?:" + objects + ")")
        # ...or a few words on: "count me in for the quiz night"
        self.later_object = re.compile(r"(?:\s+[\w'-]+){0,3}?\s+(?:" + cue_objects + ")")
        # "remove me from the Buddy Programme chat", "add me to the X group chat": a group's channel is the group
        self.channel = re.compile(r"[\s-]*(?:" + union("groups", "channels").pattern + r")\b")
        self.both = _union(rf"\b{re.escape(w)}\b" for w in _words(languages, "groups", "both"))
        self.clause_break = _clause_break(_words(languages, "clauses", "contrast"))
        # a cheap necessary condition for a clause break: punctuation, or the first word of a
        # contrast written without a comma ("but", "selv om")
        self.clause_words = frozenset(w.split()[0] for w in _words(languages, "clauses", "contrast")
                                      if not w.startswith(","))
        self.group_words = frozenset(_words(languages, "groups", "words"))
        self.fillers = frozenset(_words(languages, "groups", "fillers"))
        self.suffixes = tuple(_longest_first(_words(languages, "groups", "suffixes")))
        self.inflections = tuple(_longest_first(_words(languages, "groups", "inflections")))
        self.linkers = tuple(_longest_first(_words(languages, "groups", "linkers")))
        log.debug("lexicon loaded: languages=%s", ",".join(self.codes))

    def first_person_of(self, language: str) -> re.Pattern[str]:
        """First-person words for a post in `language` (all of them when it is unknown)."""
        return self._first_person_in.get(language, self.first_person)

    def language_of(self, tokens: Iterable[str]) -> str:
        """The language with most distinct stop words; "und" when nothing matches.

        Distinct words, not occurrences: one set intersection per language (in C),
        and a mixed post is not won by whichever language repeats "the" most.
        """
        seen = tokens if isinstance(tokens, (set, frozenset)) else set(tokens)
        best, hits = "und", 0
        for code, words in self.stopwords.items():
            found = len(seen & words)
            if found > hits:
                best, hits = code, found
        return best
