"""The polling watcher: one request per steady-state cycle, whatever the topic count.

Each cycle reads the site-wide latest posts back to the persisted cursor
(`posts_after`: one request when nothing is new, more pages only while a page
is entirely new) and keeps the posts of watched topics. The posts' effects,
the forum acknowledgements and the cursor advance commit in ONE transaction,
so a crash between fetch and commit only means the next cycle reads the same
posts again, and the ledger makes that harmless.

Edits never reappear in /posts.json (it is ordered by id). With webhooks they
arrive as `post_edited`; without, `recheck_edits` re-reads the most recent
`edit_window_posts` watched posts with batched `post_ids[]` requests.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import Config
from bot.db import Database
from bot.detection import Detector, GroupRef
from bot.discourse.errors import ForumNotFoundError, ForumResponseError
from bot.discourse.models import Post
from bot.discourse.protocol import ForumGateway
from bot.errors import PermissionDeniedError
from bot.models import ForumPost, Group, SignUp, WatchedTopic, WatcherState, WebhookEvent
from bot.services.listener import SignUpListener
from bot.services.people import PeopleService
from bot.services.signups import SignUpService
from bot.watcher.ingest import IngestResult, PostIngestor
from bot.watcher.topics import WatchInfo, WatchService

log = logging.getLogger(__name__)
CURSOR = "latest_post_id"
Progress = Callable[[int, int], None]


@dataclass
class CycleReport:
    requests: int = 0
    fetched: int = 0
    result: IngestResult = field(default_factory=IngestResult)
    cursor: int = 0


class Watcher:
    def __init__(
        self, *, db: Database, clock: Clock, config: Config, gateway: ForumGateway, watches: WatchService,
        people: PeopleService, signups: SignUpService, listener: SignUpListener,
        observer: Callable[[IngestResult], None] | None = None,
    ) -> None:
        self._db, self._clock, self._config = db, clock, config
        self.gateway = gateway
        self.watches = watches
        self._people, self._signups, self._listener = people, signups, listener
        self._acknowledge = bool(config.discourse and config.discourse.acknowledge_signups)
        self.observer = observer
        self.ingestor = self._build_ingestor()

    def _build_ingestor(self) -> PostIngestor:
        with self._db.session() as session:
            groups = session.exec(select(Group).where(Group.retired_at.is_(None))).all()
            refs = [GroupRef(g.slug, g.name, tuple(g.aliases), g.email, g.status) for g in groups]
        return PostIngestor(detector=Detector(refs), people=self._people, signups=self._signups,
                            api_username=self.gateway.api_username)

    def refresh_groups(self) -> None:
        """Rebuild the detector after the groups changed (config reload)."""
        self.ingestor = self._build_ingestor()

    def _requests(self) -> int:
        return int(getattr(self.gateway, "requests_sent", 0))

    async def poll_once(self) -> CycleReport:
        report = CycleReport()
        before = self._requests()
        cursor = await asyncio.to_thread(self._cursor)
        posts = await self.gateway.posts_after(cursor)
        report.fetched = len(posts)
        newest = max((p.id for p in posts), default=cursor)
        watched = await asyncio.to_thread(self._watched_with_categories, posts)
        relevant = [p for p in posts if p.topic_id in watched]
        report.result = await asyncio.to_thread(self._commit_batch, relevant, watched, newest, None)
        report.cursor, report.requests = newest, self._requests() - before
        if relevant:
            log.info("poll: %d new posts, %d in watched topics, %d sign-ups, cursor %d",
                     len(posts), len(relevant), len(report.result.signups), newest)
        return report

    async def process_webhook_events(self, inbox: Sequence[tuple[int, Post | None]]) -> IngestResult:
        """Apply stored webhook deliveries; each commits with its inbox row."""
        watched = await asyncio.to_thread(self.watches.active, self._config.watch)
        posts = [p for _, p in inbox if p is not None and p.topic_id in watched]
        ids = [i for i, _ in inbox]
        return await asyncio.to_thread(self._commit_batch, posts, watched, None, None, inbox_ids=ids)

    def _watched_with_categories(self, posts: Sequence[Post]) -> dict[int, WatchInfo]:
        """The watched topics, after adopting new topics of watched categories."""
        categories = {w.category: w for w in self._config.watch if w.category is not None}
        watched = self.watches.active(self._config.watch)
        new = {p.topic_id: categories[p.category_id] for p in posts
               if p.category_id in categories and p.topic_id not in watched and p.archetype == "regular"}
        for topic_id, watch in new.items():
            self.watches.adopt(topic_id, watch)
        return self.watches.active(self._config.watch) if new else watched

    def _cursor(self) -> int:
        with self._db.session() as session:
            state = session.get(WatcherState, CURSOR)
            return state.value if state else 0

    def _commit_batch(
        self, posts: Sequence[Post], watched: dict[int, WatchInfo], cursor: int | None,
        checkpoint: tuple[int, int] | None, *, acknowledge: bool = True, inbox_ids: Sequence[int] = (),
    ) -> IngestResult:
        """Every effect of these posts plus the marker that they are done: one transaction.

        The marker is the polling cursor, a backfill checkpoint, or the webhook
        inbox rows the posts came from.
        """
        now = self._clock.now()
        with self._db.session() as session:
            result = self.ingestor.ingest_batch(session, posts, watched, now=now)
            for inbox_id in inbox_ids:
                session.get(WebhookEvent, inbox_id).processed_at = now
            if acknowledge and self._acknowledge:
                self._acknowledge_signups(session, result.notified)
            if cursor is not None:
                self._advance(session, cursor, now)
            if checkpoint is not None:
                self._checkpoint(session, *checkpoint)
        if self.observer is not None and result.seen:
            self.observer(result)
        return result

    def _acknowledge_signups(self, session: Session, signups: Sequence[SignUp]) -> None:
        by_topic: dict[int, list[SignUp]] = defaultdict(list)
        for signup in signups:
            if signup.topic_id is not None and signup.intent == "join":
                by_topic[signup.topic_id].append(signup)
        for topic_id, topic_signups in by_topic.items():
            self._listener.forum_signups_acknowledge(session, topic_id, topic_signups)

    @staticmethod
    def _advance(session: Session, cursor: int, now: datetime) -> None:
        state = session.get(WatcherState, CURSOR)
        if state is None:
            session.add(WatcherState(name=CURSOR, value=cursor, updated_at=now))
        elif cursor > state.value:
            state.value, state.updated_at = cursor, now

    def _checkpoint(self, session: Session, topic_id: int, post_id: int) -> None:
        row = session.exec(select(WatchedTopic).where(WatchedTopic.topic_id == topic_id)).one()
        if post_id < 0:
            row.backfill_done_at = self._clock.now()
            row.last_error = None
        else:
            row.backfill_after_post_id = max(row.backfill_after_post_id, post_id)

    # -- backfill --------------------------------------------------------------------

    async def backfill_pending(self, progress: Callable[[int], Progress] | None = None) -> int:
        """Backfill every watched topic not yet read in full; returns topics done."""
        watched = await asyncio.to_thread(self.watches.active, self._config.watch)
        done = 0
        for info in watched.values():
            if info.backfilled:
                continue
            ok = await self.backfill(info, progress(info.topic_id) if progress else None)
            done += ok
        return done

    async def backfill(self, info: WatchInfo, progress: Progress | None = None) -> bool:
        """Read all existing replies of a topic, resumably, in a few large batches.

        Replies older than the topic's `notify_backfill_after` are recorded as
        history without notifying anyone; the forum is not replied to.
        """
        watched = {info.topic_id: info}
        try:
            topic = await self.gateway.topic(info.topic_id)
            await asyncio.to_thread(self.watches.set_title, info.topic_id, topic.title)
            seen = 0
            async for batch in self.gateway.iter_topic_posts(info.topic_id, after_post_id=info.backfill_after_post_id):
                seen += len(batch)
                last = max(p.id for p in batch)
                await asyncio.to_thread(self._commit_batch, batch, watched, None, (info.topic_id, last),
                                        acknowledge=False)
                if progress:
                    progress(seen, topic.posts_count)
            await asyncio.to_thread(self._commit_batch, [], watched, None, (info.topic_id, -1), acknowledge=False)
            log.info("backfill of topic %s done: %d posts", info.topic_id, seen)
            return True
        except (ForumNotFoundError, PermissionDeniedError, ForumResponseError) as exc:
            await asyncio.to_thread(self.watches.mark_error, info.topic_id, f"{type(exc).__name__}: {exc}")
            return False

    # -- edits in polling-only mode ----------------------------------------------------

    async def recheck_edits(self) -> int:
        """Re-read the most recent watched posts; returns how many changed."""
        window = self._config.discourse.edit_window_posts if self._config.discourse else 0
        if window <= 0:
            return 0
        watched = await asyncio.to_thread(self.watches.active, self._config.watch)
        recent = await asyncio.to_thread(self._recent_posts, window, list(watched))
        changed: list[Post] = []
        for topic_id, known in recent.items():
            try:
                fresh = {p.id: p for p in await self.gateway.posts_by_ids(topic_id, list(known))}
            except (ForumNotFoundError, PermissionDeniedError) as exc:
                await asyncio.to_thread(self.watches.mark_error, topic_id, f"{type(exc).__name__}: {exc}")
                continue
            for post_id, (version, deleted) in known.items():
                post = fresh.get(post_id)
                if post is None and not deleted:
                    changed.append(_vanished(post_id, topic_id, version))
                elif post is not None and (post.version > version or (post.deleted or post.hidden) != deleted):
                    changed.append(post)
        if changed:
            await asyncio.to_thread(self._commit_batch, changed, watched, None, None)
            log.info("edit re-check: %d posts changed", len(changed))
        return len(changed)

    def _recent_posts(self, window: int, topics: list[int]) -> dict[int, dict[int, tuple[int, bool]]]:
        with self._db.session() as session:
            rows = session.exec(
                select(ForumPost).where(ForumPost.topic_id.in_(topics)).order_by(ForumPost.post_id.desc()).limit(window)
            ).all()
        grouped: dict[int, dict[int, tuple[int, bool]]] = defaultdict(dict)
        for row in rows:
            grouped[row.topic_id][row.post_id] = (row.version, row.deleted)
        return grouped


def _vanished(post_id: int, topic_id: int, version: int) -> Post:
    """A stand-in for a post the forum no longer returns: treated as deleted."""
    epoch = datetime.fromtimestamp(0, timezone.utc)
    return Post(id=post_id, topic_id=topic_id, post_number=2, username="", user_id=None, raw="", cooked="",
                created_at=epoch, updated_at=epoch, version=version, hidden=False, deleted=True,
                topic_title=None, category_id=None, archetype="regular", reply_to_post_number=None,
                is_bot=False, name=None)

