"""Decide whether a forum reply's author wants to join or leave working groups.

The decision is made clause by clause: a clause counts when it holds a
first-person join/leave cue that is not negated, not about somebody else, not
thanks for an earlier sign-up and not a role change. Groups come from the cue's
own clause, else its sentence, else the neighbouring sentences ("Count me in!"
after "The comms group needs writers."). Everything is compiled in __init__;
`detect` is pure and does no I/O.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, islice
from pathlib import Path

from bot.detection.decision import Decision, GroupRef, Intent
from bot.detection.folding import fold
from bot.detection.cues import Cue, words_of_lines
from bot.detection.lexicon import DEFAULT_LANG_DIR, Lexicon, discover
from bot.detection.markup import bounded, has_quote, own_words, quoted_words, sentences
from bot.detection.mentions import GroupIndex, Mention

log = logging.getLogger(__name__)

_BASE = {"explicit": 0.9, "tentative": 0.72, "direct": 0.85}  # direct: only with a group in its clause
_NEGATION_REACH = 60  # characters before a cue that a "not" still governs
_SURE_NONE = 0.9
_LANGUAGE_SAMPLE = 2000  # words; plenty to tell four languages apart
# Only the first OWN_TEXT_LIMIT characters of the author's own words (after
# quotes and code are removed) are analysed. People say they want to join near
# the start of a reply; 12,000 characters is ~2,000 words, six times a long
# (2 KB) reply, so decisions on real posts do not change. It bounds the work any
# post can cause: the costliest text (every sentence a sign-up naming groups)
# runs at ~1 ms per KB, so a 100 KB post of any content stays ~15-25 ms, well
# under the 50 ms budget even on a busy machine (bench/detect_speed.py).
OWN_TEXT_LIMIT = 12_000
# Each cue match is checked against its whole clause (negation, third party,
# thanks...), so a clause repeating a blocked cue would cost matches x length.
# Real clauses hold one or two matches of a kind; the rest are not looked at.
_MATCHES_PER_CLAUSE = 8
_WORD_START = re.compile(r"\b\w")
_WORDS = re.compile(r"\w+")
_SUBJECTLESS_REACH = 40  # characters from a subjectless goodbye to the group it names
_BARE_WITHDRAWAL = 4  # words after "I can't" in a comma piece that still withdraw a wish
_LIST_ITEMS = 8  # list lines after "I could help with:" that may name groups
_FRAGMENT_WORDS = 4  # "Me too" / "Same here!": short enough that the next fragment is its object
_SENTENCE_STRIDE = 100_000  # orders mentions of later sentences after earlier ones
_CLAUSE_MARKS = frozenset(";:(),")
_WEAK_BORROW = 0.2  # a cue this much less sure than the best one adds no groups of its own


@dataclass(frozen=True, slots=True)
class _Cue:
    intent: Intent
    kind: str  # explicit | tentative
    sentence: int
    clause: tuple[int, int]
    span: tuple[int, int]
    everything: bool = False  # "all my groups"
    subjectless: bool = False  # "Stepping down from X": must name what it leaves


@dataclass(slots=True)
class _Post:
    """One post while it is being decided: its sentences and cached mentions."""

    texts: list[str]
    folded: list[str]
    negated: list[list[tuple[int, int]]]
    clauses: list[list[tuple[int, int]]]
    mentions: dict[int, list[Mention]]
    raw: str = ""
    quoted: list[Mention] | None = None  # groups named in what the author quoted, once looked up


class Detector:
    """Sign-up detector for one co-op's groups, built once and reused."""

    def __init__(self, groups: Sequence[GroupRef], *, languages: Sequence[str] | None = None,
                 lang_dir: Path | None = None) -> None:
        self._lex = Lexicon(discover(lang_dir or DEFAULT_LANG_DIR, languages))
        self._index = GroupIndex(groups, self._lex)
        log.debug("detector ready: groups=%d languages=%s", len(groups), ",".join(self._lex.codes))

    @property
    def languages(self) -> tuple[str, ...]:
        return self._lex.codes

    def detect(self, raw: str) -> Decision:
        """Classify one raw Discourse post (markdown) by its author's own words."""
        texts = sentences(bounded(own_words(raw), OWN_TEXT_LIMIT))
        # one translate for the whole post: sentences hold no newline and folding keeps lengths
        joined = fold("\n".join(texts))
        folded = joined.split("\n") if texts else []
        words = words_of_lines(joined) if texts else []
        language = self._lex.language_of(islice(chain.from_iterable(words), _LANGUAGE_SAMPLE))
        post = _Post(texts, folded, [[] for _ in texts], [[] for _ in texts], {}, raw)
        index = self._lex.cues_with_answers if has_quote(raw) else self._lex.cues
        cues: list[_Cue] = []
        for i, w in enumerate(words):
            # most sentences hold a candidate cue that does not match: find that out
            # without setting up the per-clause checks
            if (ids := index.candidates_of(w)) and (found := self._matching(post, i, index.cues, ids, w)):
                cues.extend(self._cues(post, i, *found))
        if not cues:
            return Decision("none", (), _SURE_NONE, "", language)
        return self._decide(post, cues, language)

    # --- cues ---------------------------------------------------------------

    def _clauses(self, text: str) -> Iterator[tuple[int, int]]:
        start = 0
        for sep in self._lex.clause_break.finditer(text):
            if sep.start() > start:
                yield start, sep.start()
            start = sep.end()
        if start < len(text):
            yield start, len(text)

    def _matching(self, post: _Post, i: int, known: Sequence[Cue], ids: tuple[int, ...],
                  words: list[str]) -> tuple[dict[str, list[re.Pattern[str]]], list[tuple[int, int]] | None] | None:
        """The candidate cues that match the sentence (or, for \\A cues, one of its clauses), by kind."""
        sentence = post.folded[i]
        lex = self._lex
        by_kind: dict[str, list[re.Pattern[str]]] = {}
        clauses: list[tuple[int, int]] | None = None
        # a later clause starts after punctuation or a contrast word; most sentences have neither
        split = None
        for k in ids:
            cue = known[k]
            found = cue.regex.search(sentence) is not None
            if not found and cue.anchored:
                if split is None:
                    split = not _CLAUSE_MARKS.isdisjoint(sentence) or not lex.clause_words.isdisjoint(words)
                if split:
                    if clauses is None:
                        clauses = list(self._clauses(sentence))
                    found = any(cue.regex.match(sentence[cs:ce]) for cs, ce in clauses[1:])
            if found:
                by_kind.setdefault(cue.kind, []).append(cue.regex)
        return (by_kind, clauses) if by_kind else None

    def _cues(self, post: _Post, i: int, by_kind: dict[str, list[re.Pattern[str]]],
              clauses: list[tuple[int, int]] | None) -> Iterator[_Cue]:
        sentence = post.folded[i]
        lex = self._lex
        acknowledged = self._acknowledged(post, i) or self._ironic(post, i)
        post.clauses[i] = clauses if clauses is not None else list(self._clauses(sentence))
        for cs, ce in post.clauses[i]:
            clause = sentence[cs:ce]
            for kind, regexes in by_kind.items():
                intent: Intent = "join" if kind.startswith("join") else "leave"
                if intent == "join" and acknowledged:
                    continue
                matches = sorted((m for rx in regexes for m in rx.finditer(clause)), key=lambda m: m.start())
                for match in matches[:_MATCHES_PER_CLAUSE]:
                    # a sentence that opens with the cue has dropped its subject:
                    # the author's own "Stepping down from X", "Tar en paus från X"
                    opening = cs == 0 and _WORD_START.search(clause, 0, match.start()) is None
                    reason = self._blocked(intent, clause, match, opening=opening)
                    if not reason and cs > 0 and not lex.first_person.search(clause, 0, match.end()) \
                            and self._someone_else_before(sentence, cs):
                        reason = "third party"  # "Sønnen min (14) har lyst til å være med i X"
                    if reason == "negation":
                        post.negated[i].append((cs, ce))
                    if reason:
                        continue
                    everything = intent == "leave" and lex.all_groups.search(clause) is not None
                    subjectless = opening and not lex.first_person.search(clause, 0, match.end())
                    yield _Cue(intent, kind.split("/")[1], i, (cs, ce),
                               (cs + match.start(), cs + match.end()), everything, subjectless)
                    break

    def _acknowledged(self, post: _Post, i: int) -> bool:
        """Driver speech ("welcome", "I'll add you"), unless the word is a group's name."""
        spans = [m.span() for m in self._lex.acknowledgement.finditer(post.folded[i])]
        if not spans:
            return False
        names = sorted((m.start, m.end) for m in self._mentions(post, i))
        starts = [start for start, _ in names]
        reach = list(accumulate((end for _, end in names), max))  # furthest end so far
        # a span is a group's name if some name starts before it ends and ends after it
        # starts; bisection keeps a sentence full of greetings and names linear
        return any((k := bisect_left(starts, b)) == 0 or reach[k - 1] <= a for a, b in spans)

    def _someone_else_before(self, sentence: str, end: int) -> bool:
        """A subjectless clause continues an earlier one: is that one about somebody else?"""
        lex = self._lex
        third = None
        for third in lex.third_party.finditer(sentence, 0, end):
            pass
        return (third is not None and lex.first_person.search(sentence, third.end(), end) is None
                and lex.inclusive.search(sentence, 0, end) is None)

    def _ironic(self, post: _Post, i: int) -> bool:
        """A sign-up in jest: an eye-roll or "/s" in the sentence, and either a
        mock-agreeing opener ("Oh sure,", "Ja da,") or a disclaimer right after
        ("Seriously though", "Neida."). An emoji alone may be self-mockery."""
        lex, folded = self._lex, post.folded[i]
        following = post.folded[i + 1] if i + 1 < len(post.folded) else ""
        if lex.irony_tag.search(folded) or lex.irony_tag.match(following):
            return True  # "... so I can unblock the drain every week. /s"
        opener = lex.irony_opener.match(folded, len(folded) - len(folded.lstrip())) is not None
        if opener and any(lex.irony_disclaimer.match(f) for f in post.folded[i + 1:i + 3]):
            return True  # "Yeah sure, sign me right up… lol. No thanks."
        marker = lex.irony.search(folded)
        if marker is None:
            return False
        if opener:
            return True
        if folded[marker.end():].strip():  # "🙄 Seriously though" in the same sentence
            return lex.irony_disclaimer.match(folded, marker.end()) is not None
        return lex.irony_disclaimer.match(following) is not None

    def _blocked(self, intent: str, clause: str, match: re.Match[str], *, opening: bool = False) -> str:
        """Why this cue does not speak for the author ("" when it does)."""
        lex = self._lex
        start, end = match.span()
        # a join cue may carry its own "not" ("ik kan niet meedoen"); a leave cue
        # may be negative by nature ("won't be continuing with"), so look before it
        reach = end if intent == "join" else start
        # a "not" in an earlier comma piece is about something else: "No experience
        # at all, I'd love to help" (the clause break only splits at "but" & co.)
        floor = max(clause.rfind(",", 0, start + 1) + 1, start - _NEGATION_REACH, 0)
        if lex.negation.search(clause, floor, reach):
            return "negation"
        third = None
        for third in lex.third_party.finditer(clause, 0, end):
            pass
        if third and not lex.inclusive.search(clause) and not lex.first_person.search(clause, third.end(), end):
            return "third party"
        if lex.non_group_object.match(clause, end):
            return "not a group"  # "join the call", "walk out of the room"
        if intent == "leave":
            if not opening and not lex.first_person.search(clause, 0, end):
                return "not the author"  # "Kim dropped out of Events"
            return "role" if lex.role.match(clause, end) else ""
        if lex.thanks.search(clause):
            return "thanks"
        # "I used to do procurement and would like to help": the past stays in its conjunct
        since = 0
        for since_match in lex.conjunction.finditer(clause, 0, end):
            if since_match.end() <= start:  # searched up to `end`: its lookahead needs the cue
                since = since_match.end()
        if lex.past.search(clause, since, end) or lex.already.search(clause, since, end):
            return "past"
        return ""

    # --- decision -----------------------------------------------------------

    def _decide(self, post: _Post, cues: list[_Cue], language: str) -> Decision:
        scored = [(cue, *self._resolve(post, cue)) for cue in cues]
        scored = [s for s in scored if s[2] > 0]
        if not scored:
            return Decision("none", (), 0.6, "", language)
        by_intent: dict[str, list[tuple[_Cue, list[Mention], float]]] = {}
        for item in scored:
            by_intent.setdefault(item[0].intent, []).append(item)
        intent = max(by_intent, key=lambda k: (max(s[2] for s in by_intent[k]), k == "join"))
        chosen = by_intent[intent]
        best = max(s[2] for s in chosen)
        confidence = best + 0.03 * (len(chosen) - 1)
        # "How do I join Young Savers? I study economics and would like to help": the
        # group a weak cue borrowed from its sentence does not join a sure cue's group
        if any(ms and s >= best - 0.05 for _, ms, s in chosen):
            chosen = [(c, ms if s >= best - _WEAK_BORROW else [], s) for c, ms, s in chosen]
        if len(by_intent) > 1:
            confidence -= 0.25
        mentions = sorted({(m.start + _SENTENCE_STRIDE * c.sentence, m.slug) for c, ms, _ in chosen for m in ms})
        groups: list[str] = []
        for _, slug in mentions:
            if slug not in groups:
                groups.append(slug)
        evidence = " ".join(dict.fromkeys(post.texts[c.sentence] for c, _, _ in chosen))
        return Decision(intent, tuple(groups), round(min(max(confidence, 0.05), 0.97), 3),
                        evidence, language)

    def _mentions(self, post: _Post, i: int, *, fuzzy: bool = True) -> list[Mention]:
        key = i if fuzzy else -1 - i
        if key not in post.mentions:
            post.mentions[key] = self._index.find(post.texts[i], post.folded[i], fuzzy=fuzzy)
        return post.mentions[key]

    def _retracted(self, post: _Post, cue: _Cue, *, strict: bool = False) -> bool:
        """ "I'd love to help, but I really can't": a negated clause right after.

        With a group named (`strict`) only a real withdrawal counts ("but I have
        no time"), not a caveat ("but my Swedish is not perfect", "but not on
        Mondays").
        """
        clauses = post.clauses[cue.sentence]
        folded, lex = post.folded[cue.sentence], self._lex
        comma = folded.find(",", cue.span[1], cue.clause[1])
        if comma >= 0 and self._withdrawn(folded, comma + 1, cue.clause[1], bare=True):
            return True  # "I'd love to help with Events, I can't this year though"
        later = [c for c in clauses if c[0] >= cue.clause[1]]
        if not later:
            return False
        cs, ce = later[0]
        if not strict:  # "…, which team doesn't matter to me" is a wish for any group, not a "no"
            return lex.negation.search(folded, cs, ce) is not None and lex.generic_scope.search(folded, cs, ce) is None
        return self._withdrawn(folded, cs, ce)

    def _withdrawn(self, folded: str, cs: int, ce: int, *, bare: bool = False) -> bool:
        """A real withdrawal ("I have no time"), not a caveat naming a day or meeting.

        `bare`: only a short one ("…, I can't this year"), not a caveat with an
        object ("…, tho I can't promise more than two hours a month").
        """
        lex = self._lex
        found = lex.retraction.search(folded, cs, ce)
        if found is None or (bare and len(_WORD_START.findall(folded, found.end(), ce)) > _BARE_WITHDRAWAL):
            return False
        return not any(lex.non_group_object.match(folded, m.start()) for m in _WORD_START.finditer(folded, cs, ce))

    def _resolve(self, post: _Post, cue: _Cue) -> tuple[list[Mention], float]:
        """Groups the cue is about, and the confidence that leaves (0 = drop the cue)."""
        base = _BASE[cue.kind]
        if cue.everything:
            return [], base - 0.05
        mentions = self._mentions(post, cue.sentence)
        direct = self._direct(post, cue, mentions)
        if direct is None:  # "join the garden party": an event, not the group
            return [], 0.0
        if cue.subjectless and cue.intent == "leave":
            direct = self._named_next(post.folded[cue.sentence], cue, direct)
            if not direct:
                return [], 0.0  # "Leaving now!": a subjectless goodbye must name the group
        if cue.intent == "join" and (self._retracted(post, cue, strict=True)
                                     or self._lex.counterfactual.search(post.folded[cue.sentence])):
            return [], 0.0
        if cue.kind == "direct" and not direct:
            return [], 0.0
        if direct:
            weak = all(not m.strong for m in direct)
            fuzzy = all(m.fuzzy for m in direct)
            return direct, base - 0.05 * weak - 0.3 * fuzzy
        negated = post.negated[cue.sentence]
        # "Nabokontakt og prosjektgruppa: jeg er med på begge": a plain name counts too
        both = self._lex.both.search(post.folded[cue.sentence]) is not None
        nearby = [m for m in mentions if (m.strong or (both and not m.fuzzy))
                  and not any(a <= m.start < b for a, b in negated)]
        if nearby:
            return nearby, base - 0.05 - 0.3 * all(m.fuzzy for m in nearby)
        if self._retracted(post, cue):
            return [], 0.0
        listed = self._listed(post, cue) or self._colon_list(post, cue, mentions)
        if listed:
            return listed, base - 0.1
        if self._lex.generic_scope.search(post.folded[cue.sentence]):
            return [], base - 0.08 if cue.kind == "explicit" else 0.0
        return self._borrowed(post, cue, mentions, base)

    def _direct(self, post: _Post, cue: _Cue, mentions: list[Mention]) -> list[Mention] | None:
        """Groups in the cue's own clause (None: only events such as "the garden party")."""
        cs, ce = cue.clause
        folded = post.folded[cue.sentence]
        # a fuzzy hit on the cue's own words ("stepping" ~ "Steering") names no group
        targets = [m for m in mentions
                   if cs <= m.start < ce and (m.strong or m.titled or m.start >= cue.span[0])
                   and not (m.fuzzy and cue.span[0] <= m.start < cue.span[1])]
        direct = [m for m in targets if not self._lex.object_noun.match(folded, m.end)
                  or (cue.intent == "leave" and self._lex.channel.match(folded, m.end))]
        if targets and not direct:
            return None
        # "After talking to Events I'd like to join Finance": the cue's object wins,
        # unless it is a plain word and a group was named for sure before it
        after = [m for m in direct if m.start >= cue.span[0]]
        if after and not any(m.strong for m in after) and any(m.strong for m in direct):
            return [m for m in direct if m.strong]
        return self._in_own_piece(folded, cue, self._declined(folded, cue, self._unconditioned(folded, cue, after or direct)))

    @staticmethod
    def _in_own_piece(folded: str, cue: _Cue, direct: list[Mention]) -> list[Mention]:
        """ "I'm leaving the board, I've told the nomination committee": when the cue's own
        comma piece names a group, a plain word in another piece is an aside."""
        if len(direct) < 2:
            return direct
        cs, ce = cue.clause
        a = max(folded.rfind(",", cs, cue.span[0]) + 1, cs)
        b = folded.find(",", cue.span[1], ce)
        b = ce if b < 0 else b
        own = [m for m in direct if a <= m.start < b]
        return [m for m in direct if a <= m.start < b or m.strong] if own else direct

    def _unconditioned(self, folded: str, cue: _Cue, direct: list[Mention]) -> list[Mention]:
        """ "Join X if the board needs someone": drop groups named in the condition."""
        if len(direct) < 2:
            return direct
        cond = self._lex.condition.search(folded, cue.span[1], cue.clause[1])
        if cond is None:
            return direct
        kept = [m for m in direct if m.start < cond.start()]
        return kept or direct

    @staticmethod
    def _named_next(folded: str, cue: _Cue, direct: list[Mention]) -> list[Mention]:
        """Groups right after a subjectless cue ("Moving on from X"), not a later topic."""
        end = cue.span[1]
        return [m for m in direct if end <= m.start <= end + _SUBJECTLESS_REACH and "," not in folded[end:m.start]]

    def _declined(self, folded: str, cue: _Cue, direct: list[Mention]) -> list[Mention]:
        """Drop groups turned down in their own comma piece ("X, Y is not my thing")."""
        if len(direct) < 2:
            return direct
        cs, ce = cue.clause
        kept = []
        for m in direct:
            a = max(folded.rfind(",", cs, m.start) + 1, cs)
            b = folded.find(",", m.end, ce)
            b = ce if b < 0 else b
            if a <= cue.span[0] < b or not self._lex.negation.search(folded, a, b):
                kept.append(m)
        return kept or direct

    def _listed(self, post: _Post, cue: _Cue) -> list[Mention]:
        """ "I could help with:" followed by a list: the groups the list names."""
        if not post.texts[cue.sentence].endswith(":"):
            return []
        found: list[Mention] = []
        for j in range(cue.sentence + 1, min(cue.sentence + 1 + _LIST_ITEMS, len(post.texts))):
            named = [m for m in self._mentions(post, j, fuzzy=False) if m.strong or m.titled]
            if not named:
                break
            found.extend(Mention(m.slug, m.start + _SENTENCE_STRIDE * (j - cue.sentence), m.end, True)
                         for m in named[:1])
        return found

    def _borrowed(self, post: _Post, cue: _Cue, mentions: list[Mention], base: float) -> tuple[list[Mention], float]:
        """No group in the cue's clause: a plain word elsewhere in the sentence, or the sentence before."""
        folded = post.folded[cue.sentence]
        # "Als de energiecoaches starten, doe ik graag mee"; not from a negated clause
        plain = [m for m in mentions if not self._lex.object_noun.match(folded, m.end)
                 and not any(a <= m.start < b and self._lex.negation.search(folded, a, b)
                             for a, b in post.clauses[cue.sentence])]
        if plain:
            return plain, base - 0.25
        if cue.sentence > 0:  # "The comms group needs writers. Count me in!"
            previous = post.folded[cue.sentence - 1]
            negated = [c for c in self._clauses(previous) if self._lex.negation.search(previous, *c)]
            # "…the social committee isn't for me, but the bike workshop is. Where do I sign?"
            before = [m for m in self._mentions(post, cue.sentence - 1, fuzzy=False)
                      if not any(a <= m.start < b for a, b in negated)]
            both = self._lex.both.search(folded) is not None  # "X and Y – båda två om ni behöver folk"
            around = [m for m in before if m.strong or m.titled or both]
            if around:
                return around, base - 0.22 - 0.08 * all(not m.strong for m in around)
            # "Is the rota short? I can do Thursdays."
            around = [m for m in before if not self._lex.object_noun.match(previous, m.end)]
            if around:
                return around, base - 0.3
        fragment = self._fragment_after(post, cue)
        if fragment:  # "Me too — welcome committee."
            return fragment, base - 0.1
        quoted = self._quoted(post)
        if quoted:  # "[quote]The kiosk group needs people, who can?[/quote] Me!"
            return quoted, base - 0.12
        if cue.kind == "tentative":
            return [], 0.0
        after = self._following(post, cue)
        if after:  # "Sign me up! The garden group is just my thing."
            return after, base - 0.3
        if self._lex.later_object.match(folded, cue.span[1], cue.clause[1]):
            return [], 0.0  # "Count me in for the quiz night": an event, not a group
        return [], base - 0.35

    def _colon_list(self, post: _Post, cue: _Cue, mentions: list[Mention]) -> list[Mention]:
        """ "I can give hours to whichever needs it: newsletter, tech": the list after the colon."""
        folded = post.folded[cue.sentence]
        ce = cue.clause[1]
        if not folded[ce:ce + 3].lstrip().startswith(":"):
            return []
        later = [c for c in post.clauses[cue.sentence] if c[0] >= ce]
        if not later:
            return []
        ls, le = later[0]
        return [m for m in mentions if ls <= m.start < le and not self._lex.object_noun.match(folded, m.end)]

    def _fragment_after(self, post: _Post, cue: _Cue) -> list[Mention]:
        """A short cue ("Me too") whose next sentence is only a group's name."""
        j = cue.sentence + 1
        if j >= len(post.texts) or len(_WORD_START.findall(post.folded[cue.sentence])) > _FRAGMENT_WORDS:
            return []
        folded = post.folded[j]
        both = self._lex.both.search(folded) is not None
        mentions = self._mentions(post, j, fuzzy=False)
        named = [m for m in mentions if m.strong or m.titled or both]
        if not named and len(mentions) == 1 and len(_WORDS.findall(folded)) == 1:
            named = mentions  # "Er med! (viltstell)": the next sentence is only the name
        if not named:
            return []
        # the rest is at most one word, besides fillers and "both" ("Både kranlaget och hamngruppen.")
        rest = [folded[:named[0].start], folded[named[-1].end:],
                *(folded[a.end:b.start] for a, b in zip(named, named[1:]))]
        extra = [w for w in _WORDS.findall(" ".join(rest))
                 if w not in self._lex.fillers and not self._lex.both.fullmatch(w)]
        return named if len(extra) <= 1 else []

    def _quoted(self, post: _Post) -> list[Mention]:
        """Groups a quoted call for volunteers names, for an answer that names none.

        A quote that is itself somebody's sign-up is left alone: under it, the
        author is welcoming them, not volunteering. Two groups at most, so a
        quoted list of every group does not turn "Me!" into a join of all.
        """
        if post.quoted is None:
            post.quoted = []
            if has_quote(post.raw):
                text = bounded(quoted_words(post.raw), OWN_TEXT_LIMIT)
                # a quoted call, or someone leaving (a place to take over); not a quoted sign-up
                if text.strip() and self.detect(text).intent != "join":
                    texts = sentences(text)
                    found = [m for t in texts for m in self._index.find(t, fold(t), fuzzy=False)]
                    found = [m for m in found if m.strong or m.titled] or found  # named for sure, else plainly
                    if 0 < len({m.slug for m in found}) <= 2:
                        post.quoted = list({m.slug: m for m in found}.values())
        return post.quoted

    def _following(self, post: _Post, cue: _Cue) -> list[Mention]:
        """Groups named for sure in the next sentence, when it is not a question."""
        j = cue.sentence + 1
        if j >= len(post.texts) or post.texts[j].endswith("?"):
            return []
        folded = post.folded[j]
        return [m for m in self._mentions(post, j, fuzzy=False)
                if m.strong and not self._lex.object_noun.match(folded, m.end)]

