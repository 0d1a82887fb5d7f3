"""The watch list: topics whose replies may be sign-ups.

Topics come from `[[watch]]` in the config (source "config") and from
`coopbot watch add` (source "cli"). Removing a topic deactivates it; its
history stays.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import select

from bot.clock import Clock
from bot.config import WatchConfig
from bot.db import Database
from bot.discourse.topic_ref import parse_topic_ref
from bot.errors import UserFacingError
from bot.models import WatchedTopic

log = logging.getLogger(__name__)
DEFAULT_NOTIFY_WINDOW = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class WatchInfo:
    """What ingestion needs to know about one watched topic."""

    topic_id: int
    groups: tuple[str, ...] | None
    notify_after: timedelta
    backfill_after_post_id: int
    backfilled: bool


class WatchService:
    def __init__(self, db: Database, clock: Clock, *, forum_url: str) -> None:
        self._db = db
        self._clock = clock
        self._forum_url = forum_url

    def topic_id(self, ref: str | int) -> int:
        try:
            return parse_topic_ref(ref, self._forum_url)
        except ValueError as exc:
            raise UserFacingError("watch.bad_ref", ref=str(ref)[:200], reason=str(exc)) from None

    def add(self, ref: str | int, *, groups: Sequence[str] | None = None, source: str = "cli") -> WatchedTopic:
        topic_id = self.topic_id(ref)
        with self._db.session() as session:
            row = session.exec(select(WatchedTopic).where(WatchedTopic.topic_id == topic_id)).first()
            if row is None:
                row = WatchedTopic(topic_id=topic_id, source=source, added_at=self._clock.now())
                session.add(row)
                log.info("watching topic %s (%s)", topic_id, source)
            row.active = True
            row.groups = list(groups) if groups else None
            session.flush()
            return row

    def remove(self, ref: str | int) -> bool:
        topic_id = self.topic_id(ref)
        with self._db.session() as session:
            row = session.exec(select(WatchedTopic).where(WatchedTopic.topic_id == topic_id)).first()
            if row is None or not row.active:
                return False
            row.active = False
            log.info("stopped watching topic %s", topic_id)
            return True

    def list(self, *, active_only: bool = False) -> list[WatchedTopic]:
        with self._db.session() as session:
            query = select(WatchedTopic).order_by(WatchedTopic.topic_id)
            if active_only:
                query = query.where(WatchedTopic.active.is_(True))
            return list(session.exec(query))

    def sync_config(self, watches: Sequence[WatchConfig]) -> None:
        """Make the config's [[watch]] topics active; keep CLI-added topics as they are."""
        for watch in watches:
            if watch.topic is not None:
                self.add(watch.topic, groups=watch.groups, source="config")

    def adopt(self, topic_id: int, watch: WatchConfig) -> None:
        """Watch a topic found in a watched category from its first post we see on.

        Polling reads every new post of the category, so the topic needs no
        backfill; it is marked done to keep history out.
        """
        row = self.add(topic_id, groups=watch.groups, source="category")
        if row.backfill_done_at is None:
            with self._db.session() as session:
                session.get(WatchedTopic, row.id).backfill_done_at = self._clock.now()

    def active(self, watches: Sequence[WatchConfig] = ()) -> dict[int, WatchInfo]:
        windows = {self.topic_id(w.topic): w.notify_backfill_after for w in watches if w.topic is not None}
        return {
            row.topic_id: WatchInfo(
                topic_id=row.topic_id,
                groups=tuple(row.groups) if row.groups else None,
                notify_after=windows.get(row.topic_id, DEFAULT_NOTIFY_WINDOW),
                backfill_after_post_id=row.backfill_after_post_id,
                backfilled=row.backfill_done_at is not None,
            )
            for row in self.list(active_only=True)
        }

    def mark_error(self, topic_id: int, error: str) -> None:
        with self._db.session() as session:
            row = session.exec(select(WatchedTopic).where(WatchedTopic.topic_id == topic_id)).first()
            if row is not None:
                row.last_error, row.last_error_at = error[:500], self._clock.now()
        log.warning("watched topic %s: %s", topic_id, error)

    def set_title(self, topic_id: int, title: str) -> None:
        with self._db.session() as session:
            row = session.exec(select(WatchedTopic).where(WatchedTopic.topic_id == topic_id)).first()
            if row is not None and row.title != title[:255]:
                row.title = title[:255]


def is_recent(created_at: datetime, now: datetime, window: timedelta) -> bool:
    return created_at >= now - window
