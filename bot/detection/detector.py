"""Decide whether a forum reply's author wants to join or leave working groups.

The decision is made clause by clause: a clause counts when it holds a
first-person join/leave cue that is not negated, not about somebody else, not
thanks for an earlier sign-up and not a role change. Groups come from the cue's
own clause, else its sentence, else the neighbouring sentences ("Count me in!"
after "The comms group needs writers."; see `resolution`). Everything is compiled
in __init__; `detect` is pure and does no I/O.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate, chain, islice
from pathlib import Path

from bot.detection.decision import Decision, GroupRef, Intent
from bot.detection.folding import fold
from bot.detection.cues import Cue, words_of_lines
from bot.detection.lexicon import DEFAULT_LANG_DIR, Lexicon, discover
from bot.detection.markup import bounded, has_quote, own_words, sentences
from bot.detection.mentions import GroupIndex, Mention
from bot.detection.reading import OWN_TEXT_LIMIT, SENTENCE_STRIDE, WORD_START, CueHit, PostReading, clauses_of
from bot.detection.resolution import GroupResolver
from bot.detection.wordmodel import WordModel, load_word_model

log = logging.getLogger(__name__)

_NEGATION_REACH = 60  # characters before a cue that a "not" still governs
_SURE_NONE = 0.9
_LANGUAGE_SAMPLE = 2000  # words; plenty to tell four languages apart
# Each cue match is checked against its whole clause (negation, third party,
# thanks...), so a clause repeating a blocked cue would cost matches x length.
# Real clauses hold one or two matches of a kind; the rest are not looked at.
_MATCHES_PER_CLAUSE = 8
_CLAUSE_MARKS = frozenset(";:(),")
# answers to a call and conditional offers name a task or a time after the cue
# ("I can do Tuesdays", "…, kan jeg ta oppvasken"), not something other than the group
_TASK_AFTER = frozenset({"join/answer", "join/offer"})
_WEAK_BORROW = 0.2  # a cue this much less sure than the best one adds no groups of its own
_MODEL_SURE = 0.7  # the word model speaks when it is this sure
_MODEL_CONFIDENCE = 0.5  # below LOW_CONFIDENCE: a driver checks every verdict of the model
_ASKED_CHARS = 40  # a group's name asked back ("Trädgårdsgruppen?") before a short answer


def read_words(raw: str) -> tuple[list[str], list[str], list[list[str]]]:
    """A post's own sentences, folded, and the folded words of each (what the rules
    and the word model read; the model's trainer reads posts the same way)."""
    texts = sentences(bounded(own_words(raw), OWN_TEXT_LIMIT))
    if not texts:
        return texts, [], []
    # one translate for the whole post: sentences hold no newline and folding keeps lengths
    joined = fold("\n".join(texts))
    return texts, joined.split("\n"), words_of_lines(joined)


def _asked(text: str) -> bool:
    """A short question or heading, which the next sentence may answer: "Garden? Yes, me!"."""
    return len(text) <= _ASKED_CHARS and text[-1] in "?:." and text.count(" ") < 3


