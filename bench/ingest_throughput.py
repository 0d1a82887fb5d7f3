"""Ingest throughput through detection and storage, on SQLite and PostgreSQL.

Posts arrive in batches of 50 (one /posts.json page) and each batch commits
with its cursor, exactly as the watcher does. Target: ≥ 2,000 posts/s on
SQLite on this 2-core machine.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, timezone

from _support import database, machine, offline_watcher

from bot.clock import FakeClock
from bot.discourse.models import Post
from bot.models import Notification
from sqlalchemy import func
from sqlmodel import select

JOINS = [
    "I'd love to help the Communications Group with the newsletter.",
    "Count me in for the Policy Group please!",
    "Hi, I'm new here and happy to help wherever needed.",
]
LEAVES = ["I have to step down from the Events group, new job starting."]
OTHERS = [
    "Great stuff, I'll send you the invite to the next meeting on the 23rd.",
    "The meeting is moved to Thursday, same link as usual.",
    "Thanks everyone for a lovely assembly, see you next time.",
    "Is there a reason the moderation group has not been set up yet? " * 3,
]
# (name, share of joins, share of leaves): a busy "want to join?" thread where
# nearly half the replies are sign-ups, and ordinary forum traffic.
MIXES = [("sign-up thread", 0.35, 0.10), ("typical forum", 0.08, 0.02)]


def text(rng: random.Random, joins: float, leaves: float) -> str:
    roll = rng.random()
    pool = JOINS if roll < joins else LEAVES if roll < joins + leaves else OTHERS
    return rng.choice(pool)


def posts(n: int, topic_id: int, joins: float, leaves: float) -> list[Post]:
    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    return [
        Post(id=i + 10, topic_id=topic_id, post_number=i + 2, username=f"user{rng.randrange(n // 3)}",
             user_id=i + 100, raw=text(rng, joins, leaves), cooked="", created_at=start + timedelta(seconds=i),
             updated_at=start + timedelta(seconds=i), version=1, hidden=False, deleted=False,
             topic_title="Want to join?", category_id=5, archetype="regular", reply_to_post_number=None,
             is_bot=False, name=None)
        for i in range(n)
    ]


def run(backend: str, n: int, mix: tuple[str, float, float]) -> None:
    with database(backend) as db:
        if db is None:
            return
        clock = FakeClock(datetime(2026, 1, 2, tzinfo=timezone.utc))  # the posts are recent: all notify
        app, watcher, watched = offline_watcher(db, clock)
        batch = posts(n, 1234, mix[1], mix[2])
        started = time.perf_counter()
        for i in range(0, n, 50):
            page = batch[i:i + 50]
            watcher._commit_batch(page, watched, page[-1].id, None)  # noqa: SLF001 - the unit under test
        elapsed = time.perf_counter() - started
        signups = len(app.listings.signups())
        with db.session() as session:
            outbox = session.exec(select(func.count()).select_from(Notification)).one()
        print(f"  {backend:<10} {mix[0]:<15} {n} posts in {elapsed:5.2f} s = {n / elapsed:6,.0f} posts/s "
              f"({signups} sign-ups, {outbox} outbox rows)")


def main() -> None:
    print(f"ingest throughput (detection + storage, 50-post pages) — {machine()}")
    for backend in ("sqlite", "postgres"):
        for mix in MIXES:
            run(backend, 10_000, mix)


if __name__ == "__main__":
    main()
