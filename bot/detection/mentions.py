"""Find working groups named in a sentence: names, aliases, slugs, e-mails.

A mention is *strong* when the text itself says it is a group (a multi-word
name, a short upper-case alias, an e-mail address, a group word next to it
such as "the comms group" / "werkgroep communicatie" / "kommunikasjonsgruppa",
or a capitalised word inside the sentence). A lone lower-case single word
("policy", "arrangement", "innkjøp") is *weak*: it only counts when a sign-up
cue points at it, so everyday words never create a join on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.detection.decision import GroupRef
from bot.detection.folding import fold
from bot.detection.lexicon import Lexicon

TOKEN = re.compile(r"\w+")
_EMAIL = re.compile(r"[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}")
_MIN_FUZZY_LEN = 5
_MIN_CLIP = 4  # letters a clipped name keeps ("komm-gruppen" for Kommunikation)
# names shorter than this ("comms", "policy") are too close to everyday words
# ("commas", "police") to be matched with a typo
_MIN_TYPO_TARGET = 7
_CACHE_LIMIT = 50_000  # distinct words whose stems are remembered


@dataclass(frozen=True, slots=True)
class Mention:
    slug: str
    start: int
    end: int
    strong: bool
    fuzzy: bool = False
    titled: bool = False  # written with a capital letter, even at sentence start


class _Token(NamedTuple):  # a tuple: built for every word of a cue sentence, so cheap to make
    text: str
    start: int
    end: int
    variants: tuple[str, ...]  # the token and its stems, longest first: a fixed order keeps decisions
    # the same in every process (a set's order depends on PYTHONHASHSEED)
    grouped: bool  # carried a group suffix ("…gruppa", "…groep")


class GroupIndex:
    """Every way each configured group may be written, compiled up front."""

    def __init__(self, groups: Sequence[GroupRef], lexicon: Lexicon) -> None:
        self._lex = lexicon
        self._variants: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._typos: dict[str, str | None] = {}
        self._typo_heads: list[str] = []  # first words of multi-word names ("maintenance" crew)
        self._head_typos: dict[str, str | None] = {}
        self._inert: set[str] = set()
        self._common = frozenset().union(*lexicon.stopwords.values())
        self._cores: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._emails: dict[str, str] = {}
        self._typo_names: tuple[list[str], list[str]] = ([], [])  # single-word names, slugs
        self._short: set[tuple[tuple[str, ...], str]] = set()  # two-letter cores from "XY-group" forms
        acronyms: dict[str, str] = {}
        plain: set[tuple[tuple[str, ...], str]] = set()
        bare: set[tuple[tuple[str, ...], str]] = set()
        for group in groups:
            names = _forms(group, aliases=False)
            for form in _forms(group):
                if form.isupper() and len(form) <= 5 and form.isalnum():
                    acronyms.setdefault(form, group.slug)
                    continue
                cores = self._cores_of(form)
                if self._only_a_stop_word_left(form, cores):
                    continue  # "the van" would make every Dutch "van" (of) the Repair Van
                # the alias "party committee" does not make every "party" the group
                stripped = form not in names and self._ends_in_group_word(form)
                for core in cores:
                    # "GL-gruppen": a two-letter core is kept, but only beside a group word
                    self._add(core, group.slug, short=stripped)
                (bare if stripped and cores and len(cores[0]) == 1 else plain).update((c, group.slug) for c in cores)
            if group.email:
                address = fold(group.email.strip())
                self._emails[address] = group.slug
                # "valg@…": the mailbox name alone is often an everyday word ("valg" = election),
                # so on its own it only counts beside a group word
                for core in self._cores_of(address.split("@", 1)[0]):
                    if self._stop_word(core):
                        continue  # "van@…": the Dutch "of" beside "werkgroep" is no group
                    self._add(core, group.slug)
                    bare.add((core, group.slug))
        self._needs_word = frozenset(bare - plain) | self._short
        # a one-word name written as two words ("energy coaches" for Energiecoaches)
        self._split_heads = frozenset(n[:3] for n in self._typo_names[0])
        # "komm-gruppen", "fin-gruppa": a clipped name written with a group word
        self._clipped: dict[str, set[str]] = {}
        for first, entries in self._cores.items():
            for core, slug in entries:
                for n in range(_MIN_CLIP, len(first) - 1):
                    self._clipped.setdefault(first[:n], set()).add(slug)
        self._pairs: dict[tuple[str, str], tuple[str, bool] | None] = {}
        kept = [(n, g) for n, g in zip(*self._typo_names) if ((n,), g) not in self._needs_word]
        bare_names = [(n, g) for n, g in zip(*self._typo_names) if ((n,), g) in self._needs_word]
        self._typo_names = ([n for n, _ in kept], [g for _, g in kept])
        # "maintenence crew": a name that needs its group word may be misspelt beside it
        self._typo_bare = ([n for n, _ in bare_names], [g for _, g in bare_names])
        self._acronyms = acronyms
        self._acronym_re = (
            re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True))) + r")(?!\w)")
            if acronyms else None)

    def _add(self, core: tuple[str, ...], slug: str, *, short: bool = False) -> None:
        if len(core) == 1 and len(core[0]) < 3:
            if not short or len(core[0]) < 2:
                return
            self._short.add((core, slug))  # "it", "gl": a word of every sentence without "group"
        entries = self._cores.setdefault(core[0], [])
        if (core, slug) not in entries:
            entries.append((core, slug))
            entries.sort(key=lambda e: len(e[0]), reverse=True)
            if len(core) == 1 and len(core[0]) >= _MIN_TYPO_TARGET:
                self._typo_names[0].append(core[0])
                self._typo_names[1].append(slug)
            elif len(core) > 1 and len(core[0]) >= _MIN_TYPO_TARGET and core[0] not in self._typo_heads:
                self._typo_heads.append(core[0])

    def _stop_word(self, core: tuple[str, ...]) -> bool:
        """A name that is one stop word of some language ("van", "of"): it names nothing."""
        return len(core) == 1 and core[0] in self._common

    def _only_a_stop_word_left(self, form: str, cores: list[tuple[str, ...]]) -> bool:
        """An alias whose filler words were dropped ("the van") and left one stop word."""
        fillers = self._lex.fillers
        return any(map(self._stop_word, cores)) and any(word in fillers for word in TOKEN.findall(fold(form)))

    def _ends_in_group_word(self, form: str) -> bool:
        words = TOKEN.findall(fold(form))
        return len(words) > 1 and words[-1] in self._lex.group_words

    def _cores_of(self, form: str) -> list[tuple[str, ...]]:
        tokens = [self._token(m) for m in TOKEN.finditer(fold(form)) if m.group() not in self._lex.fillers]
        grouped = bool(tokens) and tokens[-1].grouped
        while tokens and tokens[-1].text in self._lex.group_words:
            tokens.pop()
            grouped = True
        if not tokens:
            return []
        head = tuple(t.text for t in tokens[:-1])
        last = set(tokens[-1].variants) if grouped else {tokens[-1].text}
        if head and tokens[-1].text.endswith("s") and len(tokens[-1].text) >= 4:
            last.add(tokens[-1].text[:-1])  # one of the "building reps" is a "building rep"
        return [head + (v,) for v in sorted(last)]

    def _tokens(self, folded: str, taken: list[tuple[int, int]]) -> list[_Token]:
        """The words of a sentence but fillers and e-mail addresses.

        Built for every word of every sentence a cue is checked in, so as plain
        tuples: a NamedTuple's own constructor is a Python function.
        """
        fillers, variants, new = self._lex.fillers, self._variants, tuple.__new__
        tokens = []
        for match in TOKEN.finditer(folded):
            text = match.group()
            if text in fillers or (taken and _overlaps(match.span(), taken)):
                continue
            stems, grouped = variants.get(text) or self._stems(text)
            tokens.append(new(_Token, (text, match.start(), match.end(), stems, grouped)))
        return tokens

    def _token(self, match: re.Match[str]) -> _Token:
        text = match.group()
        return _Token(text, match.start(), match.end(), *self._stems(text))

    def _stems(self, text: str) -> tuple[tuple[str, ...], bool]:
        known = self._variants.get(text)
        if known is None:
            known = self._variants_of(text)
            if len(self._variants) < _CACHE_LIMIT:
                self._variants[text] = known
        return known

    def _variants_of(self, text: str) -> tuple[tuple[str, ...], bool]:
        """The word, plus its stems without group suffix, linker or inflection.

        A stop word is only itself: "kommer" (comes) is no inflection of an alias "komm".
        """
        if text in self._common:
            return (text,), False
        variants = {text}
        grouped = False
        for suffix in self._lex.suffixes:
            if text.endswith(suffix) and len(text) - len(suffix) >= 3:
                stem = text[: -len(suffix)].rstrip("-")
                variants.add(stem)
                variants.update(stem[: -len(k)] for k in self._lex.linkers if stem.endswith(k))
                grouped = True
                break
        for ending in self._lex.inflections:
            for word in tuple(variants):
                if word.endswith(ending) and len(word) - len(ending) >= 4:
                    variants.add(word[: -len(ending)])
        return tuple(sorted(variants, key=lambda v: (-len(v), v))), grouped

    def find(self, original: str, folded: str, *, fuzzy: bool = True) -> list[Mention]:
        """Group mentions in one sentence, in order; `original` gives capitals."""
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for match in _EMAIL.finditer(folded) if "@" in folded else ():
            slug = self._email_slug(match.group())
            taken.append(match.span())
            if slug:
                found.append(Mention(slug, match.start(), match.end(), True))
        if self._acronym_re:
            for match in self._acronym_re.finditer(original):
                if not _overlaps(match.span(), taken):
                    found.append(Mention(self._acronyms[match.group(1)], match.start(), match.end(), True))
        found.extend(self._scan(self._tokens(folded, taken), original, fuzzy))
        found.sort(key=lambda m: m.start)
        return found

    def _email_slug(self, address: str) -> str | None:
        if address in self._emails:
            return self._emails[address]
        local = address.split("@", 1)[0]
        for core, slug in self._cores.get(local, []):
            if core == (local,):
                return slug
        return None

    def _scan(self, tokens: list[_Token], original: str, fuzzy: bool) -> list[Mention]:
        found: list[Mention] = []
        i = 0
        inert = self._inert
        while i < len(tokens):
            if tokens[i].text in inert:  # most words: known to start no group name
                i += 1
                continue
            hit = self._exact_at(tokens, i)
            if hit is None and fuzzy:
                hit = self._fuzzy_at(tokens, i, original)
                if hit is None:
                    self._remember_inert(tokens[i])
            if hit is None:
                i += 1
                continue
            slug, n, is_fuzzy = hit
            found.append(self._mention(tokens, i, n, slug, original, is_fuzzy))
            i += n
        return found

    def _remember_inert(self, token: _Token) -> None:
        """A word no exact or fuzzy name can start with (whatever follows it), so
        later sentences skip it at once; with fuzzy off it is skipped all the same."""
        cores = self._cores
        if (len(self._inert) < _CACHE_LIMIT and token.text not in cores
                and token.text[:3] not in self._split_heads
                and not any(v in cores for v in token.variants)
                and token.text not in self._clipped
                and not (self._typo_bare[0] and self._typo_of(token.variants, bare=True))):
            self._inert.add(token.text)

    def _exact_at(self, tokens: list[_Token], i: int) -> tuple[str, int, bool] | None:
        for variant in tokens[i].variants:
            for core, slug in self._cores.get(variant, ()):
                n = len(core)
                if i + n <= len(tokens) and all(core[k] in tokens[i + k].variants for k in range(1, n)):
                    if (core, slug) in self._needs_word and not self._beside_group_word(tokens, i, n):
                        continue
                    return slug, n, False
        return None

    def _beside_group_word(self, tokens: list[_Token], i: int, n: int) -> bool:
        words = self._lex.group_words
        return (tokens[i + n - 1].grouped or (i + n < len(tokens) and tokens[i + n].text in words)
                or (i > 0 and tokens[i - 1].text in words))

    def _typo_of(self, variants: tuple[str, ...], *, bare: bool = False) -> str | None:
        names, slugs = self._typo_bare if bare else self._typo_names
        for query in variants:  # longest first
            if len(query) < _MIN_FUZZY_LEN:
                continue
            best = process.extractOne(query, names, scorer=Levenshtein.distance, score_cutoff=_edits(query))
            # "ekonomisk" is a word made from "ekonomi", not a typo of it
            if best is not None and best[0][0] == query[0] and not query.startswith(best[0]):
                return slugs[best[2]]
        return None

    def _hyphened_to_group_word(self, tokens: list[_Token], i: int, original: str) -> bool:
        """ "komm-gruppen": written as one word with a group word, not "valg som styremedlem"."""
        return (i + 1 < len(tokens) and tokens[i + 1].text in self._lex.group_words
                and original[tokens[i].end: tokens[i + 1].start] == "-")

    def _fuzzy_at(self, tokens: list[_Token], i: int, original: str = "") -> tuple[str, int, bool] | None:
        """A typo of a group name: one token off by 1-2 edits, the rest exact."""
        token = tokens[i]
        if len(token.text) >= _MIN_FUZZY_LEN and token.text.isalpha() and token.text not in self._common:
            if token.text not in self._typos:
                slug = self._typo_of(token.variants)
                if len(self._typos) < _CACHE_LIMIT:
                    self._typos[token.text] = slug
            else:
                slug = self._typos[token.text]
            if slug:
                return slug, 1, True
            if self._typo_bare[0] and self._beside_group_word(tokens, i, 1):
                slug = self._typo_of(token.variants, bare=True)
                if slug:
                    return slug, 1, True
        clipped = self._clipped.get(token.text, ())
        if len(clipped) == 1 and self._hyphened_to_group_word(tokens, i, original):
            return next(iter(clipped)), 1, False
        if i + 1 < len(tokens) and token.text[:3] in self._split_heads:
            split = self._split_name(token, tokens[i + 1])
            if split:
                return split[0], 2, split[1]
        head = self._head_typo(token.text)  # "maintenence crew"
        for core, slug in self._cores.get(head, ()) if head else ():
            n = len(core)
            if n > 1 and i + n <= len(tokens) and all(core[k] in tokens[i + k].variants for k in range(1, n)):
                return slug, n, True
        for core, slug in self._cores.get(token.text, ()):
            n = len(core)
            if n < 2 or i + n > len(tokens):
                continue
            misses = [k for k in range(1, n) if core[k] not in tokens[i + k].variants]
            if len(misses) == 1:
                word = min(tokens[i + misses[0]].variants, key=lambda v: (abs(len(v) - len(core[misses[0]])), v))
                target = core[misses[0]]
                if len(target) >= _MIN_TYPO_TARGET and Levenshtein.distance(word, target) <= _edits(target):
                    return slug, n, True
        return None

    def _head_typo(self, text: str) -> str | None:
        """The first word of a multi-word name that `text` is a typo of, if any."""
        if text in self._head_typos:
            return self._head_typos[text]
        found = None
        if len(text) >= _MIN_TYPO_TARGET and text.isalpha() and text not in self._cores:
            best = process.extractOne(text, self._typo_heads, scorer=Levenshtein.distance, score_cutoff=_edits(text))
            found = best[0] if best is not None and best[0][0] == text[0] else None
        if len(self._head_typos) < _CACHE_LIMIT:
            self._head_typos[text] = found
        return found

    def _split_name(self, first: _Token, second: _Token) -> tuple[str, bool] | None:
        """A one-word name written as two words, maybe with a typo ("web shop", "energy coaches")."""
        key = (first.text, second.text)
        if key in self._pairs:
            return self._pairs[key]
        found: tuple[str, bool] | None = None
        if first.text.isalpha() and second.text.isalpha() and len(second.text) >= 3:
            joined = frozenset(first.text + v for v in second.variants)
            exact = next((s for v in joined for core, s in self._cores.get(v, ()) if core == (v,)), None)
            typo = None
            if exact is None and len(first.text) + len(second.text) >= _MIN_TYPO_TARGET + 1:
                typo = self._typo_of(joined)
            found = (exact, False) if exact else (typo, True) if typo else None
        if len(self._pairs) < _CACHE_LIMIT:
            self._pairs[key] = found
        return found

    def _mention(self, tokens: list[_Token], i: int, n: int, slug: str,
                 original: str, is_fuzzy: bool) -> Mention:
        words = self._lex.group_words
        start, end = tokens[i].start, tokens[i + n - 1].end
        grouped = tokens[i + n - 1].grouped
        if i + n < len(tokens) and tokens[i + n].text in words:
            grouped, end = True, tokens[i + n].end
        elif i > 0 and tokens[i - 1].text in words:
            grouped = True
        titled = original[start: start + 1].isupper()
        return Mention(slug, start, end, n > 1 or grouped or (titled and start > 0), is_fuzzy, titled)


def _edits(word: str) -> int:
    return 1 if len(word) < 8 else 2


def _forms(group: GroupRef, *, aliases: bool = True) -> list[str]:
    name = re.sub(r"\([^)]*\)", " ", group.name)  # "Legal (contracts)" is called "Legal"
    forms = [part.strip() for part in f"{group.name}/{name}".split("/") if part.strip()]
    if aliases:
        forms.extend(a.strip() for a in group.aliases if a.strip())
    forms.append(group.slug.replace("-", " ").replace("_", " "))
    return forms


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)
