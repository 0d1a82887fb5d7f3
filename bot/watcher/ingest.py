"""From one forum post to sign-ups, idempotently by post id and revision.

`PostIngestor.ingest` runs inside the caller's transaction; the caller
commits the post's effects together with whatever marks the post as done
(the polling cursor, a webhook inbox row, a backfill checkpoint), so a crash
at any point either keeps both or neither. The `ForumPost` ledger makes a
second look at the same revision a no-op, which is what makes poll +
webhook + restart safe to overlap.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from bot.detection import Decision, Detector
from bot.discourse.models import Post
from bot.models import ForumPost, Person, SignUp
from bot.services.people import PeopleService, discourse_key
from bot.services.signups import SignUpRequest, SignUpService, source_keys
from bot.watcher.topics import WatchInfo, is_recent

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    """What one batch did, for logs, the demo and acknowledgements."""

    seen: int = 0
    skipped: int = 0
    decisions: list[tuple[Post, Decision]] = field(default_factory=list)
    signups: list[SignUp] = field(default_factory=list)
    notified: list[SignUp] = field(default_factory=list)  # the sign-ups that are news, not history
    withdrawn: int = 0

    def merge(self, other: IngestResult) -> None:
        self.seen += other.seen
        self.skipped += other.skipped
        self.decisions.extend(other.decisions)
        self.signups.extend(other.signups)
        self.notified.extend(other.notified)
        self.withdrawn += other.withdrawn


class PostIngestor:
    def __init__(
        self, *, detector: Detector, people: PeopleService, signups: SignUpService, api_username: str
    ) -> None:
        self.detector = detector
        self._people = people
        self._signups = signups
        self._own_key = discourse_key(api_username)

    def ingest_batch(
        self, session: Session, posts: Sequence[Post], watched: Mapping[int, WatchInfo], *, now: datetime
    ) -> IngestResult:
        """Apply posts oldest first inside the caller's transaction.

        Ledger rows are read in one query and new ones written in one
        executemany, so the common case (a reply that is no sign-up) costs
        a detection and a row.
        """
        result = IngestResult()
        ordered = sorted(posts, key=lambda p: (p.id, p.version))
        ids = list({p.id for p in ordered})
        known = {row.post_id: row for row in session.exec(select(ForumPost).where(ForumPost.post_id.in_(ids)))}
        fresh: dict[int, dict[str, object]] = {}
        self._people.prefetch(session, [p.username for p in ordered if self._counts(p)])
        self._signups.prefetch_posts(session, ids)
        for post in ordered:
            self._ingest_one(session, post, watched[post.topic_id], known, fresh, now, result)
        if fresh:
            session.execute(sa.insert(ForumPost), list(fresh.values()))
        return result

    def _ingest_one(
        self, session: Session, post: Post, watch: WatchInfo, known: dict[int, ForumPost],
        fresh: dict[int, dict[str, object]], now: datetime, result: IngestResult,
    ) -> None:
        result.seen += 1
        if not self._counts(post):
            result.skipped += 1
            return
        gone = post.deleted or post.hidden
        seen_before = _state(known.get(post.id), fresh.get(post.id))
        if seen_before is not None and seen_before[0] >= post.version and seen_before[1] == gone:
            return
        decision = None
        if gone:
            result.withdrawn += self._signups.withdraw_post(session, post.id, reason="post_deleted")
        else:
            decision = restrict(self.detector.detect(post.raw), watch.groups)
            result.decisions.append((post, decision))
            request = self._request(post, decision, notify=is_recent(post.created_at, now, watch.notify_after))
            if seen_before is not None:
                keep = source_keys(request) if request else set()
                result.withdrawn += self._signups.withdraw_post(session, post.id, reason="post_edited", keep=keep)
            if request is not None:
                person = self._person(session, post)
                recorded = self._signups.record(session, person, request)
                result.signups.extend(recorded)
                if request.notify:
                    result.notified.extend(recorded)
        row = _ledger_values(post, decision, now)
        if post.id in known:
            for key, value in row.items():
                setattr(known[post.id], key, value)
        else:
            fresh[post.id] = row

    def _person(self, session: Session, post: Post) -> Person:
        return self._people.ensure(session, discourse_username=post.username, display_name=post.name or post.username)

    def _counts(self, post: Post) -> bool:
        """Replies by people, in public topics; not the opener, bots or ourselves."""
        return (
            post.archetype == "regular"
            and not post.is_bot
            and post.post_number > 1
            and discourse_key(post.username) != self._own_key
        )

    @staticmethod
    def _request(post: Post, decision: Decision, *, notify: bool) -> SignUpRequest | None:
        if decision.intent == "none":
            return None
        return SignUpRequest(
            intent=decision.intent, group_slugs=decision.groups, source="forum", source_ref=str(post.id),
            evidence=decision.evidence, confidence=decision.confidence,
            needs_review=decision.is_low_confidence, post_id=post.id, topic_id=post.topic_id,
            post_version=post.version, at=post.created_at, notify=notify,
        )


def _state(row: ForumPost | None, fresh: dict[str, object] | None) -> tuple[int, bool] | None:
    """(version, deleted) of the post as last handled, if it was."""
    if fresh is not None:
        return int(fresh["version"]), bool(fresh["deleted"])  # type: ignore[call-overload]
    if row is not None:
        return row.version, row.deleted
    return None


def _ledger_values(post: Post, decision: Decision | None, now: datetime) -> dict[str, object]:
    return {
        "post_id": post.id,
        "topic_id": post.topic_id,
        "version": post.version,
        "username": post.username[:60],
        "deleted": post.deleted or post.hidden,
        "intent": decision.intent if decision else "none",
        "groups": list(decision.groups) if decision else [],
        "confidence": decision.confidence if decision else 0.0,
        "processed_at": now,
    }


def restrict(decision: Decision, allowed: tuple[str, ...] | None) -> Decision:
    """A topic limited to some groups cannot sign anyone up for the others."""
    if allowed is None or not decision.groups:
        return decision
    kept = tuple(g for g in decision.groups if g in allowed)
    if kept == decision.groups:
        return decision
    if not kept:
        log.info("decision for groups %s dropped: topic only allows %s", decision.groups, allowed)
        return Decision("none", (), decision.confidence, decision.evidence, decision.language)
    return Decision(decision.intent, kept, decision.confidence, decision.evidence, decision.language)
