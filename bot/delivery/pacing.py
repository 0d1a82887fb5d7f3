"""A token bucket: a burst of sign-ups is delivered steadily, never dropped.

Discord allows a bot about 50 requests/s globally and fewer per route; we stay
well below (5 messages/s by default). Time comes from the injected clock and
sleep function, so tests run a 200-message burst without waiting.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.clock import Clock


class TokenBucket:
    def __init__(
        self, *, rate: float, burst: float | None, clock: Clock, sleep: Callable[[float], Awaitable[Any]]
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        self.capacity = max(1.0, burst if burst is not None else rate)
        self._tokens = self.capacity
        self._clock = clock
        self._sleep = sleep
        self._updated = clock.now()

    async def acquire(self) -> None:
        """Take one token, waiting until one has accrued."""
        while True:
            now = self._clock.now()
            elapsed = max(0.0, (now - self._updated).total_seconds())
            self._tokens = min(self.capacity, self._tokens + elapsed * self.rate)
            self._updated = now
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return
            await self._sleep((1.0 - self._tokens) / self.rate)
