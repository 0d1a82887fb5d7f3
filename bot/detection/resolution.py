"""Which groups a found cue is about, and how sure that makes the decision.

Groups come from the cue's own clause, else its sentence, else the
neighbouring sentences ("Count me in!" after "The comms group needs
writers."), else a quoted call for volunteers. Each way is weaker than the one
before, and the confidence says so.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.detection.folding import fold
from bot.detection.lexicon import Lexicon
from bot.detection.markup import bounded, has_quote, quoted_words, sentences
from bot.detection.mentions import GroupIndex, Mention
from bot.detection.reading import OWN_TEXT_LIMIT, SENTENCE_STRIDE, WORD_START, WORDS, CueHit, PostReading, clauses_of

_BASE = {"explicit": 0.9, "tentative": 0.72, "answer": 0.72, "offer": 0.72, "direct": 0.85}  # direct: only with a group in its clause
_SUBJECTLESS_REACH = 40  # characters from a subjectless goodbye to the group it names
_BARE_WITHDRAWAL = 4  # words after "I can't" in a comma piece that still withdraw a wish
_LIST_ITEMS = 8  # list lines after "I could help with:" that may name groups
_FRAGMENT_WORDS = 4  # "Me too" / "Same here!": short enough that the next fragment is its object


class GroupResolver:
    """Finds the groups of a cue in a post, for one co-op's groups and languages."""

    def __init__(self, lex: Lexicon, index: GroupIndex, is_sign_up: Callable[[str], bool]) -> None:
        self._lex = lex
        self._index = index
        # a quoted sign-up lends its group only to an echo ("Same here!"): under it the author
        # otherwise welcomes the volunteer
        self._is_sign_up = is_sign_up

    def mentions(self, post: PostReading, i: int, *, fuzzy: bool = True) -> list[Mention]:
        key = i if fuzzy else -1 - i
        if key not in post.mentions:
            post.mentions[key] = self._index.find(post.texts[i], post.folded[i], fuzzy=fuzzy)
        return post.mentions[key]

    def _retracted(self, post: PostReading, cue: CueHit, *, strict: bool = False) -> bool:
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
        # "…, but I'm away every weekend, so it's a no from me": the reason may come first
        return any(self._withdrawn(folded, cs, ce) for cs, ce in later[:2])

    def _withdrawn(self, folded: str, cs: int, ce: int, *, bare: bool = False) -> bool:
        """A real withdrawal ("I have no time"), not a caveat naming a day or meeting.

        `bare`: only a short one ("…, I can't this year"), not a caveat with an
        object ("…, tho I can't promise more than two hours a month").
        """
        lex = self._lex
        found = lex.retraction.search(folded, cs, ce)
        if found is None or (bare and len(WORD_START.findall(folded, found.end(), ce)) > _BARE_WITHDRAWAL):
            return False
        return not any(lex.caveat.match(folded, m.start()) for m in WORD_START.finditer(folded, cs, ce))

    def resolve(self, post: PostReading, cue: CueHit) -> tuple[list[Mention], float]:
        """Groups the cue is about, and the confidence that leaves (0 = drop the cue)."""
        base = _BASE[cue.kind]
        if cue.everything:
            return [], base - 0.05
        mentions = self.mentions(post, cue.sentence)
        direct = self._direct(post, cue, mentions)
        if direct is None:  # "join the garden party": an event, not the group
            return [], 0.0
        if cue.intent == "join" and cue.kind == "direct":  # "I'd love to be a buddy": the role is the name
            direct = [m for m in direct if m.start <= cue.span[1] + 1]
        if cue.subjectless and cue.intent == "leave":
            direct = self._named_next(post.folded[cue.sentence], cue, direct)
            if not direct:
                return [], 0.0  # "Leaving now!": a subjectless goodbye must name the group
        if cue.intent == "join" and (self._retracted(post, cue, strict=True)
                                     or self._lex.counterfactual.search(post.folded[cue.sentence])):
            return [], 0.0
        if cue.kind == "direct" and not direct:
            return [], 0.0
        if cue.intent == "leave" and not direct and self._counterfactual_near(post, cue.sentence):
            return [], 0.0  # "If X met in the evenings I'd be there, but … count me out": never in X
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
            return [], base - 0.08 if cue.kind == "explicit" else base - 0.12 if cue.kind == "tentative" else 0.0
        return self._borrowed(post, cue, mentions, base)

    def _counterfactual_near(self, post: PostReading, i: int) -> bool:
        return any(self._lex.counterfactual.search(post.folded[k]) for k in (i - 1, i) if k >= 0)

    def _direct(self, post: PostReading, cue: CueHit, mentions: list[Mention]) -> list[Mention] | None:
        """Groups in the cue's own clause (None: only events such as "the garden party")."""
        cs, ce = cue.clause
        folded = post.folded[cue.sentence]
        # a fuzzy hit on the cue's own words ("stepping" ~ "Steering") names no group;
        # a plain word before the cue counts beside "both" ("X als Y, kan ik bij allebei?")
        both = self._lex.both.search(folded, cs, ce) is not None
        targets = [m for m in mentions
                   if cs <= m.start < ce and (m.strong or m.titled or m.start >= cue.span[0] or both)
                   and not (m.fuzzy and cue.span[0] <= m.start < cue.span[1])]
        direct = [m for m in targets if not self._lex.object_noun.match(folded, m.end)
                  or self._names_channel(folded, m.end, cue.intent)]
        if targets and not direct:
            return None
        # "After talking to Events I'd like to join Finance": the cue's object wins,
        # unless it is a plain word and a group was named for sure before it
        after = [m for m in direct if m.start >= cue.span[0]]
        if after and not any(m.strong for m in after) and any(m.strong for m in direct):
            return [m for m in direct if m.strong]
        kept = self._declined(folded, cue, self._unconditioned(folded, cue, after or direct))
        return self._in_own_piece(folded, cue, kept)

    def _names_channel(self, folded: str, end: int, intent: str) -> bool:
        """ "Remove me from the X chat", "add me to the X group chat": a group's channel is
        the group; but joining "the X chat on Thursday" is joining a call."""
        channel = self._lex.channel.match(folded, end)
        return channel is not None and (intent == "leave" or self._lex.caveat.match(folded, channel.end()) is None)

    @staticmethod
    def _in_own_piece(folded: str, cue: CueHit, direct: list[Mention]) -> list[Mention]:
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

    def _unconditioned(self, folded: str, cue: CueHit, direct: list[Mention]) -> list[Mention]:
        """ "Join X if the board needs someone": drop groups named in the condition."""
        if len(direct) < 2:
            return direct
        cond = self._lex.condition.search(folded, cue.span[1], cue.clause[1])
        if cond is None:
            return direct
        kept = [m for m in direct if m.start < cond.start()]
        return kept or direct

    @staticmethod
    def _named_next(folded: str, cue: CueHit, direct: list[Mention]) -> list[Mention]:
        """Groups right after a subjectless cue ("Moving on from X"), not a later topic."""
        end = cue.span[1]
        return [m for m in direct if end <= m.start <= end + _SUBJECTLESS_REACH and "," not in folded[end:m.start]]

    def _declined(self, folded: str, cue: CueHit, direct: list[Mention]) -> list[Mention]:
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

    def _listed(self, post: PostReading, cue: CueHit) -> list[Mention]:
        """ "I could help with:" followed by a list: the groups the list names."""
        if not post.texts[cue.sentence].endswith(":"):
            return []
        found: list[Mention] = []
        for j in range(cue.sentence + 1, min(cue.sentence + 1 + _LIST_ITEMS, len(post.texts))):
            named = [m for m in self.mentions(post, j, fuzzy=False) if m.strong or m.titled]
            if not named:
                break
            found.extend(Mention(m.slug, m.start + SENTENCE_STRIDE * (j - cue.sentence), m.end, True)
                         for m in named[:1])
        return found

    def _borrowed(self, post: PostReading, cue: CueHit, mentions: list[Mention],
                  base: float) -> tuple[list[Mention], float]:
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
            # ...but a leave's reason may be a "not": "I can't keep doing both X and Y. Remove me from both."
            negated = [c for c in clauses_of(self._lex.clause_break, previous)
                       if (cue.intent == "join" or cue.kind != "explicit") and self._lex.negation.search(previous, *c)]
            # "…the social committee isn't for me, but the bike workshop is. Where do I sign?"
            before = [m for m in self.mentions(post, cue.sentence - 1, fuzzy=False)
                      if not any(a <= m.start < b for a, b in negated)]
            both = self._lex.both.search(folded) is not None  # "X and Y – båda två om ni behöver folk"
            around = [m for m in before if m.strong or m.titled or both]
            if around:
                return around, base - 0.22 - 0.08 * all(not m.strong for m in around)
            # "Is the rota short? I can do Thursdays."
            around = [m for m in before if not self._lex.object_noun.match(previous, m.end)]
            if around:
                return around, base - 0.3
            # "…my spot in the X pool — I can't be on call now. Remove me from the rota.": a
            # clear leave is one whatever it names, so its group may come from one sentence further back
            if cue.intent == "leave" and cue.kind == "explicit" and cue.sentence > 1:
                further = [m for m in self.mentions(post, cue.sentence - 2, fuzzy=False) if m.strong]
                if further:
                    return further, base - 0.3
        fragment = self._fragment_after(post, cue)
        if fragment:  # "Me too — welcome committee."
            return fragment, base - 0.1
        quoted = self._quoted(post, echo=self._lex.echo.match(folded, cue.clause[0]) is not None)
        if quoted:  # "[quote]The kiosk group needs people, who can?[/quote] Me!"
            return quoted, base - 0.12
        if cue.kind in ("tentative", "answer", "offer"):
            return [], 0.0
        after = self._following(post, cue)
        if after:  # "Sign me up! The garden group is just my thing."
            return after, base - 0.3
        if self._lex.later_object.match(folded, cue.span[1], cue.clause[1]):
            return [], 0.0  # "Count me in for the quiz night": an event, not a group
        return [], base - 0.35

    def _colon_list(self, post: PostReading, cue: CueHit, mentions: list[Mention]) -> list[Mention]:
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

    def _fragment_after(self, post: PostReading, cue: CueHit) -> list[Mention]:
        """A short cue ("Me too") whose next sentence is only a group's name."""
        j = cue.sentence + 1
        if j >= len(post.texts) or len(WORD_START.findall(post.folded[cue.sentence])) > _FRAGMENT_WORDS:
            return []
        folded = post.folded[j]
        both = self._lex.both.search(folded) is not None
        mentions = self.mentions(post, j, fuzzy=False)
        named = [m for m in mentions if m.strong or m.titled or both]
        if not named and len(mentions) == 1 and len(WORDS.findall(folded)) == 1:
            named = mentions  # "Er med! (viltstell)": the next sentence is only the name
        if not named:
            return []
        # the rest is at most one word, besides fillers and "both" ("Både kranlaget och hamngruppen.")
        rest = [folded[:named[0].start], folded[named[-1].end:],
                *(folded[a.end:b.start] for a, b in zip(named, named[1:]))]
        extra = [w for w in WORDS.findall(" ".join(rest))
                 if w not in self._lex.fillers and not self._lex.both.fullmatch(w)]
        return named if len(extra) <= 1 else []

    def _quoted(self, post: PostReading, *, echo: bool = False) -> list[Mention]:
        """Groups a quoted post names, for an answer that names none.

        A quoted call lends its group to any answer ("Me!"); a quoted sign-up
        only to an echo of it ("Same here!"): under it, the author is otherwise
        welcoming the volunteer. Two groups at most, so a quoted list of every
        group does not turn "Me!" into a join of all.
        """
        if post.quoted is None:
            post.quoted = ([], False)
            if has_quote(post.raw):
                text = bounded(quoted_words(post.raw), OWN_TEXT_LIMIT)
                if text.strip():
                    texts = sentences(text)
                    found = [m for t in texts for m in self._index.find(t, fold(t), fuzzy=False)]
                    found = [m for m in found if m.strong or m.titled] or found  # named for sure, else plainly
                    if 0 < len({m.slug for m in found}) <= 2:
                        post.quoted = (list({m.slug: m for m in found}.values()), self._is_sign_up(text))
        named, sign_up = post.quoted
        return named if echo or not sign_up else []

    def _following(self, post: PostReading, cue: CueHit) -> list[Mention]:
        """Groups named for sure in the next sentence, when it is not a question."""
        j = cue.sentence + 1
        if j >= len(post.texts) or post.texts[j].endswith("?"):
            return []
        folded = post.folded[j]
        return [m for m in self.mentions(post, j, fuzzy=False)
                if m.strong and not self._lex.object_noun.match(folded, m.end)]