class Detector:
    """Sign-up detector for one co-op's groups, built once and reused."""

    def __init__(self, groups: Sequence[GroupRef], *, languages: Sequence[str] | None = None,
                 lang_dir: Path | None = None, word_model: WordModel | None | bool = True) -> None:
        """`word_model`: True for the shipped one (learnt from all four shipped languages, so
        only with the default language set), a model of one's own, or False/None for rules only."""
        self._lex = Lexicon(discover(lang_dir or DEFAULT_LANG_DIR, languages))
        shipped = word_model is True and languages is None and lang_dir is None
        self._words = load_word_model() if shipped else (word_model if isinstance(word_model, WordModel) else None)
        self._index = GroupIndex(groups, self._lex)
        self._resolver = GroupResolver(self._lex, self._index, lambda text: self.detect(text).intent == "join")
        log.debug("detector ready: groups=%d languages=%s", len(groups), ",".join(self._lex.codes))

    @property
    def languages(self) -> tuple[str, ...]:
        return self._lex.codes

    def detect(self, raw: str) -> Decision:
        """Classify one raw Discourse post (markdown) by its author's own words."""
        texts, folded, words = read_words(raw)
        vocabulary = set(islice(chain.from_iterable(words), _LANGUAGE_SAMPLE))
        language = self._lex.language_of(vocabulary)
        post = PostReading(texts, folded, [[] for _ in texts], [[] for _ in texts], {}, raw,
                           self._lex.first_person_of(language))
        # answers ("Me!") need something to answer: a quote, or a short question just before
        quoting = has_quote(raw)
        cues: list[CueHit] = []
        seen_cue = False
        for i, w in enumerate(words):
            index = self._lex.cues_with_answers if quoting or (i and _asked(texts[i - 1])) else self._lex.cues
            # most sentences hold a candidate cue that does not match: find that out
            # without setting up the per-clause checks
            if (ids := index.candidates_of(w)) and (found := self._matching(post, i, index.cues, ids, w)):
                seen_cue = True
                cues.extend(self._cues(post, i, *found))
        decision = self._decide(post, cues, language) if cues else None
        if decision is None or decision.intent == "none":
            return (self._second_opinion(post, words, vocabulary, language, seen_cue)
                    or decision or Decision("none", (), _SURE_NONE, "", language))
        return decision

    def _second_opinion(self, post: PostReading, words: list[list[str]], vocabulary: set[str],
                        language: str, seen_cue: bool) -> Decision | None:
        """The word model's verdict where no cue matched at all, always low confidence.

        A cue that matched and was turned down (negated, somebody else's, in jest)
        is a reason the rules know better; a post in none of the configured
        languages is not the model's to judge.
        """
        model = self._words
        if model is None or not words or seen_cue or language == "und":
            return None
        p_join, p_leave = model.probabilities(vocabulary)
        if p_join > _MODEL_SURE:
            intent: Intent = "join"
        elif p_leave > _MODEL_SURE:
            intent = "leave"
        else:
            return None
        best = max(range(len(words)), key=lambda i: model.weight(words[i], intent))
        if self._model_blocked(post, best, intent):
            return None
        groups = self._model_groups(post, best)
        if not groups and (intent == "leave" or not self._lex.generic_scope.search(post.folded[best])):
            return None  # "Me too, what a lovely evening": a sign-up names a group or says "anywhere"
        confidence = _MODEL_CONFIDENCE + 0.1 * (max(p_join, p_leave) - _MODEL_SURE)
        log.debug("word model: %s p=%.2f words=%s", intent, max(p_join, p_leave),
                  ",".join(model.strongest(words[best], intent)))
        return Decision(intent, groups, round(confidence, 3), post.texts[best], language)

    def _model_blocked(self, post: PostReading, i: int, intent: Intent) -> bool:
        """What the rules know a sign-up is not, checked on the sentence the model chose:
        somebody else's wish, driver speech, jest, thanks; for a join also a "not", the
        past, a counterfactual or a withdrawal in the next sentence."""
        lex, folded = self._lex, post.folded[i]
        if (self._someone_else(folded, len(folded), post.first_person) or lex.thanks.search(folded)
                or lex.inquiry.search(folded)):
            return True
        if self._acknowledged(post, i) or self._ironic(post, i):
            return True
        if intent != "join":
            return False
        following = post.folded[i + 1] if i + 1 < len(post.folded) else ""
        return (any(rx.search(folded) for rx in (lex.negation, lex.past, lex.already, lex.counterfactual))
                or any(lex.retraction.search(text) for text in (folded, following)))

    def _model_groups(self, post: PostReading, best: int) -> tuple[str, ...]:
        """Groups named for sure in the sentence that carried the verdict, else anywhere."""
        for where in ([best], range(len(post.texts))):
            slugs = [m.slug for i in where for m in self._resolver.mentions(post, i) if not m.fuzzy]
            if slugs:
                return tuple(dict.fromkeys(slugs))
        return ()

    # --- cues ---------------------------------------------------------------

    def _clauses(self, text: str) -> Iterator[tuple[int, int]]:
        return clauses_of(self._lex.clause_break, text)

    def _matching(self, post: PostReading, i: int, known: Sequence[Cue], ids: tuple[int, ...],
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

    def _cues(self, post: PostReading, i: int, by_kind: dict[str, list[re.Pattern[str]]],
              clauses: list[tuple[int, int]] | None) -> Iterator[CueHit]:
        sentence = post.folded[i]
        acknowledged = None  # looked at once, and only for a join cue
        post.clauses[i] = clauses if clauses is not None else list(self._clauses(sentence))
        for kind, regexes in by_kind.items():
            if kind.startswith("join"):
                if acknowledged is None:
                    acknowledged = self._acknowledged(post, i) or self._ironic(post, i)
                if acknowledged:
                    continue
            # an offer spans its condition and itself: "Dersom X trenger en, så setter jeg av…"
            spans = [(0, len(sentence))] if kind == "join/offer" else post.clauses[i]
            for cs, ce in spans:
                hit = self._hit(post, i, kind, regexes, (cs, ce), post.first_person)
                if hit is not None:
                    yield hit

    def _hit(self, post: PostReading, i: int, kind: str, regexes: list[re.Pattern[str]],
             span: tuple[int, int], me: re.Pattern[str]) -> CueHit | None:
        """The first match of a kind in a clause that speaks for the author."""
        sentence, lex = post.folded[i], self._lex
        cs, ce = span
        clause = sentence[cs:ce]
        intent: Intent = "join" if kind.startswith("join") else "leave"
        matches = sorted((m for rx in regexes for m in rx.finditer(clause)), key=lambda m: m.start())
        for match in matches[:_MATCHES_PER_CLAUSE]:
            # a sentence that opens with the cue has dropped its subject:
            # the author's own "Stepping down from X", "Tar en paus från X"
            opening = cs == 0 and WORD_START.search(clause, 0, match.start()) is None
            reason = self._blocked(intent, clause, match, me, opening=opening, task_after=kind in _TASK_AFTER,
                                   explicit=kind == "join/explicit")
            if reason == "not a group" and self._object_names_group(post, i, cs, clause, match.end()):
                reason = ""
            if reason == "role" and self._role_is_group(post, i, cs, clause, match.end()):
                reason = ""
            earlier = sentence[:cs]
            # a subjectless later clause keeps the earlier one's subject: "Sønnen min (14) har
            # lyst til å være med i X"; "Jag stannar i X men går ur Y"
            if cs > 0 and not me.search(clause, 0, match.end()):
                if not reason and self._someone_else(earlier, cs, me):
                    reason = "third party"
                elif reason == "not the author" and me.search(earlier) and not self._someone_else(earlier, cs, me):
                    reason = ""
            if reason == "negation":
                post.negated[i].append((cs, ce))
            if reason:
                continue
            everything = intent == "leave" and lex.all_groups.search(clause) is not None
            subjectless = opening and not me.search(clause, 0, match.end())
            return CueHit(intent, kind.split("/")[1], i, (cs, ce),
                          (cs + match.start(), cs + match.end()), everything, subjectless)
        return None

    def _object_names_group(self, post: PostReading, i: int, cs: int, clause: str, end: int) -> bool:
        """The seeming object belongs to a group's name: the word before the day is
        one ("meld meg på verkstedet tirsdager"), or a name runs on from the object
        ("the children's film club") or starts right after it ("take me off the
        Saturday kennel rota"). A name that is the object itself ("på dugnaden på
        lørdag") is an event, not the group."""
        found = self._lex.non_group_object.match(clause, end)
        if found is None:
            return False
        tail = clause[found.end():]
        a, b = cs + found.start(), cs + found.end()
        after = b + len(tail) - len(tail.lstrip())
        first = (cs + found.start(1), cs + found.end(1)) if found.start(1) >= 0 else (b, b)
        return any(not m.fuzzy and (first[0] <= m.start < first[1] or (a <= m.start <= after and m.end > b))
                   for m in self._resolver.mentions(post, i))

    def _role_is_group(self, post: PostReading, i: int, cs: int, clause: str, end: int) -> bool:
        """ "Slutter som klassekontakt", "stepping down as Y5 class rep": the role is itself
        a group's name (a class label such as "Y5" may stand before it), not "as chair OF X"."""
        role = self._lex.role.match(clause, end)
        if role is None:
            return False
        b = role.end() + 1
        if any(c.isdigit() for c in clause[role.end() - 3:role.end()]):  # "as 4B class rep"
            b = clause.find(" ", role.end() + 1) + 1 or b
        # a near miss counts: the role is often the singular of a plural name ("som språkvenn")
        return any(cs + end <= m.start <= cs + b for m in self._resolver.mentions(post, i))

    def _acknowledged(self, post: PostReading, i: int) -> bool:
        """Driver speech ("welcome", "I'll add you"), unless the word is a group's name."""
        spans = [m.span() for m in self._lex.acknowledgement.finditer(post.folded[i])]
        if not spans:
            return False
        names = sorted((m.start, m.end) for m in self._resolver.mentions(post, i))
        starts = [start for start, _ in names]
        reach = list(accumulate((end for _, end in names), max))  # furthest end so far
        # a span is a group's name if some name starts before it ends and ends after it
        # starts; bisection keeps a sentence full of greetings and names linear
        return any((k := bisect_left(starts, b)) == 0 or reach[k - 1] <= a for a, b in spans)

    def _someone_else(self, text: str, end: int, me: re.Pattern[str]) -> bool:
        """The last subject before `end` is somebody else ("my partner would love to…"),
        with no "I" after it and no "me and my…" anywhere."""
        lex = self._lex
        third = None
        for third in lex.third_party.finditer(text, 0, end):
            pass
        return (third is not None and lex.inclusive.search(text) is None
                and me.search(text, third.end(), end) is None)

    def _ironic(self, post: PostReading, i: int) -> bool:
        """A sign-up in jest: an eye-roll or "/s" in the sentence, and either a
        mock-agreeing opener ("Oh sure,", "Ja da,") or a disclaimer right after
        ("Seriously though", "Neida."); or a flat refusal in the next sentences
        ("Hard pass."). An emoji alone may be self-mockery."""
        lex, folded = self._lex, post.folded[i]
        following = post.folded[i + 1] if i + 1 < len(post.folded) else ""
        if lex.irony_tag.search(folded) or lex.irony_tag.match(following):
            return True  # "... so I can unblock the drain every week. /s"
        opener = lex.irony_opener.match(folded, len(folded) - len(folded.lstrip())) is not None
        if opener and any(lex.irony_disclaimer.match(f) for f in post.folded[i + 1:i + 3]):
            return True  # "Yeah sure, sign me right up… lol. No thanks."
        if any(lex.refusal.match(f) for f in post.folded[i + 1:i + 3]):
            return True  # "…and get shouted at every September. Hard pass."
        if opener and lex.irony.search(following):
            return True  # "Ja da, jeg melder meg på IT-gruppa. Fikk ikke engang logget inn 🙄"
        marker = lex.irony.search(folded)
        if marker is None:
            return False
        if opener:
            return True
        if folded[marker.end():].strip():  # "🙄 Seriously though" in the same sentence
            return lex.irony_disclaimer.match(folded, marker.end()) is not None
        return lex.irony_disclaimer.match(following) is not None

    def _blocked(self, intent: str, clause: str, match: re.Match[str], me: re.Pattern[str], *,
                 opening: bool = False, task_after: bool = False, explicit: bool = False) -> str:
        """Why this cue does not speak for the author ("" when it does).

        `task_after`: an answer to a call ("I can do Tuesdays") or a conditional
        offer names a day or a task after the cue, so it is not checked for a
        non-group object; an offer's own words hold its first person and its
        condition may be about somebody else ("if you need someone, I can…").
        `explicit`: after a sure cue a day is when, not what ("count me in for
        Saturdays"); after a hedged one it is scheduling ("Tuesday works for me").
        """
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
        if not task_after and self._someone_else(clause, end, me):
            return "third party"
        thing = None if task_after else (lex.event_object if explicit else lex.non_group_object).match(clause, end)
        # "join the call", "walk out of the room"; but leaving a group's chat or list is leaving it
        if thing is not None and not (intent == "leave" and lex.channel.search(thing.group())):
            return "not a group"
        if intent == "leave":
            # the subject may follow the verb: "Efter sex år lämnar jag över…" (verb second)
            if not opening and not me.search(clause, 0, end) and not lex.inverted_subject.match(clause, end):
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

    def _decide(self, post: PostReading, cues: list[CueHit], language: str) -> Decision:
        # a join cue inside a leave cue is the leave's first words: "schrijf me uit", "melder meg ut"
        leaves: dict[int, list[tuple[int, int]]] = {}
        for c in cues:
            if c.intent == "leave":
                leaves.setdefault(c.sentence, []).append(c.span)
        cues = [c for c in cues if c.intent == "leave" or not any(
            a <= c.span[0] < b for a, b in leaves.get(c.sentence, ()))]
        scored = [(cue, *self._resolver.resolve(post, cue)) for cue in cues]
        scored = [s for s in scored if s[2] > 0]
        if not scored:
            return Decision("none", (), 0.6, "", language)
        by_intent: dict[str, list[tuple[CueHit, list[Mention], float]]] = {}
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
        mentions = sorted({(m.start + SENTENCE_STRIDE * c.sentence, m.slug) for c, ms, _ in chosen for m in ms})
        groups: list[str] = []
        for _, slug in mentions:
            if slug not in groups:
                groups.append(slug)
        evidence = " ".join(dict.fromkeys(post.texts[c.sentence] for c, _, _ in chosen))
        return Decision(intent, tuple(groups), round(min(max(confidence, 0.05), 0.97), 3),
                        evidence, language)

