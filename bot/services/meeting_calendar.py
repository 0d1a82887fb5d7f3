"""Stored series as occurrences: the one place rows become meeting dates.

`Schedules.load` reads every active series and its exceptions in two
queries; `between(low, high)` then asks the pure core for each series'
occurrences in the window, with cancellations and moves applied. Relative
series ("3 weeks before the next Board meeting") are anchored to the
*effective* meetings of the other group's non-relative series, so moving a
Board meeting moves the meeting that follows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from sqlmodel import Session, select

from bot.errors import NotFoundError
from bot.meetings import ScheduleRule, is_occurrence, occurrences
from bot.models import Group
from bot.models_meetings import MeetingException, MeetingSeries
from bot.services.groups import match_group

EPSILON = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One meeting as people see it. `original_start` identifies it; `start` is when it is."""

    series_id: int
    group_id: int
    group_slug: str
    group_name: str
    start: datetime
    end: datetime
    original_start: datetime
    place: str | None
    moved: bool
    kind: str


@dataclass(frozen=True)
class SeriesRecord:
    """A series row with its exceptions, detached from the session."""

    id: int
    group_id: int
    group_slug: str
    group_name: str
    rule: ScheduleRule
    start: datetime
    tz: str
    place: str | None
    anchor_group_id: int | None
    exdates: tuple[datetime, ...] = ()
    overrides: dict[datetime, datetime] = field(default_factory=dict)

    @property
    def duration(self) -> timedelta:
        return self.rule.duration


def rule_of(row: MeetingSeries) -> ScheduleRule:
    """The stored fields back into the pure core's rule, without re-parsing the text."""
    clock = time.fromisoformat(row.start_local) if row.start_local else None
    offset = timedelta(seconds=row.offset_seconds) if row.offset_seconds is not None else None
    return ScheduleRule(
        kind=row.kind, rrule=row.rrule, start_local=clock, date=row.rule_date,  # type: ignore[arg-type]
        duration=timedelta(seconds=row.duration_seconds), anchor_group=row.anchor_name, offset=offset,
        text=row.rule_text,
    )


def record_of(row: MeetingSeries, group: Group, exceptions: Iterable[MeetingException] = ()) -> SeriesRecord:
    exdates, overrides = [], {}
    for exc in exceptions:
        if exc.new_start is None:
            exdates.append(exc.original_start)
        else:
            overrides[exc.original_start] = exc.new_start
    return SeriesRecord(
        id=row.id, group_id=group.id, group_slug=group.slug, group_name=group.name, rule=rule_of(row),
        start=row.start, tz=row.tz, place=row.place, anchor_group_id=row.anchor_group_id,
        exdates=tuple(exdates), overrides=overrides,
    )


class Schedules:
    """A snapshot of the active series, able to list occurrences in any window."""

    def __init__(self, records: Iterable[SeriesRecord]) -> None:
        self.records = list(records)
        self._by_group: dict[int, list[SeriesRecord]] = {}
        for record in self.records:
            self._by_group.setdefault(record.group_id, []).append(record)

    @classmethod
    def load(cls, session: Session, *, group_ids: Iterable[int] | None = None) -> Schedules:
        """Active series of active groups (and, for relative ones, their anchors)."""
        query = (
            select(MeetingSeries, Group)
            .join(Group, Group.id == MeetingSeries.group_id)
            .where(MeetingSeries.cancelled_at.is_(None), Group.retired_at.is_(None))
        )
        rows = list(session.exec(query))
        if group_ids is not None:
            wanted = set(group_ids)
            wanted |= {s.anchor_group_id for s, _ in rows if s.group_id in wanted and s.anchor_group_id}
            rows = [(s, g) for s, g in rows if s.group_id in wanted]
        ids = [s.id for s, _ in rows]
        exceptions: dict[int, list[MeetingException]] = {}
        for chunk in (ids[i : i + 5000] for i in range(0, len(ids), 5000)):
            for exc in session.exec(select(MeetingException).where(MeetingException.series_id.in_(chunk))):
                exceptions.setdefault(exc.series_id, []).append(exc)
        return cls(record_of(s, g, exceptions.get(s.id, ())) for s, g in rows)

    def for_group(self, group_id: int) -> list[SeriesRecord]:
        return list(self._by_group.get(group_id, ()))

    def series(self, series_id: int) -> SeriesRecord | None:
        return next((r for r in self.records if r.id == series_id), None)

    def anchor_starts(self, group_id: int, low: datetime, high: datetime) -> list[datetime]:
        """The group's effective non-relative meeting starts t with low <= t < high."""
        starts: list[datetime] = []
        for record in self._by_group.get(group_id, ()):
            if record.rule.kind != "relative":
                starts.extend(o.start for o in self._of(record, low - EPSILON, high) if o.start < high)
        return sorted(starts)

    def between(self, low: datetime, high: datetime, *, group_id: int | None = None) -> list[Occurrence]:
        """Occurrences with low < start <= high, soonest first."""
        records = self.records if group_id is None else self._by_group.get(group_id, [])
        found = [o for record in records for o in self._of(record, low, high)]
        return sorted(found, key=lambda o: (o.start, o.group_name, o.series_id))

    def next_after(self, after: datetime, *, group_id: int) -> Occurrence | None:
        found = []
        for record in self._by_group.get(group_id, ()):
            found.extend(self._of(record, after, None, count=1))
        return min(found, key=lambda o: o.start, default=None)

    def _of(
        self, record: SeriesRecord, low: datetime, high: datetime | None, *, count: int | None = None
    ) -> list[Occurrence]:
        anchor = None
        if record.rule.kind == "relative":
            if record.anchor_group_id is None:
                return []
            anchor_id = record.anchor_group_id
            anchor = lambda lo, hi: self.anchor_starts(anchor_id, lo, hi)  # noqa: E731
        starts = occurrences(
            record.rule, tz=record.tz, start=record.start, after=low, until=high, count=count,
            anchor=anchor, exdates=record.exdates, overrides=record.overrides,
        )
        moved_from = {new: old for old, new in record.overrides.items()}
        return [self._occurrence(record, when, moved_from.get(when)) for when in starts]

    @staticmethod
    def _occurrence(record: SeriesRecord, when: datetime, original: datetime | None) -> Occurrence:
        return Occurrence(
            series_id=record.id, group_id=record.group_id, group_slug=record.group_slug,
            group_name=record.group_name, start=when, end=when + record.duration,
            original_start=original or when, place=record.place, moved=original is not None,
            kind=record.rule.kind,
        )

    def is_original(self, record: SeriesRecord, when: datetime) -> bool:
        """Whether `when` is a start the rule produces (before exceptions)."""
        anchor = None
        if record.rule.kind == "relative" and record.anchor_group_id is not None:
            anchor_id = record.anchor_group_id
            anchor = lambda lo, hi: self.anchor_starts(anchor_id, lo, hi)  # noqa: E731
        return is_occurrence(record.rule, tz=record.tz, start=record.start, when=when, anchor=anchor)


def find_group(session: Session, text: str) -> Group:
    """An active group by exact slug first, then by name, alias or a close typo."""
    groups = list(session.exec(select(Group).where(Group.retired_at.is_(None))))
    found = next((g for g in groups if g.slug == text), None) or match_group(text, groups)
    if found is None:
        raise NotFoundError("error.unknown_group", name=text[:60])
    return found
