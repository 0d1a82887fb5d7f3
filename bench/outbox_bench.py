"""Outbox throughput: 10,000 messages queued (one transaction each, as sign-ups are)
and dispatched to a fake sender, on SQLite and on PostgreSQL.

Run: .venv/bin/python bench/outbox_bench.py [--n 10000]
Prints messages/s for queueing and dispatching, and the outbox's overhead
per message (database work: claim + mark delivered; the fake sender is free).
PostgreSQL runs on a private server started from the local binaries, or is
skipped with a message when they are absent.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import SQLModel  # noqa: E402

from bot.clock import SystemClock  # noqa: E402
from bot.config import OutboxConfig  # noqa: E402
from bot.db import Database  # noqa: E402
from bot.delivery import RecordingSender  # noqa: E402
from bot.dispatcher import Dispatcher  # noqa: E402
from bot.outbox import enqueue  # noqa: E402
from tests.pgserver import PostgresServer, find_bin_dir  # noqa: E402

PAYLOAD = {"title": "New sign-up for Communications Group: Kari", "locale": "en",
           "text": "**Kari** wants to join **Communications Group**.\n\n> I'd love to help\n\nStatus: pending",
           "buttons": [{"custom_id": "coopbot:signup:1:contacted", "label": "I've contacted them",
                        "style": "primary"}]}


def queue_all(db: Database, n: int) -> float:
    clock = SystemClock()
    start = time.perf_counter()
    for i in range(n):
        with db.session() as session:
            enqueue(session, kind="signup_new", channel="discord_dm", recipient=str(1000 + i % 50),
                    payload=PAYLOAD, key=f"signup:{i}:driver:1", now=clock.now())
    return time.perf_counter() - start


async def dispatch_all(db: Database, n: int) -> tuple[float, int, float]:
    sender = RecordingSender(dedupe_nonces=False)
    dispatcher = Dispatcher(db, SystemClock(), {"discord_dm": sender}, config=OutboxConfig(), rate=1e9)
    start = time.perf_counter()
    rounds = 0
    while (await dispatcher.run_once(limit=500)).claimed:
        rounds += 1
    elapsed = time.perf_counter() - start
    assert len(sender.delivered) == n, (len(sender.delivered), n)
    probe = time.perf_counter()  # what the fake sender alone costs, to subtract
    for message in sender.delivered[:1000]:
        await RecordingSender(dedupe_nonces=False).deliver(message)
    sender_cost = (time.perf_counter() - probe) / min(n, 1000)
    return elapsed, rounds, sender_cost


def run(label: str, url: str, n: int) -> None:
    db = Database(url)
    SQLModel.metadata.create_all(db.engine)
    queued = queue_all(db, n)
    dispatched, rounds, sender_cost = asyncio.run(dispatch_all(db, n))
    db.dispose()
    overhead = dispatched / n - sender_cost
    print(f"{label:<10} queue: {n / queued:8.0f} msg/s ({queued / n * 1e6:6.0f} µs/msg, one transaction each)")
    print(f"{'':<10} dispatch: {n / dispatched:8.0f} msg/s in {rounds} claims; outbox overhead "
          f"{overhead * 1e6:6.0f} µs/msg (claim + mark delivered), fake sender {sender_cost * 1e6:.1f} µs/msg")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    print(f"outbox benchmark: {args.n} messages, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    with tempfile.TemporaryDirectory() as tmp:
        run("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", args.n)
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("postgres   SKIPPED: no PostgreSQL server binaries found (install postgresql to measure it)")
        return 0
    server = PostgresServer(bin_dir)
    server.start()
    try:
        run("postgres", server.create_database("outbox_bench"), args.n)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
