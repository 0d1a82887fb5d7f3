"""The one dispatcher: delivers outbox rows through the senders, exactly once.

Exactly once, step by step (a crash may happen between any two of them):

1. The cause commits with its outbox row (`bot.outbox.enqueue`). Crash after
   this: the row is there and due; nothing is lost.
2. CLAIM, committed before anything is sent: `attempts += 1` and
   `next_attempt_at = now + lease`, in one conditional UPDATE of due rows (on
   PostgreSQL the candidates are read `FOR UPDATE SKIP LOCKED`), so a second
   dispatcher cannot take the same row while the lease runs. Crash after the
   claim: nothing was sent; when the lease expires the row is claimed again
   (attempt 2) and sent. A message that crashes the process every time burns
   an attempt each time and is dead-lettered after `max_attempts`.
3. SEND, outside any transaction (no locks held across the network). Crash
   during or after the send but before step 4: the remote side may have the
   message while our row does not say so. The row is claimed again after the
   lease with `attempt > 1`, which tells the sender "this may already be
   there":
   - Forum replies and topics carry `reply_marker(key)`; `DiscourseSender`
     FIRST searches the forum for it and reports a found post as delivered
     (at-most-once). Private messages cannot be searched through the gateway;
     Discourse's 120 s memo of identical API posts covers a retry within
     120 s, which is why the lease (60 s) is shorter than that window.
   - Discord: the sender passes `message.nonce`, stable across attempts;
     discord.py (2.7, `http.handle_message_parameters`) then sends
     `enforce_nonce: true`, and Discord returns the earlier message instead
     of creating another when the same nonce comes back within a few
     minutes. Beyond that window a retry could duplicate a DM; where a row
     has a `remote_ref` the Discord side edits instead of resending.
4. MARK delivered with `remote_ref`, committed. A crash after this changes
   nothing.

Failures: transient ones retry with exponential backoff and full jitter, never
sooner than the remote's `retry_after`; after `max_attempts` the row is
dead-lettered (`dead_at`, `last_error`). Permanent ones are dead-lettered at
once, except a closed DM (RecipientUnreachableError), which becomes a
Discourse PM in the same transaction that marks the DM as failed over.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from bot.clock import Clock
from bot.config import OutboxConfig
from bot.db import Database
from bot.delivery.errors import PermanentDeliveryError, RecipientUnreachableError, TransientDeliveryError
from bot.delivery.fallback import fall_back
from bot.delivery.message import DeliveryResult, OutgoingMessage, Sender
from bot.delivery.pacing import TokenBucket
from bot.models import Notification

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(seconds=60)
# Messages whose content is a secret for their recipient only (one-time link
# codes): once delivered, the outbox keeps that it was sent, not what it said.
SCRUB_AFTER_DELIVERY = frozenset({"link_code"})
Probe = Callable[[str, OutgoingMessage], None]


@dataclass
class DispatchReport:
    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    fell_back: int = 0
    deferred: int = 0


class Dispatcher:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        senders: Mapping[str, Sender],
        *,
        config: OutboxConfig,
        rng: Callable[[], float] = random.random,
        rate: float = 5.0,
        burst: float | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        lease: timedelta = DEFAULT_LEASE,
        probe: Probe | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._senders = dict(senders)
        self._config = config
        self._rng = rng
        self._lease = lease
        self._bucket = TokenBucket(rate=rate, burst=burst, clock=clock, sleep=sleep)
        self._probe = probe or (lambda step, message: None)
        self._wake = asyncio.Event()
        # A claimed batch must be sent well inside its lease at the paced rate.
        self._max_batch = max(1, int(rate * lease.total_seconds() / 2))

    # -- the loop ------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event, idle_wait: float = 2.0) -> None:
        """Deliver until `stop` is set; between empty rounds wait `idle_wait` s or a `wake()`."""
        log.info("dispatcher started for channels %s", sorted(self._senders))
        while not stop.is_set():
            try:
                report = await self.run_once()
            except sa.exc.SQLAlchemyError:
                log.exception("dispatcher: database error; trying again in %.1f s", idle_wait)
                report = DispatchReport()
            if report.claimed == 0:
                await self._idle(stop, idle_wait)
        log.info("dispatcher stopped")

    def wake(self) -> None:
        """Something was just queued: look now rather than after the idle wait."""
        self._wake.set()

    async def _idle(self, stop: asyncio.Event, seconds: float) -> None:
        waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            await asyncio.gather(*waiters, return_exceptions=True)
            self._wake.clear()

    async def run_once(self, *, limit: int = 100) -> DispatchReport:
        """Claim the due rows (up to `limit`) and try each once."""
        report = DispatchReport()
        claimed = await asyncio.to_thread(self._claim, min(limit, self._max_batch))
        report.claimed = len(claimed)
        for message, lease_until in claimed:
            self._probe("claimed", message)
            await self._process(message, lease_until, report)
        return report

    # -- the steps -------------------------------------------------------------------------

    def _claim(self, limit: int) -> list[tuple[OutgoingMessage, datetime]]:
        now = self._clock.now()
        lease_until = now + self._lease
        due = (Notification.delivered_at.is_(None), Notification.dead_at.is_(None),
               Notification.cancelled_at.is_(None), Notification.next_attempt_at <= now)
        with self._db.session() as session:
            query = (select(Notification.id).where(*due, Notification.channel.in_(sorted(self._senders)))
                     .order_by(Notification.next_attempt_at, Notification.id).limit(limit))
            if not self._db.is_sqlite:
                query = query.with_for_update(skip_locked=True)
            ids = list(session.exec(query).all())
            if not ids:
                return []
            session.execute(sa.update(Notification).where(Notification.id.in_(ids), *due)
                            .values(attempts=Notification.attempts + 1, next_attempt_at=lease_until))
            rows = session.exec(select(Notification).where(
                Notification.id.in_(ids), Notification.next_attempt_at == lease_until,
                Notification.delivered_at.is_(None)).order_by(Notification.id)).all()
            return [(_message(row), lease_until) for row in rows]

    async def _process(self, message: OutgoingMessage, lease_until: datetime, report: DispatchReport) -> None:
        await self._bucket.acquire()
        if self._clock.now() >= lease_until:
            log.warning("outbox #%s: lease ran out before sending; it will be claimed again", message.id)
            report.deferred += 1
            return
        sender = self._senders[message.channel]
        try:
            self._probe("sending", message)
            result = await sender.deliver(message)
        except TransientDeliveryError as exc:
            await asyncio.to_thread(self._retry_or_bury, message, exc, exc.retry_after, report)
        except RecipientUnreachableError as exc:
            await asyncio.to_thread(self._fall_back, message, exc, report)
        except PermanentDeliveryError as exc:
            await asyncio.to_thread(self._bury, message, f"permanent: {exc}", report)
        except Exception as exc:  # a sender bug: keep it visible, retry like a transient failure
            log.exception("outbox #%s: unexpected error from the %s sender", message.id, message.channel)
            await asyncio.to_thread(self._retry_or_bury, message, exc, None, report)
        else:
            self._probe("sent", message)
            await asyncio.to_thread(self._mark_delivered, message, result)
            report.delivered += 1

    def _mark_delivered(self, message: OutgoingMessage, result: DeliveryResult) -> None:
        with self._db.session() as session:
            session.execute(sa.update(Notification).where(
                Notification.id == message.id, Notification.delivered_at.is_(None),
            ).values(delivered_at=self._clock.now(), remote_ref=result.remote_ref, last_error=None,
                     **({"payload": {}} if message.kind in SCRUB_AFTER_DELIVERY else {})))
        log.info("outbox #%s delivered (%s to %s %s, attempt %d, ref %s)", message.id, message.kind,
                 message.channel, message.recipient, message.attempt, result.remote_ref)

    def backoff(self, attempt: int, retry_after: float | None) -> float:
        """Full jitter on an exponential cap, but never sooner than the remote asked."""
        base = self._config.base_delay.total_seconds()
        cap = min(self._config.max_delay.total_seconds(), base * 2 ** (attempt - 1))
        delay = self._rng() * cap
        return max(delay, retry_after or 0.0)

    def _retry_or_bury(
        self, message: OutgoingMessage, exc: BaseException, retry_after: float | None, report: DispatchReport
    ) -> None:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if message.attempt >= self._config.max_attempts:
            self._bury(message, f"gave up after {message.attempt} attempts: {error}", report)
            return
        delay = self.backoff(message.attempt, retry_after)
        with self._db.session() as session:
            session.execute(sa.update(Notification).where(
                Notification.id == message.id, Notification.attempts == message.attempt,
                Notification.delivered_at.is_(None),
            ).values(next_attempt_at=self._clock.now() + timedelta(seconds=delay), last_error=error))
        report.retried += 1
        log.warning("outbox #%s: attempt %d failed (%s); retrying in %.1f s", message.id, message.attempt,
                    error, delay)

    def _bury(self, message: OutgoingMessage, error: str, report: DispatchReport) -> None:
        with self._db.session() as session:
            session.execute(sa.update(Notification).where(
                Notification.id == message.id, Notification.delivered_at.is_(None),
            ).values(dead_at=self._clock.now(), last_error=error[:2000]))
        report.dead += 1
        log.error("outbox #%s dead-lettered (%s to %s %s): %s", message.id, message.kind, message.channel,
                  message.recipient, error)

    def _fall_back(self, message: OutgoingMessage, exc: RecipientUnreachableError, report: DispatchReport) -> None:
        with self._db.session() as session:
            replacement = fall_back(session, message, reason=str(exc), now=self._clock.now())
        if replacement is None:
            self._bury(message, f"recipient unreachable and no fallback: {exc}", report)
            return
        report.fell_back += 1
        log.warning("outbox #%s: %s unreachable (%s); fell back to discourse_pm #%s", message.id,
                    message.recipient, exc, replacement)


def _message(row: Notification) -> OutgoingMessage:
    return OutgoingMessage(id=row.id, kind=row.kind, channel=row.channel, recipient=row.recipient,
                           payload=dict(row.payload), key=row.idempotency_key, attempt=row.attempts)
