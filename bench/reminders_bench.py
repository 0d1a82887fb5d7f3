"""Reminders at scale: 10,000 recurring schedules stored in SQLite, then the
ReminderService's work. Prints figures; asserts nothing.

- insert: storing the series (one transaction)
- start-up: a fresh process's first tick (loads every series, compiles rules,
  plans the next `horizon` of due times) — what a restart costs
- due next day: computing every reminder/agenda/minutes time due in the next
  24 hours across all schedules (`due_between`, plan rebuilt from scratch)
- steady tick: a later tick with nothing changed (fingerprint query + plan reuse)
- a day of ticks: 288 ticks (every 5 minutes), replanning every 6 hours, queueing what falls due
- resident memory: max RSS of this process

Run: .venv/bin/python bench/reminders_bench.py [N]
"""

from __future__ import annotations

import logging
import random
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import SQLModel  # noqa: E402

from bot.clock import FakeClock  # noqa: E402
from bot.config_problems import validate_data  # noqa: E402
from bot.db import Database  # noqa: E402
from bot.meetings import next_dates, parse_schedule  # noqa: E402
from bot.models import Group  # noqa: E402
from bot.models_meetings import MeetingSeries  # noqa: E402
from bot.services.reminders import ReminderService  # noqa: E402

TEMPLATES = [
    "every {day} at {hh}:{mm}", "fortnightly on a {day} at {hh}.{mm}", "every {n} weeks on {day} {hh}:{mm}",
    "{ord} {day} of the month at {hh}:{mm}", "last Friday of the month {hh}:{mm}",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TZ = "Europe/London"
TICKS_PER_DAY = 288


def seed(db: Database, n: int, now: datetime, rng: random.Random) -> None:
    groups = max(1, n // 10)
    with db.session() as session:
        rows = [Group(slug=f"g{i}", name=f"Group {i}", created_at=now, updated_at=now, discord_channel_id=10_000 + i)
                for i in range(groups)]
        session.add_all(rows)
        session.flush()
        for i in range(n):
            text = rng.choice(TEMPLATES).format(
                day=rng.choice(DAYS), hh=f"{rng.randint(8, 20):02d}", mm=rng.choice(["00", "30"]),
                n=rng.randint(2, 6), ord=rng.choice(["first", "second", "third"]))
            rule = parse_schedule(text, tz=TZ, today=now.date())
            start = next_dates(rule, tz=TZ, now=now - timedelta(days=rng.randint(0, 900)), n=1)[0]
            session.add(MeetingSeries(
                group_id=rows[i % groups].id, rule_text=text, kind=rule.kind, rrule=rule.rrule,
                start_local=rule.start_local.strftime("%H:%M") if rule.start_local else None, start=start, tz=TZ,
                duration_seconds=3600, source="cli", created_at=now, updated_at=now))


def main(n: int = 10_000) -> None:
    logging.basicConfig(level=logging.ERROR)
    rng = random.Random(7)
    now = datetime(2026, 3, 2, 6, 0, tzinfo=timezone.utc)
    config = validate_data({"organisation": {"name": "Bench", "timezone": TZ},
                            "groups": [{"slug": "x", "name": "X"}]})
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.db")
        SQLModel.metadata.create_all(db.engine)
        t0 = time.perf_counter()
        seed(db, n, now, rng)
        t1 = time.perf_counter()
        clock = FakeClock(now)
        service = ReminderService(db, clock, config)
        first = service.tick()
        t2 = time.perf_counter()
        with db.session() as session:
            fresh = ReminderService(db, clock, config, horizon=timedelta(0))
            t3 = time.perf_counter()
            due = fresh.due_between(session, now, now + timedelta(days=1))
            t4 = time.perf_counter()
        clock.advance(timedelta(minutes=1))
        t5 = time.perf_counter()
        steady = service.tick()
        t6 = time.perf_counter()
        t7 = time.perf_counter()
        queued = 0
        for _ in range(TICKS_PER_DAY):
            clock.advance(timedelta(days=1) / TICKS_PER_DAY)
            queued += service.tick().queued
        t8 = time.perf_counter()
        db.dispose()
    kinds = {k: sum(1 for d in due if d.kind == k) for k in ("reminder", "agenda", "minutes")}
    print(f"schedules:                          {n}")
    print(f"insert (one transaction):           {t1 - t0:.2f} s")
    print(f"start-up (first tick, plan 6 h):    {t2 - t1:.2f} s ({first.queued} queued)")
    print(f"due next day (plan from scratch):   {t4 - t3:.2f} s — {len(due)} items {kinds}")
    print(f"steady tick (nothing changed):      {(t6 - t5) * 1000:.1f} ms ({steady.queued} queued)")
    print(f"a day of ticks every 5 min:         {t8 - t7:.2f} s for {TICKS_PER_DAY} ticks "
          f"({(t8 - t7) / TICKS_PER_DAY * 1000:.0f} ms each on average), {queued} reminders queued")
    print(f"max RSS of the process:             {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
