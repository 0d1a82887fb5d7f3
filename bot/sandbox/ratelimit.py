"""Discourse's admin API rate limit: one rolling bucket shared by every admin key."""

from __future__ import annotations

import math
import threading
from collections import deque
from datetime import datetime, timedelta

from bot.clock import Clock

WINDOW = timedelta(minutes=1)
ERROR_CODE = "admin_api_key_rate_limit"


class RateLimiter:
    """At most `per_minute` requests in any rolling minute (RateLimiter in lib/rate_limiter.rb)."""

    def __init__(self, *, per_minute: int | None, clock: Clock) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._hits: deque[datetime] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> int | None:
        """Record a request, or return the whole seconds to wait if the bucket is full."""
        if self.per_minute is None:
            return None
        now = self._clock.now()
        with self._lock:
            while self._hits and self._hits[0] <= now - WINDOW:
                self._hits.popleft()
            if len(self._hits) >= self.per_minute:
                left = (self._hits[0] + WINDOW - now).total_seconds()
                return max(1, math.ceil(left))
            self._hits.append(now)
            return None

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


def rate_limit_body(wait_seconds: int) -> dict[str, object]:
    return {
        "errors": [
            "You’ve performed this action too many times. "
            f"Please wait {wait_seconds} seconds before trying again."
        ],
        "error_type": "rate_limit",
        "extras": {"wait_seconds": wait_seconds, "time_left": f"{wait_seconds} seconds"},
    }
