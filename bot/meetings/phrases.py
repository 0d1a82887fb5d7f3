"""Reading the schedule phrases co-ops write ("fortnightly on a Monday at 11.00").

The pipeline is: bound and clean the text; take out the time of day and any
numeric date with bounded regular expressions; match the remaining words to
canonical symbols from the language files; then read the symbols as a one-off
date, a rule relative to another group's meetings, or a recurrence.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.meetings.cadence import NotUnderstood, Unclear, recurrence
from bot.meetings.dates import one_date
from bot.meetings.lexicon import Lexicon, Match, lexicon_for, tokenize
from bot.meetings.rule import AmbiguousScheduleError, ScheduleParseError, ScheduleRule
from bot.meetings.timetext import ClockSpan, TimeTextError, find_clock, find_numeric_date
from bot.meetings.wording import choice_phrase, examples, offset_phrase

log = logging.getLogger(__name__)

MAX_PHRASE_LENGTH = 200
DEFAULT_LANGUAGES = ("en", "nb", "sv", "nl")
VAGUE_WEEKS = (2, 3, 4)
OFFSET_DAYS = {"DAILY": 1, "WEEKLY": 7}
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    matches: list[Match]
    clock: ClockSpan | None
    numeric_date: date | None
    language: str
    lexicon: Lexicon

    @property
    def clock_text(self) -> str | None:
        if self.clock is None:
            return None
        end = f"-{self.clock.end:%H:%M}" if self.clock.end else ""
        return f"{self.clock.start:%H:%M}{end}"


def _clean(text: str, language: str) -> str:
    """Refuse oversized or control-laden input before any pattern sees it."""
    if len(text) > MAX_PHRASE_LENGTH:
        raise ScheduleParseError(
            "meetings.schedule.too_long", examples=examples(language), max_length=MAX_PHRASE_LENGTH
        )
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in _ALLOWED_CONTROLS:
            raise ScheduleParseError("meetings.schedule.invalid_characters", examples=examples(language))
    text = unicodedata.normalize("NFKC", text).replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.split())


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _language(matches: Sequence[Match], lexicon: Lexicon) -> str:
    votes = Counter(lang for m in matches for lang in m.languages)
    if not votes:
        return lexicon.languages[0]
    return max(lexicon.languages, key=lambda lang: (votes[lang], -lexicon.languages.index(lang)))


def _read(text: str, lexicon: Lexicon) -> _Phrase:
    fallback = lexicon.languages[0]
    try:
        found = find_numeric_date(text)
        rest = _blank(text, found[1]) if found else text
        clock = find_clock(rest, lexicon)
    except TimeTextError as e:
        raise ScheduleParseError(e.key, examples=examples(fallback), found=e.found) from None
    if clock is not None:
        rest = _blank(rest, clock.span)
    matches = lexicon.match(tokenize(rest))
    numeric_date = found[0] if found else None
    return _Phrase(text, matches, clock, numeric_date, _language(matches, lexicon), lexicon)


def parse_schedule(
    text: str,
    *,
    tz: str,
    today: date,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
    default_time: time | None = None,
    default_duration: timedelta = timedelta(hours=1),
) -> ScheduleRule:
    """Turn a phrase into a rule, or explain (in the writer's language) why not.

    ``today`` is the organisation's local date; it fills the parts a phrase
    leaves out (see ``cadence.recurrence``) and anchors the year of dates
    written without one. ``tz`` is checked here so a bad zone fails at the
    parse, not at the first reminder.
    """
    ZoneInfo(tz)
    lexicon = lexicon_for(tuple(languages))
    phrase = _read(_clean(text, lexicon.languages[0]), lexicon)
    try:
        return _interpret(phrase, today, default_time, default_duration)
    except Unclear as e:
        options = [choice_phrase(c, language=phrase.language, clock=phrase.clock_text) for c in e.choices]
        raise AmbiguousScheduleError(e.key, options=options) from None
    except NotUnderstood as e:
        log.debug("schedule phrase not understood: key=%s words=%s", e.key, e.words)
        raise ScheduleParseError(e.key, examples=examples(phrase.language), words=e.words) from None


def _interpret(
    phrase: _Phrase, today: date, default_time: time | None, default_duration: timedelta
) -> ScheduleRule:
    kinds = {m.kind for m in phrase.matches}
    clock = phrase.clock
    start_local = clock.start if clock else default_time
    duration = default_duration
    if clock is not None and clock.end is not None:
        end = datetime.combine(today, clock.end)
        begin = datetime.combine(today, clock.start)
        duration = end - begin if end > begin else end + timedelta(days=1) - begin
    common = {"start_local": start_local, "duration": duration, "text": phrase.text}
    if kinds & {"before", "after"}:
        group, offset = _relative(phrase)
        return ScheduleRule(kind="relative", rrule=None, date=None, anchor_group=group, offset=offset, **common)
    if phrase.numeric_date or kinds & {"month", "year"}:
        day = one_date(phrase.matches, numeric=phrase.numeric_date, today=today)
        return ScheduleRule(kind="once", rrule=None, date=day, anchor_group=None, offset=None, **common)
    body = recurrence(phrase.matches, today=today)
    return ScheduleRule(kind="recurring", rrule=body, date=None, anchor_group=None, offset=None, **common)


def _relative(phrase: _Phrase) -> tuple[str, timedelta]:
    """"3 weeks before the next Board meeting" -> ("Board", -21 days)."""
    matches = phrase.matches
    pivot = next(i for i, m in enumerate(matches) if m.kind in ("before", "after"))
    before = matches[pivot].kind == "before"
    group = _anchor_name(phrase, matches[pivot + 1 :])
    head = [m for m in matches[:pivot] if m.kind != "filler"]
    units = [m for m in head if m.kind == "unit"]
    if len(units) != 1 or units[0].value not in OFFSET_DAYS:
        raise NotUnderstood("meetings.schedule.offset_unit", [m.tokens[0].raw for m in head])
    amount = [m for m in head if m.kind != "unit"]
    if len(amount) == 1 and amount[0].kind == "few":
        options = [
            offset_phrase(n, before=before, group=group, language=phrase.language, clock=phrase.clock_text)
            for n in VAGUE_WEEKS
        ]
        raise AmbiguousScheduleError("meetings.schedule.vague_offset", options=options)
    if len(amount) > 1 or (amount and amount[0].kind not in ("number", "ordinal")):
        raise NotUnderstood("meetings.schedule.unparsed", [t.raw for m in amount for t in m.tokens])
    count = amount[0].value if amount else 1
    days = count * OFFSET_DAYS[units[0].value]
    return group, timedelta(days=-days if before else days)


def _anchor_name(phrase: _Phrase, tail: Sequence[Match]) -> str:
    """The other group as written, from the words before "meeting" (or a "-møte" compound)."""
    items = list(tail)
    while items and items[0].kind in ("filler", "next", "every"):
        items.pop(0)
    while items and items[-1].kind == "filler":
        items.pop()
    if items and items[-1].kind == "meeting":
        items.pop()
        name = phrase.text[items[0].tokens[0].start : items[-1].tokens[-1].end] if items else ""
    elif items and len(items[-1].tokens) == 1:
        name = _strip_meeting_suffix(items[-1].tokens[0].raw, phrase.lexicon)
        if name and len(items) > 1:
            name = phrase.text[items[0].tokens[0].start : items[-1].tokens[0].start] + name
    else:
        name = ""
    name = name.strip(" -")
    if not name:
        raise NotUnderstood("meetings.schedule.no_anchor")
    return name[:1].upper() + name[1:] if name.islower() else name


def _strip_meeting_suffix(word: str, lexicon: Lexicon) -> str:
    folded = word.casefold()
    for suffix in lexicon.meeting_suffixes:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return word[: len(word) - len(suffix)]
    return ""
