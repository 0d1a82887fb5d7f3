"""Meeting schedules: what drivers set up, what everyone can look up.

A phrase becomes a stored series only after its next three dates were shown
(`preview`), and the first of those dates is saved as the series start, so
the stored series is exactly what was echoed. Changes (schedule, cancel,
move) are for the group's drivers and coopbot admins; cancelling or moving a
meeting also withdraws its reminders that are queued but not yet delivered,
and tells the group. Reading (`next_meeting`, `upcoming`, feeds) is open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import Config, MeetingsConfig
from bot.db import Database
from bot.errors import NotFoundError, UserFacingError
from bot.meetings import ScheduleRule, next_dates, parse_schedule
from bot.models import Group, Membership
from bot.models_meetings import MeetingException, MeetingSeries
from bot.services.groups import match_group
from bot.services.meeting_calendar import EPSILON, Occurrence, Schedules, SeriesRecord, find_group
from bot.services.meeting_feeds import build_feed
from bot.services.meeting_keys import withdraw_pending
from bot.services.meeting_notices import announce_change
from bot.services.permissions import Actor, require_driver_or_admin

log = logging.getLogger(__name__)

DEFAULT_DURATION = timedelta(hours=1)
LANGUAGES = ("en", "nb", "sv", "nl")


@dataclass(frozen=True, slots=True)
class Scheduled:
    series_id: int
    group_slug: str
    dates: tuple[datetime, ...]
    replaced: tuple[int, ...]


class MeetingService:
    def __init__(self, db: Database, clock: Clock, config: Config) -> None:
        self._db = db
        self._clock = clock
        self._config = config
        self.tz = config.organisation.timezone

    # -- parsing -------------------------------------------------------------------

    def _today(self) -> date:
        return self._clock.now().astimezone(ZoneInfo(self.tz)).date()

    def parse(self, phrase: str, *, locale: str | None = None, duration: timedelta | None = None) -> ScheduleRule:
        languages = tuple(dict.fromkeys([locale, *LANGUAGES])) if locale in LANGUAGES else LANGUAGES
        rule = parse_schedule(phrase, tz=self.tz, today=self._today(), languages=languages,
                              default_duration=duration or DEFAULT_DURATION)
        return replace(rule, duration=duration) if duration else rule

    def _anchor_group(self, session: Session, rule: ScheduleRule, group: Group) -> Group | None:
        if rule.kind != "relative":
            return None
        groups = list(session.exec(select(Group).where(Group.retired_at.is_(None))))
        anchor = match_group(rule.anchor_group or "", groups)
        if anchor is None:
            raise NotFoundError("meetings.schedule.unknown_anchor", name=(rule.anchor_group or "")[:60])
        if anchor.id == group.id:
            raise UserFacingError("meetings.schedule.self_anchor")
        return anchor

    def _dates(self, session: Session, rule: ScheduleRule, anchor: Group | None, n: int = 3) -> list[datetime]:
        schedules = Schedules.load(session, group_ids=[anchor.id]) if anchor else None
        starts = None
        if anchor is not None:
            if not any(r.rule.kind != "relative" for r in schedules.for_group(anchor.id)):
                raise UserFacingError("meetings.schedule.anchor_unscheduled", group=anchor.name)
            starts = lambda lo, hi: schedules.anchor_starts(anchor.id, lo, hi)  # noqa: E731
        dates = next_dates(rule, tz=self.tz, now=self._clock.now(), n=n, anchor=starts)
        if not dates:
            raise UserFacingError("meetings.schedule.no_dates")
        return dates

    # -- changing ------------------------------------------------------------------

    def preview(self, group: str, phrase: str, *, locale: str | None = None,
                duration: timedelta | None = None) -> list[datetime]:
        """The next three dates the phrase would give; raises AmbiguousScheduleError with options."""
        rule = self.parse(phrase, locale=locale, duration=duration)
        with self._db.session() as session:
            found = find_group(session, group)
            return self._dates(session, rule, self._anchor_group(session, rule, found))

    def schedule(self, group: str, phrase: str, actor: Actor, *, duration: timedelta | None = None,
                 place: str | None = None, source: str = "discord", locale: str | None = None) -> Scheduled:
        """Save a series. A regular rule replaces the group's current regular series;
        a one-off meeting is added beside it."""
        rule = self.parse(phrase, locale=locale, duration=duration)
        with self._db.session() as session:
            found = find_group(session, group)
            require_driver_or_admin(session, actor, found.id)
            anchor = self._anchor_group(session, rule, found)
            dates = self._dates(session, rule, anchor)
            replaced = self._replace_regular(session, found.id) if rule.kind != "once" else []
            row = self._add_series(session, found, rule, dates[0], anchor, place, source, actor.person_id)
            log.info("meetings: %s scheduled series %s for %s (%s); replaced %s", actor.label or actor.person_id,
                     row.id, found.slug, rule.kind, replaced)
            return Scheduled(row.id, found.slug, tuple(dates), tuple(replaced))

    def _add_series(self, session: Session, group: Group, rule: ScheduleRule, start: datetime,
                    anchor: Group | None, place: str | None, source: str, by: int | None) -> MeetingSeries:
        now = self._clock.now()
        row = MeetingSeries(
            group_id=group.id, rule_text=rule.text[:200], kind=rule.kind, rrule=rule.rrule,
            start_local=rule.start_local.strftime("%H:%M") if rule.start_local else None,
            rule_date=rule.date, start=start, tz=self.tz, duration_seconds=int(rule.duration.total_seconds()),
            place=(place or None) and place[:200], anchor_group_id=anchor.id if anchor else None,
            anchor_name=rule.anchor_group, offset_seconds=int(rule.offset.total_seconds()) if rule.offset else None,
            source=source, created_by_id=by, created_at=now, updated_at=now,
        )
        session.add(row)
        session.flush()
        return row

    def add_one_off(self, session: Session, group: Group, start: datetime, duration: timedelta, *,
                    place: str | None, source: str, by: int | None) -> MeetingSeries:
        """A single meeting at a known instant (a booked poll date), inside the caller's transaction."""
        local = start.astimezone(ZoneInfo(self.tz))
        rule = ScheduleRule(kind="once", rrule=None, start_local=local.time().replace(second=0, microsecond=0),
                            date=local.date(), duration=duration, anchor_group=None, offset=None,
                            text=f"{local:%Y-%m-%d %H:%M}")
        return self._add_series(session, group, rule, start, None, place, source, by)

    def _replace_regular(self, session: Session, group_id: int, *, source: str | None = None) -> list[int]:
        now = self._clock.now()
        query = select(MeetingSeries).where(MeetingSeries.group_id == group_id, MeetingSeries.kind != "once",
                                            MeetingSeries.cancelled_at.is_(None))
        if source is not None:
            query = query.where(MeetingSeries.source == source)
        replaced = []
        for old in session.exec(query):
            old.cancelled_at = old.updated_at = now
            withdraw_pending(session, old.id, None, now)
            replaced.append(old.id)
        session.flush()
        return replaced

    def cancel(self, group: str, actor: Actor, *, when: datetime | date | str | None = None,
               reason: str = "") -> Occurrence | None:
        """Cancel one meeting (`when`), or with `when=None` the group's whole regular series."""
        now = self._clock.now()
        with self._db.session() as session:
            found = find_group(session, group)
            require_driver_or_admin(session, actor, found.id)
            if when is None:
                if not self._replace_regular(session, found.id):
                    raise UserFacingError("meetings.cancel.nothing", group=found.name)
                return None
            record, occ = self._find(session, found, when)
            self._set_exception(session, record, occ.original_start, None, reason, actor, now)
            withdraw_pending(session, record.id, occ.start, now)
            announce_change(session, self._config, found, occ, None, now)
            return occ

    def move(self, group: str, when: datetime | date | str, new_start: datetime | str, actor: Actor,
             *, reason: str = "") -> Occurrence:
        """Move one meeting; its queued reminders are withdrawn and new ones follow the new time."""
        now = self._clock.now()
        with self._db.session() as session:
            found = find_group(session, group)
            require_driver_or_admin(session, actor, found.id)
            record, occ = self._find(session, found, when)
            target = self._new_start(new_start, occ) if isinstance(new_start, str) else new_start
            if target <= now:
                raise UserFacingError("meetings.move.in_past")
            self._set_exception(session, record, occ.original_start, target, reason, actor, now)
            withdraw_pending(session, record.id, occ.start, now)
            announce_change(session, self._config, found, occ, target, now)
            return replace(occ, start=target, end=target + record.duration, moved=True)

    def _set_exception(self, session: Session, record: SeriesRecord, original: datetime, new: datetime | None,
                       reason: str, actor: Actor, now: datetime) -> None:
        row = session.exec(select(MeetingException).where(
            MeetingException.series_id == record.id, MeetingException.original_start == original)).first()
        if row is None:
            row = MeetingException(series_id=record.id, original_start=original, created_at=now)
        series = session.get(MeetingSeries, record.id)
        series.updated_at = now  # changes the reminder plan's fingerprint
        if new is not None and new == original:  # moved back: no exception any more
            if row.id is not None:
                session.delete(row)
        else:
            row.new_start, row.reason, row.created_by_id, row.created_at = new, reason[:200], actor.person_id, now
            session.add(row)
        session.flush()

    def _find(self, session: Session, group: Group, when: datetime | date | str) -> tuple[SeriesRecord, Occurrence]:
        """The group's upcoming meeting at `when` (an instant, or a local date with one meeting)."""
        if isinstance(when, str):
            when = self._when_from_text(when)
        schedules = Schedules.load(session, group_ids=[group.id])
        if isinstance(when, datetime):
            candidates = [o for o in schedules.between(when - EPSILON, when, group_id=group.id) if o.start == when]
        else:
            zone = ZoneInfo(self.tz)
            low = datetime.combine(when, datetime.min.time(), zone).astimezone(timezone.utc)
            candidates = schedules.between(low - EPSILON, low + timedelta(days=1) - EPSILON, group_id=group.id)
            candidates = [o for o in candidates if o.start.astimezone(zone).date() == when]
        if not candidates:
            raise NotFoundError("meetings.occurrence.none", group=group.name)
        if len(candidates) > 1:
            raise UserFacingError("meetings.occurrence.several", group=group.name)
        occ = candidates[0]
        return schedules.series(occ.series_id), occ  # type: ignore[return-value]

    def _when_from_text(self, text: str) -> datetime | date:
        """An ISO date or instant (as autocomplete sends), or any date phrase the parser reads."""
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(text.strip())
        except ValueError:
            rule = self.parse(text)
            if rule.date is None:
                raise UserFacingError("meetings.occurrence.bad_date", text=text[:60]) from None
            return rule.date
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=ZoneInfo(self.tz))
        return parsed.astimezone(timezone.utc)

    def _new_start(self, text: str, occ: Occurrence) -> datetime:
        try:
            parsed = datetime.fromisoformat(text.strip())
            return (parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(self.tz))).astimezone(timezone.utc)
        except ValueError:
            pass
        rule = self.parse(text)
        if rule.kind == "relative":
            raise UserFacingError("meetings.move.bad_time", text=text[:60])
        if rule.start_local is None:
            rule = replace(rule, start_local=occ.start.astimezone(ZoneInfo(self.tz)).time())
        dates = next_dates(rule, tz=self.tz, now=self._clock.now(), n=1)
        if not dates:
            raise UserFacingError("meetings.move.in_past")
        return dates[0]

    # -- config --------------------------------------------------------------------

    def sync_from_config(self) -> list[str]:
        """Give each group the series its `[groups.meetings] schedule` names.

        Only a changed phrase (or place) acts: the group's regular series, from
        config or a driver, is replaced by the new one. An unchanged phrase
        leaves alone whatever a driver scheduled since; removing the phrase
        ends the config series. Relative rules go last so their anchors exist.
        Returns the slugs changed; a phrase that cannot be used is logged and
        skipped (`coopbot check-config` is where phrases are first checked).
        """
        changed = []
        with self._db.session() as session:
            groups = {g.slug: g for g in session.exec(select(Group).where(Group.retired_at.is_(None)))}
            todo: list[tuple[Group, MeetingsConfig, ScheduleRule]] = []
            for config in self._config.groups:
                group = groups.get(config.slug)
                if group is None:
                    continue
                if not config.meetings.schedule:
                    if self._replace_regular(session, group.id, source="config"):
                        changed.append(group.slug)
                elif self._config_changed(session, group, config.meetings):
                    rule = self._config_rule(group, config.meetings)
                    if rule is not None:
                        todo.append((group, config.meetings, rule))
            todo.sort(key=lambda item: item[2].kind == "relative")
            for group, meetings, rule in todo:
                if self._sync_one(session, group, meetings, rule):
                    changed.append(group.slug)
        if changed:
            log.info("meetings: schedules from config changed for %s", changed)
        return changed

    def _config_changed(self, session: Session, group: Group, meetings: MeetingsConfig) -> bool:
        latest = session.exec(select(MeetingSeries).where(
            MeetingSeries.group_id == group.id, MeetingSeries.source == "config").order_by(
            MeetingSeries.id.desc())).first()
        return latest is None or (latest.rule_text, latest.place) != (meetings.schedule, meetings.place)

    def _config_rule(self, group: Group, meetings: MeetingsConfig) -> ScheduleRule | None:
        try:
            return self.parse(meetings.schedule or "", duration=meetings.duration)
        except UserFacingError as exc:
            log.error("meetings: group %s: schedule %r from config not understood: %s %s", group.slug,
                      meetings.schedule, exc.key, exc.params)
            return None

    def _sync_one(self, session: Session, group: Group, meetings: MeetingsConfig, rule: ScheduleRule) -> bool:
        try:
            anchor = self._anchor_group(session, rule, group)
            dates = self._dates(session, rule, anchor)
        except UserFacingError as exc:
            log.error("meetings: group %s: schedule %r from config not used: %s %s", group.slug,
                      meetings.schedule, exc.key, exc.params)
            return False
        if rule.kind != "once":
            self._replace_regular(session, group.id)
        self._add_series(session, group, rule, dates[0], anchor, meetings.place, "config", None)
        return True

    # -- reading -------------------------------------------------------------------

    def next_meeting(self, group_slug: str) -> datetime | None:
        """The group's next meeting start (what /groups shows), or None."""
        with self._db.session() as session:
            group = session.exec(select(Group).where(Group.slug == group_slug)).first()
            if group is None or group.retired_at is not None:
                return None
            found = Schedules.load(session, group_ids=[group.id]).next_after(self._clock.now(), group_id=group.id)
            return found.start if found else None

    def upcoming(self, days: int = 30, *, group: str | None = None) -> list[Occurrence]:
        now = self._clock.now()
        with self._db.session() as session:
            group_id = find_group(session, group).id if group else None
            schedules = Schedules.load(session, group_ids=[group_id] if group_id else None)
            return schedules.between(now, now + timedelta(days=days), group_id=group_id)

    def set_reminders(self, group: str, actor: Actor, on: bool) -> str:
        """`/meeting remind on|off`: reminder DMs for one's own memberships; returns the group name."""
        with self._db.session() as session:
            found = find_group(session, group)
            rows = list(session.exec(select(Membership).where(
                Membership.group_id == found.id, Membership.person_id == actor.person_id,
                Membership.ended_at.is_(None))))
            if actor.person_id is None or not rows:
                raise UserFacingError("meetings.remind.not_member", group=found.name)
            for row in rows:
                row.meeting_reminders = on
            log.info("meetings: person %s turned reminders %s for %s", actor.person_id, "on" if on else "off",
                     found.slug)
            return found.name

    def feed(self, slug: str | None) -> bytes | None:
        """iCalendar bytes for one group (None: all); None for an unknown or retired group."""
        with self._db.session() as session:
            return build_feed(session, self._config, slug, self._clock.now())

    def series_of(self, group: str) -> list[MeetingSeries]:
        with self._db.session() as session:
            found = find_group(session, group)
            return list(session.exec(select(MeetingSeries).where(
                MeetingSeries.group_id == found.id, MeetingSeries.cancelled_at.is_(None)).order_by(MeetingSeries.id)))
