"""How fast are schedules? 10,000 recurring schedules parsed from text, then the
occurrences due in the next day across all of them. Prints figures; asserts nothing.

Run: .venv/bin/python bench/meetings_bench.py [N]
"""

from __future__ import annotations

import random
import resource
import sys
import time
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))

from bot.meetings import occurrences, parse_schedule  # noqa: E402
from bot.meetings.recurrence import _compiled, _fast_forward, series_start_local  # noqa: E402

TEMPLATES = [
    "every {day} at {hh}:{mm}",
    "fortnightly on a {day} at {hh}.{mm}",
    "every {n} weeks on {day} {hh}:{mm}-{hh2}:{mm}",
    "{ord} {day} of the month at {hh}:{mm}",
    "every other month on the {dom}th at {hh}:{mm}",
    "quarterly on the first {day} at {hh}:{mm}",
    "hver sjette uke på torsdag kl. {hh}:{mm}",
    "annenhver uke på mandag kl {hh}",
    "första tisdagen i månaden kl {hh}",
    "elke zes weken op donderdag {hh}:{mm}",
    "last Friday of the month {hh}:{mm}",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ZONES = ["Europe/London", "Europe/Oslo", "Europe/Stockholm", "Europe/Amsterdam"]


def phrases(n: int, rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for _ in range(n):
        hh = rng.randint(8, 20)
        text = rng.choice(TEMPLATES).format(
            day=rng.choice(DAYS), hh=f"{hh:02d}", hh2=f"{hh + 1:02d}", mm=rng.choice(["00", "15", "30"]),
            n=rng.randint(2, 8), ord=rng.choice(["first", "second", "third", "last"]), dom=rng.randint(4, 28),
        )
        out.append((text, rng.choice(ZONES)))
    return out


def warm(rules, texts, starts, now) -> None:
    """Start-up work: compile every rule with its DTSTART moved up to now."""
    for rule, (_, tz), start in zip(rules, texts, starts):
        first = series_start_local(rule, tz=tz, start=start)
        target = now.astimezone(ZoneInfo(tz)).replace(tzinfo=None) - timedelta(days=2)
        _compiled(rule.rrule, _fast_forward(rule.rrule, first, target))


def main(n: int = 10_000) -> None:
    rng = random.Random(7)
    texts = phrases(n, rng)
    today = date(2025, 3, 20)
    now = datetime(2025, 3, 20, 6, tzinfo=timezone.utc)
    starts = [datetime(2019, 1, 1, tzinfo=timezone.utc) + timedelta(days=rng.randint(0, 2000)) for _ in range(n)]

    t0 = time.perf_counter()
    rules = [parse_schedule(text, tz=tz, today=today) for text, tz in texts]
    t1 = time.perf_counter()
    warm(rules, texts, starts, now)
    t2 = time.perf_counter()

    # Memory is measured on a second, traced run: tracing slows everything down.
    _compiled.cache_clear()
    tracemalloc.start()
    traced_rules = [parse_schedule(text, tz=tz, today=today) for text, tz in texts]
    warm(traced_rules, texts, starts, now)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del traced_rules

    t3 = time.perf_counter()
    due = 0
    for rule, (_, tz), start in zip(rules, texts, starts):
        due += len(occurrences(rule, tz=tz, start=start, after=now, until=now + timedelta(days=1)))
    t4 = time.perf_counter()
    for rule, (_, tz), start in zip(rules, texts, starts):
        occurrences(rule, tz=tz, start=start, after=now + timedelta(days=1), until=now + timedelta(days=2))
    t5 = time.perf_counter()

    print(f"schedules:                         {n}")
    print(f"parse:                             {t1 - t0:.3f} s ({(t1 - t0) / n * 1e6:.0f} us each)")
    print(f"start-up (parse + compile rrules): {t2 - t0:.3f} s")
    print(f"memory (rules + compiled cache):    {current / 1e6:.1f} MB (peak {peak / 1e6:.1f} MB)")
    print(f"max RSS of the process:            {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"due in the next day (warm cache):  {due} meetings in {t4 - t3:.3f} s")
    print(f"due in the day after (new window): {t5 - t4:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
