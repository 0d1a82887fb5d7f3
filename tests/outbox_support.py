"""Helpers shared by the outbox, delivery and follow-up tests (imported, not a conftest)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select

from bot.clock import FakeClock
from bot.config import OutboxConfig
from bot.db import Database
from bot.delivery import RecordingSender
from bot.dispatcher import Dispatcher
from bot.models import Notification
from bot.outbox import enqueue


class ClockSleep:
    """Stands in for asyncio.sleep: moves the fake clock instead of waiting."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.clock.advance(timedelta(seconds=seconds))


def queue(db: Database, clock: FakeClock, n: int = 1, *, channel: str = "discord_dm", recipient: str = "1001",
          payload: dict[str, Any] | None = None, prefix: str = "k") -> list[int]:
    ids = []
    with db.session() as session:
        for i in range(n):
            row = enqueue(session, kind="test", channel=channel, recipient=recipient,
                          payload=payload or {"text": f"message {i}", "title": f"Title number {i}"},
                          key=f"{prefix}{i}", now=clock.now())
            ids.append(row.id)
    return ids


def rows(db: Database) -> list[Notification]:
    with db.session() as session:
        return list(session.exec(select(Notification).order_by(Notification.id)).all())


def make_dispatcher(db: Database, clock: FakeClock, *senders: RecordingSender, **kwargs: Any) -> Dispatcher:
    mapping = {channel: sender for sender in senders for channel in sender.channels}
    options: dict[str, Any] = dict(config=OutboxConfig(max_attempts=4), rng=lambda: 0.5,
                                   sleep=ClockSleep(clock), rate=1000.0)
    options.update(kwargs)
    return Dispatcher(db, clock, mapping, **options)


async def drain(dispatcher: Dispatcher, rounds: int = 50) -> None:
    for _ in range(rounds):
        if (await dispatcher.run_once()).claimed == 0:
            return
